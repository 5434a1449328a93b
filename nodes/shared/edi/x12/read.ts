import {
	NotEdiError,
	ScannedSegment,
	type Finding,
	type Group,
	type Interchange,
	type Segment,
	type TransactionSet,
} from '../model';
import { firstNonBlank, lineBreakAt, noteLineBreaks } from '../text';
import { closeSet, noteOutside, openGroup, openSet, type SetEnd } from '../tree';
import { cannotCutSegments, isIsaAt, readIsa } from './isa';

/** The state of one interchange while its segments are read. */
type Open = {
	interchange: Interchange;
	group?: Group;
	set?: TransactionSet;
	/** True while an ST outside any group is being skipped up to its SE. */
	skipping: boolean;
};

const outside = (segment: Segment, where: string, number: number): Finding => ({
	level: 'interchange',
	code: '024',
	segment: segment.tag,
	message: `Segment ${segment.tag} (segment ${number} of the file) is outside any ${where}`,
});

/**
 * Reads every X12 interchange in `text` from `start` (an ISA) into interchanges, groups and sets:
 * one `indexOf` per segment and one native `split`. Trailers that never come (a cut-off file, a
 * GS before the previous GE) are left undefined for the envelope check to report.
 */
export function readX12(text: string, start: number, onSetEnd?: SetEnd): Interchange[] {
	const interchanges: Interchange[] = [];
	let position = start;
	let number = 0;
	let open: Open | undefined;
	// The separators of the interchange being read (kept after its IEA for stray segments).
	let element = '';
	let terminator = '';
	// Made anew for each ISA: a segment splits its elements lazily, maybe after the next ISA has
	// declared other separators, so each must keep its own interchange's.
	let splitElements = (rest: string) => rest.split(element);
	for (;;) {
		position = firstNonBlank(text, position);
		if (position >= text.length) break;
		if (text.charCodeAt(position) === 0x49 && isIsaAt(text, position)) {
			const isa = readIsa(text, position);
			if (!isa) {
				const finding: Finding = {
					level: 'interchange',
					code: '023',
					segment: 'ISA',
					message: `The ISA at segment ${number + 1} of the file is cut off before its terminator`,
				};
				// After a whole interchange, a cut-off ISA is that file's last interchange's finding.
				const last = open?.interchange ?? interchanges[interchanges.length - 1];
				if (last) last.findings.push(finding);
				else throw new NotEdiError(finding.message);
				break;
			}
			number++;
			open = {
				interchange: {
					standard: 'X12',
					syntax: isa.syntax,
					header: { tag: 'ISA', elements: isa.elements },
					ta1: [],
					layout: { lineBreak: lineBreakAt(text, isa.end), serviceStringAdvice: false },
					groups: [],
					findings: isa.findings,
					verdict: 'A',
				},
				skipping: false,
			};
			interchanges.push(open.interchange);
			({ element, terminator } = isa.syntax);
			const separator = element;
			splitElements = (rest: string) => rest.split(separator);
			if (cannotCutSegments(isa.syntax)) {
				// The ISA's finding (TA1 note 004) says why.
				open.interchange.unreadable = true;
				break;
			}
			position = isa.end;
			continue;
		}
		let end = text.indexOf(terminator, position);
		if (end < 0) end = text.length;
		const next = end + 1;
		// A `\n` terminator written as CR LF leaves the CR behind.
		if (end > position && text.charCodeAt(end - 1) === 0x0d) end--;
		const segment: Segment = ScannedSegment.in(text, position, end, element, splitElements);
		position = next;
		number++;
		if (open && segment.tag === 'ST') noteLineBreaks(open.interchange, text, position);
		if (!open) {
			noteOutside(interchanges[interchanges.length - 1], () =>
				outside(segment, 'interchange', number),
			);
			continue;
		}
		if (place(open, segment, number, onSetEnd)) open = undefined;
	}
	return interchanges;
}

/** Puts one segment where it belongs; true when it closed the interchange (IEA). */
function place(open: Open, segment: Segment, number: number, onSetEnd?: SetEnd): boolean {
	const { interchange } = open;
	switch (segment.tag) {
		case 'TA1':
			if (open.group || interchange.groups.length > 0) {
				noteOutside(interchange, () =>
					outside(segment, 'place a TA1 may stand (between ISA and the first GS)', number),
				);
			} else interchange.ta1.push(segment);
			return false;
		case 'GS':
			leaveGroup(open);
			open.group = openGroup(interchange.groups, segment);
			return false;
		case 'ST':
			leaveSet(open);
			if (!open.group) {
				noteOutside(interchange, () => outside(segment, 'functional group', number));
				open.skipping = true;
				return false;
			}
			open.set = openSet(open.group, segment);
			return false;
		case 'SE':
			if (open.set) {
				closeSet(open.set, segment);
				onSetEnd?.(open.set, interchange, open.group);
				open.set = undefined;
			} else if (open.skipping) open.skipping = false;
			else noteOutside(interchange, () => outside(segment, 'transaction set', number));
			return false;
		case 'GE':
			leaveSet(open);
			if (open.group) {
				open.group.trailer = segment;
				open.group = undefined;
			} else noteOutside(interchange, () => outside(segment, 'functional group', number));
			return false;
		case 'IEA':
			leaveGroup(open);
			interchange.trailer = segment;
			return true;
		default:
			if (open.set) open.set.segments.push(segment);
			else if (!open.skipping)
				noteOutside(interchange, () => outside(segment, 'transaction set', number));
			return false;
	}
}

/** Leaves the open set without its trailer: the envelope check reports it missing. */
function leaveSet(open: Open): void {
	open.set = undefined;
	open.skipping = false;
}

function leaveGroup(open: Open): void {
	leaveSet(open);
	open.group = undefined;
}
