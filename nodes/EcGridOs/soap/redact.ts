const REDACTED = '[redacted]';

const NAMED_ENTITIES: Record<string, string> = {
	'&': 'amp',
	'<': 'lt',
	'>': 'gt',
	'"': 'quot',
	"'": 'apos',
};

/** A backslash in any of its spellings, any number of times. */
const BACKSLASHES = '(?:\\\\|%(?:25)*5c|&(?:amp;)*#(?:0*92|x0*5c);)*';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * Every way one character can travel: as itself; URL/form-encoded (either hex case, `+` for a
 * space, encoded again); as an XML/HTML entity (named, decimal, hex, escaped again); as a JSON
 * escape; or any of these behind backslashes. A server that echoes the key may mix these freely, so each character gets them all.
 */
function characterPattern(char: string): string {
	const codePoint = char.codePointAt(0)!;
	const hex = codePoint.toString(16);
	const percent = [...Buffer.from(char, 'utf8')]
		.map((byte) => `%(?:25)*${byte.toString(16).padStart(2, '0')}`)
		.join('');
	const entityBody = [`#0*${codePoint};`, `#x0*${hex};`];
	if (NAMED_ENTITIES[char]) entityBody.push(`${NAMED_ENTITIES[char]};`);
	const forms = [
		escapeRegExp(char),
		percent,
		`&(?:amp;)*(?:${entityBody.join('|')})`,
		`\\\\u0*${hex}`,
	];
	if (char === ' ') forms.push('\\+');
	// Any run of backslashes may come first: JSON escapes (`\"`, `\/`), escaped again, or in
	// front of an entity when JSON text was XML-escaped afterwards.
	return `${BACKSLASHES}(?:${forms.join('|')})`;
}

const patterns = new Map<string, RegExp>();

/** Case-insensitive: hex digits come in either case, and a GUID may come back upper-cased. */
function patternFor(secret: string): RegExp {
	let pattern = patterns.get(secret);
	if (!pattern) {
		pattern = new RegExp([...secret].map(characterPattern).join(''), 'gi');
		if (patterns.size > 256) patterns.clear();
		patterns.set(secret, pattern);
	}
	return pattern;
}

/** Replaces every occurrence of each secret (in any of its wire spellings) with a marker. */
export function redact(text: string, secrets: ReadonlyArray<string | undefined>): string {
	let result = text;
	for (const secret of secrets) {
		if (!secret || secret.length < 4) continue;
		result = result.replace(patternFor(secret), REDACTED);
	}
	return result;
}
