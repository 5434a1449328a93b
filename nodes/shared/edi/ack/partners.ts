import type { Interchange } from '../model';

/** Where the envelope names its two partners: ISA05–ISA08, UNB02–UNB03. */
const PARTNER_ELEMENTS: Record<Interchange['standard'], number[]> = {
	X12: [4, 5, 6, 7],
	EDIFACT: [1, 2],
};

/**
 * The interchanges of one file, grouped by the two partners between them in the order each pair
 * first appears. One acknowledgment answers one pair (its envelope is theirs turned around), so a
 * file from several senders gets one acknowledgment per sender rather than none.
 */
export function byPartners(interchanges: Interchange[]): Interchange[][] {
	const groups = new Map<string, Interchange[]>();
	for (const interchange of interchanges) {
		const key = [
			interchange.standard,
			...PARTNER_ELEMENTS[interchange.standard].map((index) =>
				(interchange.header.elements[index] ?? '').trim(),
			),
		].join('|');
		const group = groups.get(key);
		if (group) group.push(interchange);
		else groups.set(key, [interchange]);
	}
	return [...groups.values()];
}
