const NAMED_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
};

/** HTML text as it reads: named and numeric character references decoded once. */
export function decodeHtmlText(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
		if (body[0] !== '#') return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
		const hex = body[1] === 'x' || body[1] === 'X';
		const codePoint = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
		return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
	});
}
