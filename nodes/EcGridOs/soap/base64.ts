/** Decoded this many characters at a time (a multiple of 4): Node copies each piece it decodes. */
const PIECE = 1 << 20;

const WHITESPACE = /[\t\n\r ]+/g;

function hasWhitespace(text: string): boolean {
	return ['\n', '\r', ' ', '\t'].some((char) => text.includes(char));
}

/**
 * Decodes xsd:base64Binary strictly, or returns undefined when the text is not base64: Node's
 * own decoder skips what it does not understand, which would turn a damaged reply into a
 * damaged file without a word. Each piece must encode back to itself (canonical base64, `=`
 * only at the end); whitespace, which XML Schema allows, is dropped first.
 */
export function decodeBase64(content: string): Buffer | undefined {
	const text = hasWhitespace(content) ? content.replace(WHITESPACE, '') : content;
	if (text.length % 4 !== 0) return undefined;
	const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
	const bytes = Buffer.allocUnsafe((text.length / 4) * 3 - padding);
	let written = 0;
	for (let at = 0; at < text.length; at += PIECE) {
		const piece = text.slice(at, at + PIECE);
		const last = at + PIECE >= text.length;
		if (!last && piece.endsWith('=')) return undefined;
		const count = bytes.write(piece, written, 'base64');
		if (bytes.toString('base64', written, written + count) !== piece) return undefined;
		written += count;
	}
	return written === bytes.length ? bytes : undefined;
}
