import type { Binding } from './bindings';
import {
	ECGRIDOS_NAMESPACE,
	SOAP11_ENVELOPE_NAMESPACE,
	SOAP12_ENVELOPE_NAMESPACE,
	XSD_NAMESPACE,
	XSI_NAMESPACE,
} from './namespaces';
import { formBody, type WireValue } from './form';
import { getOperation, SESSION_PARAMETER } from './operations';
import { encodeValue, ParameterTypeError, type ParameterValue } from './values';
import type { WsdlField } from './wsdl/types';
import { escapeXml } from './xml';

/** An operation and its arguments, without the SessionID: the credential supplies that. */
export interface OperationCall {
	operation: string;
	parameters: Record<string, ParameterValue>;
}

export interface CallTarget {
	/** The .asmx endpoint, e.g. https://os.ecgrid.io/v4.1/prod/ECGridOS.asmx */
	endpoint: string;
	binding: Binding;
	/** API key or session ID; required by every operation that takes a SessionID. */
	sessionId?: string;
}

/** Exactly what goes on the wire. */
export interface WireRequest {
	method: 'GET' | 'POST';
	url: string;
	headers: Record<string, string>;
	/** Bytes when the envelope carries a file (see `envelopeBody`), else text. */
	body?: string | Buffer;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

function wireValue(parameter: WsdlField, value: ParameterValue): WireValue {
	if (!Buffer.isBuffer(value)) return encodeValue(parameter, value);
	if (parameter.type !== 'base64Binary')
		throw new ParameterTypeError(`${parameter.name} takes text, not bytes`);
	return value;
}

/** Every WSDL parameter, in WSDL order, in wire form: ECGridOS wants all of them on every call. */
function encodeParameters(
	call: OperationCall,
	sessionId: string | undefined,
): Array<[string, WireValue]> {
	return getOperation(call.operation).parameters.map((parameter) => {
		if (parameter.name === SESSION_PARAMETER) {
			if (!sessionId)
				throw new ParameterTypeError(`${call.operation} needs an API key or session ID`);
			return [parameter.name, sessionId];
		}
		const value = call.parameters[parameter.name];
		if (value === undefined || value === null) {
			throw new ParameterTypeError(`${call.operation} needs a value for ${parameter.name}`);
		}
		return [parameter.name, wireValue(parameter, value)];
	});
}

/** For the query binding, where every value is text and a URL cannot carry a file. */
function asQueryText(
	parameters: Array<[string, WireValue]>,
	operation: string,
): Array<[string, string]> {
	return parameters.map(([name, value]) => {
		if (Buffer.isBuffer(value))
			throw new ParameterTypeError(
				`${operation} cannot send ${name} over HTTP GET: use HTTP POST or a SOAP binding`,
			);
		return [name, value];
	});
}

/**
 * `<Op xmlns="https://os.ecgrid.io/"><Param>text</Param>…</Op>`: children inherit the namespace.
 * As pieces: text escaped here, bytes left to be base64-encoded into the body (base64 needs no
 * escaping).
 */
function operationElement(operation: string, parameters: Array<[string, WireValue]>): WireValue[] {
	const pieces: WireValue[] = [`<${operation} xmlns="${ECGRIDOS_NAMESPACE}">`];
	for (const [name, value] of parameters) {
		pieces.push(`<${name}>`, Buffer.isBuffer(value) ? value : escapeXml(value), `</${name}>`);
	}
	pieces.push(`</${operation}>`);
	return pieces;
}

function envelope(prefix: string, namespace: string, content: WireValue[]): WireValue[] {
	return [
		XML_DECLARATION +
			`<${prefix}:Envelope xmlns:xsi="${XSI_NAMESPACE}" xmlns:xsd="${XSD_NAMESPACE}" xmlns:${prefix}="${namespace}">` +
			`<${prefix}:Body>`,
		...content,
		`</${prefix}:Body></${prefix}:Envelope>`,
	];
}

/** Bytes base64-encoded this many at a time: small pieces of text that go as soon as written. */
const ENCODE_PIECE = 48 * 1024;

/**
 * The envelope as text, or, when it carries a file, as bytes written once into a buffer of the
 * exact size with the file base64-encoded piece by piece: the base64 text of the whole file,
 * the envelope string around it and its UTF-8 copy would each be larger than the file.
 */
function envelopeBody(pieces: WireValue[]): string | Buffer {
	if (!pieces.some((piece) => Buffer.isBuffer(piece))) return pieces.join('');
	const size = pieces.reduce(
		(total, piece) =>
			total + (Buffer.isBuffer(piece) ? Math.ceil(piece.length / 3) * 4 : Buffer.byteLength(piece)),
		0,
	);
	const body = Buffer.allocUnsafe(size);
	let offset = 0;
	for (const piece of pieces) {
		if (!Buffer.isBuffer(piece)) {
			offset += body.write(piece, offset, 'utf8');
			continue;
		}
		for (let at = 0; at < piece.length; at += ENCODE_PIECE) {
			offset += body.write(piece.toString('base64', at, at + ENCODE_PIECE), offset, 'latin1');
		}
	}
	return body;
}

/**
 * The endpoint without trailing slashes, or a ParameterTypeError saying what is wrong with it:
 * without this a URL missing its `https://` fails as a request that "could not be completed".
 */
export function checkedEndpoint(endpoint: string): string {
	const trimmed = endpoint.trim().replace(/\/+$/, '');
	const shown = trimmed.length > 80 ? `${trimmed.slice(0, 80)}…` : trimmed;
	if (trimmed === '')
		throw new ParameterTypeError('The Endpoint URL is empty: set it in the credential');
	let url: URL | undefined;
	try {
		url = new URL(trimmed);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
		throw new ParameterTypeError(
			`The Endpoint URL "${shown}" is not a web address: it must start with https://, e.g. https://os.ecgrid.io/v4.1/prod/ECGridOS.asmx`,
		);
	// Not echoed: a user name and password in a URL are secrets.
	if (url.username || url.password)
		throw new ParameterTypeError(
			'The Endpoint URL carries a user name or password: ECGridOS takes neither in the URL, remove them',
		);
	if (url.search || url.hash)
		throw new ParameterTypeError(
			`The Endpoint URL "${shown}" has a query or fragment: give the .asmx address alone`,
		);
	return trimmed;
}

/** Builds the request for one binding; values are escaped or form-encoded exactly once here. */
export function buildRequest(call: OperationCall, target: CallTarget): WireRequest {
	const endpoint = checkedEndpoint(target.endpoint);
	const parameters = encodeParameters(call, target.sessionId);
	switch (target.binding) {
		case 'soap11':
			return {
				method: 'POST',
				url: endpoint,
				headers: {
					'Content-Type': 'text/xml; charset=utf-8',
					SOAPAction: `"${ECGRIDOS_NAMESPACE}${call.operation}"`,
				},
				body: envelopeBody(
					envelope('soap', SOAP11_ENVELOPE_NAMESPACE, operationElement(call.operation, parameters)),
				),
			};
		case 'soap12':
			return {
				method: 'POST',
				url: endpoint,
				headers: { 'Content-Type': 'application/soap+xml; charset=utf-8' },
				body: envelopeBody(
					envelope(
						'soap12',
						SOAP12_ENVELOPE_NAMESPACE,
						operationElement(call.operation, parameters),
					),
				),
			};
		case 'httpPost':
			return {
				method: 'POST',
				url: `${endpoint}/${call.operation}`,
				// With a charset, n8n's request helper sends the body as it is: for the bare type it
				// re-encodes the body with URLSearchParams, which cannot take a file's bytes.
				headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
				body: formBody(parameters, call.operation),
			};
		case 'httpGet': {
			const query = new URLSearchParams(asQueryText(parameters, call.operation)).toString();
			return {
				method: 'GET',
				url: `${endpoint}/${call.operation}${query ? `?${query}` : ''}`,
				headers: {},
			};
		}
	}
}
