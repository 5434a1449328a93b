import { ParameterTypeError } from './values';

/** A parameter's wire form: text, or the bytes of a base64Binary value. */
export type WireValue = string | Buffer;

/**
 * The HTTP POST form body. The WSDL's HTTP bindings type a base64Binary parameter as a
 * `StringArray`, and ASMX reads a byte array from a form as the field repeated, one decimal byte
 * each (`Content=73&Content=83…`): one base64 string would fail its Byte.Parse. Written once
 * into a buffer of the exact size, since the form is about ten times the file.
 */
export function formBody(
	parameters: Array<[string, WireValue]>,
	operation: string,
): string | Buffer {
	if (!parameters.some(([, value]) => Buffer.isBuffer(value)))
		return new URLSearchParams(parameters as Array<[string, string]>).toString();
	const pieces: Array<string | { prefix: string; bytes: Buffer }> = [];
	let size = 0;
	for (const [name, value] of parameters) {
		const separator = pieces.length > 0 ? '&' : '';
		if (!Buffer.isBuffer(value)) {
			const text = `${separator}${new URLSearchParams([[name, value]]).toString()}`;
			pieces.push(text);
			size += Buffer.byteLength(text);
			continue;
		}
		if (value.length === 0)
			// No field at all is a missing array to ASMX, which then fails without saying why.
			throw new ParameterTypeError(
				`${operation} cannot send an empty ${name} over HTTP POST: use a SOAP binding`,
			);
		const field = `${encodeURIComponent(name)}=`;
		pieces.push({ prefix: field, bytes: value });
		size += separator.length + value.length * (field.length + 1) - 1;
		for (const byte of value) size += byte < 10 ? 1 : byte < 100 ? 2 : 3;
	}
	const body = Buffer.allocUnsafe(size);
	let offset = 0;
	for (const piece of pieces) {
		if (typeof piece === 'string') {
			offset += body.write(piece, offset, 'utf8');
			continue;
		}
		for (const byte of piece.bytes) {
			if (offset > 0) offset += body.write('&', offset, 'latin1');
			offset += body.write(piece.prefix, offset, 'latin1');
			offset += body.write(String(byte), offset, 'latin1');
		}
	}
	return body;
}
