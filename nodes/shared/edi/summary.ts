/** What the envelope summaries share: bounded lists, and telling a segment by its tag. */

/** Summaries keep at most this many list entries, so a huge file cannot grow them without end. */
export const MAX_LIST_ENTRIES = 100;

/** Envelope segments are short; a longer one is read only this far. */
export const MAX_SEGMENT_CHARS = 1024;

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

/** True when the segment at `start`…`end` of `text` has this tag: the tag, then `separator` or its end. */
export function hasTag(
	text: string,
	start: number,
	end: number,
	tag: string,
	separator: string,
): boolean {
	const after = start + tag.length;
	return (
		after <= end && text.startsWith(tag, start) && (after === end || text[after] === separator)
	);
}
