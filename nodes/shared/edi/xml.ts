/** How much of an XML document is searched for its root element. */
const XML_HEAD_BYTES = 64 * 1024;

function isNameStart(byte: number): boolean {
	return (
		(byte >= 0x41 && byte <= 0x5a) ||
		(byte >= 0x61 && byte <= 0x7a) ||
		byte === 0x5f ||
		byte === 0x3a ||
		byte >= 0x80
	);
}

/** True when the content at `start` opens like XML: `<?`, `<!` or `<` and an element name. */
export function looksLikeXml(content: Buffer, start: number): boolean {
	if (content[start] !== 0x3c || start + 1 >= content.length) return false;
	const next = content[start + 1];
	return next === 0x3f || next === 0x21 || isNameStart(next);
}

/**
 * The document element's name: the first start tag after the prolog (declaration, processing
 * instructions, comments, DOCTYPE with or without an internal subset). Read from the first
 * 64 KiB only; `undefined` when it is not there.
 */
export function rootElementOf(content: Buffer, start: number): string | undefined {
	const head = content.toString('utf8', start, Math.min(content.length, start + XML_HEAD_BYTES));
	let position = 0;
	for (;;) {
		while (/\s/.test(head[position] ?? '')) position++;
		if (head.startsWith('<?', position)) position = after(head, '?>', position);
		else if (head.startsWith('<!--', position)) position = after(head, '-->', position);
		else if (head.startsWith('<!', position)) position = afterDeclaration(head, position);
		else return /^<([^\s/>]+)/.exec(head.slice(position, position + 256))?.[1];
		if (position < 0) return undefined;
	}
}

function after(head: string, closing: string, position: number): number {
	const index = head.indexOf(closing, position);
	return index < 0 ? -1 : index + closing.length;
}

/** Skips `<!DOCTYPE …>`, whose internal subset `[…]` may itself hold `>`. */
function afterDeclaration(head: string, position: number): number {
	const close = head.indexOf('>', position);
	const subset = head.indexOf('[', position);
	if (subset < 0 || (close >= 0 && close < subset)) return close < 0 ? -1 : close + 1;
	const subsetEnd = head.indexOf(']', subset);
	return subsetEnd < 0 ? -1 : after(head, '>', subsetEnd);
}
