/**
 * Decoded this many characters at a time (a multiple of 4): each piece is copied into a string,
 * and strings this small live on the young heap, which frees them at once (from about 1 MB,
 * Node makes them external, freed only by a full collection).
 */
const PIECE = 64 * 1024;

const WHITESPACE = /[\t\n\r ]+/g;
const WHITESPACE_CHARS = ['\n', '\r', ' ', '\t'];

/**
 * Decodes `length` characters of base64, read a piece at a time, into `target` from its start;
 * undefined when they are not canonical base64 (each piece must encode back to itself, `=` only
 * at the very end). `target` may be where the characters are: the bytes written trail the
 * characters read, since four characters make at most three bytes.
 */
function decodePieces(
	length: number,
	pieceAt: (start: number, end: number) => string,
	target: Buffer,
): Buffer | undefined {
	if (length % 4 !== 0) return undefined;
	let written = 0;
	for (let at = 0; at < length; at += PIECE) {
		const piece = pieceAt(at, Math.min(length, at + PIECE));
		if (at + PIECE < length && piece.endsWith('=')) return undefined;
		const count = target.write(piece, written, 'base64');
		if (target.toString('base64', written, written + count) !== piece) return undefined;
		written += count;
	}
	return target.subarray(0, written);
}

function decodedLength(text: string): number {
	const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
	return Math.max(0, Math.floor(text.length / 4) * 3 - padding);
}

/**
 * Decodes xsd:base64Binary strictly, or returns undefined when the text is not base64: Node's
 * own decoder skips what it does not understand, which would turn a damaged reply into a
 * damaged file without a word. Whitespace, which XML Schema allows, is dropped first.
 */
export function decodeBase64(content: string): Buffer | undefined {
	const text = WHITESPACE_CHARS.some((char) => content.includes(char))
		? content.replace(WHITESPACE, '')
		: content;
	const target = Buffer.allocUnsafe(decodedLength(text));
	return decodePieces(text.length, (start, end) => text.slice(start, end), target);
}

/**
 * The same for base64 that arrived as ASCII bytes, decoded over those bytes: no copy of the
 * text and no second buffer. The bytes are not base64 text any more afterwards.
 */
export function decodeBase64InPlace(bytes: Buffer): Buffer | undefined {
	if (WHITESPACE_CHARS.some((char) => bytes.includes(char.charCodeAt(0))))
		return decodeBase64(bytes.toString('latin1'));
	return decodePieces(bytes.length, (start, end) => bytes.toString('latin1', start, end), bytes);
}
