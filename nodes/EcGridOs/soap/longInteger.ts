/**
 * xs:long (ParcelID, InterchangeID, ObjectID …) as an n8n workflow holds it. A JS number holds
 * whole numbers exactly only up to 2^53, a long goes to 2^63: a long is a number while it is
 * exact as one and its decimal text beyond, both in results and in what a field takes, so that
 * `{{ $json.parcelId }}` passes any ID back unchanged.
 */

export const LONG_MIN = -(2n ** 63n);
export const LONG_MAX = 2n ** 63n - 1n;

const WHOLE = /^\s*[+-]?\d+\s*$/;

/** A long's text (sign and blanks allowed, as XmlConvert allows them) as a BigInt, if in range. */
function parseLong(text: string): bigint | undefined {
	if (!WHOLE.test(text)) return undefined;
	const value = BigInt(text.trim());
	return value < LONG_MIN || value > LONG_MAX ? undefined : value;
}

/** The workflow form of a long: a number when exact as one, else its decimal text. */
export function longOf(value: bigint): number | string {
	const number = Number(value);
	return Number.isSafeInteger(number) ? number : value.toString();
}

/** The workflow form of a long given as text, or undefined for text that is no long. */
export function longFromText(text: string): number | string | undefined {
	const value = parseLong(text);
	return value === undefined ? undefined : longOf(value);
}

/**
 * A long given by a workflow (a safe whole number, a bigint or whole-number text) as a BigInt;
 * undefined for anything else, a number past 2^53 among them: it has already lost digits.
 */
export function longFromValue(value: unknown): bigint | undefined {
	if (typeof value === 'bigint') return value < LONG_MIN || value > LONG_MAX ? undefined : value;
	if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : undefined;
	if (typeof value === 'string') return parseLong(value);
	return undefined;
}

/** Orders two longs given as text (whole numbers, as longFromText reads them; others first). */
export function compareLongs(a: string, b: string): number {
	const [x, y] = [longFromValue(a) ?? LONG_MIN - 1n, longFromValue(b) ?? LONG_MIN - 1n];
	return x < y ? -1 : x > y ? 1 : 0;
}
