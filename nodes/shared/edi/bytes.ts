/*
 * Byte-level helpers shared by the readers. Files can be tens of megabytes and need not be valid
 * UTF-8, so the readers walk the Buffer itself (Buffer#indexOf is native) and decode only the few
 * segments they read, as latin1: one byte is one character, and no byte sequence can fail.
 */

/** Summaries keep at most this many list entries, so a huge file cannot grow them without end. */
export const MAX_LIST_ENTRIES = 100;

/** Envelope segments are short; a longer one is read only this far. */
export const MAX_SEGMENT_CHARS = 1024;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function isWhitespace(byte: number): boolean {
	return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** Where the content starts: after a UTF-8 byte order mark and any leading whitespace. */
export function contentStart(content: Buffer): number {
	let position = UTF8_BOM.every((byte, index) => content[index] === byte) ? UTF8_BOM.length : 0;
	while (position < content.length && isWhitespace(content[position])) position++;
	return position;
}

export function skipWhitespace(content: Buffer, position: number): number {
	while (position < content.length && isWhitespace(content[position])) position++;
	return position;
}

/** True when the bytes at `position` spell `text` (ASCII). */
export function startsWith(content: Buffer, position: number, text: string): boolean {
	if (position + text.length > content.length) return false;
	for (let index = 0; index < text.length; index++) {
		if (content[position + index] !== text.charCodeAt(index)) return false;
	}
	return true;
}

/**
 * True when the segment starting at `position` and ending at `end` has this tag: the tag's
 * bytes, then the element separator or the segment's end.
 */
export function hasTag(
	content: Buffer,
	position: number,
	end: number,
	tag: string,
	elementSeparator: number,
): boolean {
	const after = position + tag.length;
	return (
		after <= end &&
		startsWith(content, position, tag) &&
		(after === end || content[after] === elementSeparator)
	);
}

export function latin1(content: Buffer, start: number, end: number): string {
	return content.toString('latin1', start, Math.min(end, start + MAX_SEGMENT_CHARS));
}

/** Counts entries by key, keeping at most MAX_LIST_ENTRIES distinct keys (the rest: `dropped`). */
export class Tally<T extends { count: number }> {
	private readonly entries = new Map<string, T>();

	/** How many occurrences had a key beyond the cap. */
	dropped = 0;

	add(key: string, create: () => T): void {
		const entry = this.entries.get(key);
		if (entry) entry.count++;
		else if (this.entries.size < MAX_LIST_ENTRIES) this.entries.set(key, create());
		else this.dropped++;
	}

	values(): T[] {
		return [...this.entries.values()];
	}
}
