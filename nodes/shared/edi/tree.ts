import type { Finding, Group, Interchange, Segment, TransactionSet } from './model';

/** A new group (GS / UNG, or none for EDIFACT messages sent outside any group) in `groups`. */
export function openGroup(groups: Group[], header?: Segment): Group {
	const group: Group = { ...(header ? { header } : {}), sets: [], findings: [], verdict: 'A' };
	groups.push(group);
	return group;
}

/** A new set (ST / UNH) in `group`, holding its header as its first segment. */
export function openSet(group: Group, header: Segment): TransactionSet {
	const set: TransactionSet = { header, segments: [header], findings: [], verdict: 'A' };
	group.sets.push(set);
	return set;
}

/** Closes `set` with its trailer (SE / UNT), which counts as one of its segments. */
export function closeSet(set: TransactionSet, trailer: Segment): void {
	set.segments.push(trailer);
	set.trailer = trailer;
}

/** How many segments a set holds, header and trailer included. */
export function segmentCountOf(set: TransactionSet): number {
	return set.segmentCount ?? set.segments.length;
}

/** Called as soon as a set has its trailer, so its segments can be read and let go. */
/** Called as each set's trailer is read, with the group it is in (absent for EDIFACT without UNG). */
export type SetEnd = (set: TransactionSet, interchange: Interchange, group?: Group) => void;

/**
 * At most this many findings are noted for an interchange while it is read. A segment outside
 * where it may stand is one finding each, and a finding takes a hundred times the bytes of a
 * stray `~`: a file of millions of them would hold gigabytes of findings, all saying one thing.
 */
export const MAX_READ_FINDINGS = 1000;

/** Notes a segment outside any place it may stand, while the interchange has room for it. */
export function noteOutside(interchange: Interchange, finding: () => Finding): void {
	if (interchange.findings.length < MAX_READ_FINDINGS) interchange.findings.push(finding());
}
