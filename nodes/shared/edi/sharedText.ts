/*
 * One string for each short value of a file. A big file holds millions of tags, codes,
 * qualifiers, units, small numbers and dates, each a handful of distinct values: a string per
 * occurrence would be much of the output's memory and of the garbage collector's work moving it.
 */

const SHORT = 8;
const MAX_SHARED = 16384;
const sharedValues = new Map<string, string>();
/** The same for ASCII values of up to four characters, keyed by their codes: no slice to look one up. */
const sharedCodes = new Map<number, string>();

/** `text.slice(from, to)`, the same string for every occurrence of a short value. */
export function sharedSlice(text: string, from: number, to: number): string {
	const length = to - from;
	if (length > SHORT) return text.slice(from, to);
	if (length <= 4) {
		// Four 7-bit codes and the length make a small integer, which a Map hashes at once.
		let key = length << 28;
		for (let at = from, shift = 0; at < to; at++, shift += 7) {
			const code = text.charCodeAt(at);
			if (code > 0x7f) return shared(text.slice(from, to));
			key |= code << shift;
		}
		const known = sharedCodes.get(key);
		if (known !== undefined) return known;
		if (sharedCodes.size >= MAX_SHARED) sharedCodes.clear();
		const value = text.slice(from, to);
		sharedCodes.set(key, value);
		return value;
	}
	return shared(text.slice(from, to));
}

function shared(value: string): string {
	const known = sharedValues.get(value);
	if (known !== undefined) return known;
	if (sharedValues.size >= MAX_SHARED) sharedValues.clear();
	sharedValues.set(value, value);
	return value;
}
