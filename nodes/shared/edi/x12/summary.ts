import { hasTag, MAX_LIST_ENTRIES, MAX_SEGMENT_CHARS, Tally } from '../summary';
import { isAlphanumericChar } from '../text';
import type {
	CodeCount,
	X12Delimiters,
	X12FunctionalGroup,
	X12Interchange,
	X12Summary,
} from '../types';
import { TextWindow } from '../window';
import { FIRST_VERSION_WITH_REPETITION, ISA_LENGTH, isaSeparators, isIsaAt } from './isa';

const [S, G, I, T] = ['S', 'G', 'I', 'T'].map((letter) => letter.charCodeAt(0));

/** Segments that may follow an ISA: anything else means its separators were misread. */
const AFTER_ISA = ['GS', 'TA1', 'IEA'];

/**
 * True when `text` opens like an ISA: `ISA`, a separator that is no letter, digit or blank, and
 * a two-character ISA01 (so prose that begins with "ISA" is not X12, while a cut-off ISA is); or,
 * whatever its first elements hold, an ISA whose sixteen separators the reader finds, as Read
 * would read it.
 */
export function looksLikeIsa(text: string): boolean {
	if (!isIsaAt(text, 0)) return false;
	const separator = text[3];
	const opensLikeOne =
		[4, 5].every((position) => position >= text.length || isAlphanumericChar(text[position])) &&
		(text.length <= 6 || text[6] === separator);
	return opensLikeOne || isaSeparators(text, 0).length === 16;
}

type Isa = {
	/** ISA01…ISA16 at indexes 1…16; `undefined` where the ISA ended first. */
	elements: Array<string | undefined>;
	delimiters: X12Delimiters;
	/** Where the segment after the ISA starts in `head`, or `undefined` when the ISA is cut off. */
	end?: number;
	warnings: string[];
};

/**
 * Reads the ISA at the start of `head` by the reader's own separator search, keeping what there is
 * of a cut-off ISA: a summary says how far it got rather than nothing.
 */
function readIsa(head: string): Isa {
	const separators = isaSeparators(head, 0);
	const elements: Array<string | undefined> = [undefined];
	for (let index = 1; index < separators.length; index++) {
		elements.push(head.slice(separators[index - 1] + 1, separators[index]));
	}
	const last = separators[15] as number | undefined;
	const subElement = last === undefined ? undefined : head[last + 1];
	const segment = last === undefined ? undefined : head[last + 2];
	elements.push(subElement);
	const delimiters: X12Delimiters = {
		element: head[3],
		segment: segment ?? '',
		subElement: subElement ?? '',
	};
	if (last === undefined || segment === undefined) {
		const read = elements.filter((value) => value !== undefined).length;
		const warning =
			read === 0
				? 'The ISA is truncated: none of its elements could be read'
				: `The ISA is truncated: only ISA01 to ISA${String(read).padStart(2, '0')} could be read`;
		return { elements, delimiters, warnings: [warning] };
	}
	const length = last + 3;
	const warnings =
		length === ISA_LENGTH
			? []
			: [
					`The ISA is ${length} characters long, not ${ISA_LENGTH}: it was read by its element separators`,
				];
	return { elements, delimiters, end: length, warnings };
}

function byCode(left: CodeCount, right: CodeCount): number {
	return left.code < right.code ? -1 : left.code > right.code ? 1 : 0;
}

/**
 * Summarises the X12 interchange whose ISA starts at `start` (see `looksLikeIsa`): the first ISA,
 * every group (at most 100 listed) and the sets counted by code, in one pass that reads only the
 * GS and ST segments' elements.
 */
export function summarizeX12(content: Buffer, start: number): X12Summary {
	const window = new TextWindow(content, start);
	const isa = readIsa(window.text);
	const field = (index: number) => isa.elements[index]?.trim() ?? '';
	const version = field(12);
	const repetition = field(11);
	if (
		version >= FIRST_VERSION_WITH_REPETITION &&
		repetition.length === 1 &&
		!isAlphanumericChar(repetition)
	) {
		isa.delimiters.repetition = repetition;
	}
	const summary: X12Summary = {
		standard: 'X12',
		sender: { qualifier: field(5), id: field(6) },
		receiver: { qualifier: field(7), id: field(8) },
		controlNumber: field(13),
		date: field(9),
		time: field(10),
		usageIndicator: field(15),
		version,
		interchanges: [
			{
				sender: { qualifier: field(5), id: field(6) },
				receiver: { qualifier: field(7), id: field(8) },
				controlNumber: field(13),
			},
		],
		functionalGroups: [],
		transactionSets: [],
		delimiters: isa.delimiters,
	};
	const warnings = isa.warnings;
	if (isa.end !== undefined) {
		window.position = isa.end;
		scanSegments(window, summary, warnings);
	}
	if (warnings.length > 0) summary.warnings = warnings;
	return summary;
}

/** Walks the segments after the ISA as the reader does, reading only GS and ST segments. */
function scanSegments(window: TextWindow, summary: X12Summary, warnings: string[]): void {
	// The separators of the interchange being read: a later ISA declares its own, as Read takes them.
	let { element, segment: terminator } = summary.delimiters;
	const endOf = (text: string, position: number) => {
		const end = text.indexOf(terminator, position);
		return end < 0 ? text.length : end;
	};
	const transactionSets = new Tally<CodeCount>();
	let droppedGroups = 0;
	let interchanges = 1;
	const listInterchange = (interchange: X12Interchange) => {
		if (summary.interchanges.length < MAX_LIST_ENTRIES) summary.interchanges.push(interchange);
	};
	// A file of TA1s alone has no set to tell that it is an acknowledgment: the count does.
	let ta1s = 0;
	// Read skips a set outside any group (TA1 note 024): so does the count.
	let inGroup = false;
	let first = true;
	while (window.skipBlanks()) {
		if (isIsaAt(window.text, window.position)) {
			window.segmentEnd(isaTerminatorAt);
			const bounds = isaSeparators(window.text, window.position);
			if (bounds.length === 16 && bounds[15] + 2 < window.text.length) {
				interchanges++;
				listInterchange(interchangeOf(window.text, bounds));
				element = window.text[window.position + 3];
				terminator = window.text[bounds[15] + 2];
				window.position = bounds[15] + 3;
				first = true;
				inGroup = false;
				continue;
			}
		}
		const terminatorAt = window.segmentEnd(endOf);
		const { text, position: start } = window;
		const terminated = terminatorAt < text.length;
		// A `\n` terminator written as CR LF leaves the CR behind.
		const end =
			terminatorAt > start && text.charCodeAt(terminatorAt - 1) === 0x0d
				? terminatorAt - 1
				: terminatorAt;
		window.position = terminatorAt + 1;
		// A segment cut off by the end of the file says nothing about the delimiters.
		if (first && terminated && !AFTER_ISA.some((tag) => hasTag(text, start, end, tag, element))) {
			warnings.push(
				`The segment after the ISA is not GS, TA1 or IEA: the delimiters read from the ISA (element "${element}", segment "${terminator}") may be wrong`,
			);
		}
		first = false;
		// Most segments are none of ST, GS, ISA and TA1: their first letter says so without a comparison each.
		const lead = text.charCodeAt(start);
		if (lead !== S && lead !== G && lead !== I && lead !== T) continue;
		if (lead === T) {
			if (hasTag(text, start, end, 'TA1', element)) ta1s++;
		} else if (hasTag(text, start, end, 'ST', element)) {
			if (!inGroup) continue;
			const code = elementsOf(text, start, end, element)[1] ?? '';
			transactionSets.add(code, () => ({ code, count: 1 }));
		} else if (
			hasTag(text, start, end, 'GE', element) ||
			hasTag(text, start, end, 'IEA', element)
		) {
			inGroup = false;
		} else if (hasTag(text, start, end, 'GS', element)) {
			inGroup = true;
			if (summary.functionalGroups.length < MAX_LIST_ENTRIES) {
				summary.functionalGroups.push(readGroup(elementsOf(text, start, end, element)));
			} else droppedGroups++;
		} else if (hasTag(text, start, end, 'ISA', element)) {
			// An ISA whose separators cannot be found: listed, with nothing that could match it.
			interchanges++;
			listInterchange({
				sender: { qualifier: '', id: '' },
				receiver: { qualifier: '', id: '' },
				controlNumber: '',
			});
		}
	}
	summary.transactionSets = transactionSets.values().sort(byCode);
	if (ta1s > 0) summary.interchangeAcknowledgments = ta1s;
	if (droppedGroups > 0) {
		warnings.push(
			`Only the first ${MAX_LIST_ENTRIES} functional groups are listed; ${droppedGroups} more were not`,
		);
	}
	if (transactionSets.dropped > 0) {
		warnings.push(
			`Only ${MAX_LIST_ENTRIES} transaction set codes are counted; ${transactionSets.dropped} transaction sets with other codes were not`,
		);
	}
	if (interchanges > 1) {
		warnings.push(
			`The file holds ${interchanges} interchanges: the ISA values are the first one's, groups and transaction sets are those of all`,
		);
	}
	if (interchanges > MAX_LIST_ENTRIES) {
		warnings.push(
			`Only the first ${MAX_LIST_ENTRIES} interchanges are listed; ${interchanges - MAX_LIST_ENTRIES} more were not`,
		);
	}
}

/** The parties and control number of the ISA whose sixteen element separators are at `bounds`. */
function interchangeOf(text: string, bounds: number[]): X12Interchange {
	// ISAnn lies between the separators nn-1 and nn.
	const field = (index: number) => text.slice(bounds[index - 1] + 1, bounds[index]).trim();
	return {
		sender: { qualifier: field(5), id: field(6) },
		receiver: { qualifier: field(7), id: field(8) },
		controlNumber: field(13),
	};
}

/** Where the ISA at `position` has its terminator, once its sixteen separators are in `text`. */
function isaTerminatorAt(text: string, position: number): number {
	const bounds = isaSeparators(text, position);
	return bounds.length === 16 && bounds[15] + 2 < text.length ? bounds[15] + 2 : text.length;
}

/** A segment's elements, its tag first, trimmed; a long segment is read only so far. */
function elementsOf(text: string, start: number, end: number, separator: string): string[] {
	return text
		.slice(start, Math.min(end, start + MAX_SEGMENT_CHARS))
		.split(separator)
		.map((value) => value.trim());
}

function readGroup(elements: string[]): X12FunctionalGroup {
	return {
		functionalId: elements[1] ?? '',
		sender: elements[2] ?? '',
		receiver: elements[3] ?? '',
		controlNumber: elements[6] ?? '',
		version: elements[8] ?? '',
	};
}
