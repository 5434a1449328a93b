import { escapeXml } from './xml';

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

/** Shorter base64 runs are left alone: they would match ordinary text by chance. */
const MIN_BASE64_CORE = 8;

/**
 * The base64 characters that stand for `text`'s bytes alone, at each of the three alignments the
 * bytes may have in a longer encoded text (the characters shared with neighbouring bytes differ).
 */
function base64Cores(text: string): string[] {
	const bytes = Buffer.from(text, 'utf8');
	return [0, 1, 2].map((offset) =>
		Buffer.concat([Buffer.alloc(offset), bytes])
			.toString('base64')
			.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6)),
	);
}

/**
 * A server may also echo what it received base64-encoded (a request dump, a token): the secret as
 * the caller wrote it, cased either way, or in its wire spelling (XML-escaped, form-encoded), in
 * the standard or URL-safe alphabet, `+` and `/` themselves perhaps escaped.
 */
function base64PatternFor(secret: string): RegExp | undefined {
	const spellings = new Set([
		secret,
		secret.toUpperCase(),
		secret.toLowerCase(),
		escapeXml(secret),
		new URLSearchParams([['', secret]]).toString().slice(1),
		encodeURIComponent(secret),
	]);
	const cores = [...spellings]
		.flatMap(base64Cores)
		.filter((core) => core.length >= MIN_BASE64_CORE);
	if (cores.length === 0) return undefined;
	const plus = `(?:${characterPattern('+')}|-)`;
	const slash = `(?:${characterPattern('/')}|_)`;
	const alternatives = [...new Set(cores)].map((core) =>
		[...core].map((char) => (char === '+' ? plus : char === '/' ? slash : char)).join(''),
	);
	// Case-insensitive for the escapes' hex digits; a core this long does not match text by chance.
	return new RegExp(alternatives.join('|'), 'gi');
}

const base64Patterns = new Map<string, RegExp | undefined>();

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

/** Replaces every occurrence of each secret (in any of its wire spellings, or base64) with a marker. */
export function redact(text: string, secrets: ReadonlyArray<string | undefined>): string {
	let result = text;
	for (const secret of secrets) {
		if (!secret || secret.length < 4) continue;
		result = result.replace(patternFor(secret), REDACTED);
		if (!base64Patterns.has(secret)) {
			if (base64Patterns.size > 256) base64Patterns.clear();
			base64Patterns.set(secret, base64PatternFor(secret));
		}
		const base64 = base64Patterns.get(secret);
		if (base64) result = result.replace(base64, REDACTED);
	}
	return result;
}
