import {
	hasTag,
	isWhitespace,
	latin1,
	MAX_LIST_ENTRIES,
	skipWhitespace,
	startsWith,
	Tally,
} from './bytes';
import type { CodeCount, X12Delimiters, X12FunctionalGroup, X12Summary } from './types';

/** The ISA's fixed length, segment terminator included, when its elements are padded. */
const ISA_LENGTH = 106;

/** The ISA has sixteen elements, so sixteen element separators. */
const ISA_ELEMENTS = 16;

/** How far to look for those separators in an ISA whose elements are not padded. */
const ISA_SEARCH_LIMIT = 512;

/** ISA11 is the repetition separator from this version on; before it, the standards ID `U`. */
const FIRST_VERSION_WITH_REPETITION = '00402';

const [S, G, I] = ['S', 'G', 'I'].map((letter) => letter.charCodeAt(0));

/** Segments that may follow an ISA: anything else means its separators were misread. */
const AFTER_ISA = ['GS', 'TA1', 'IEA'];

function isAlphanumeric(byte: number): boolean {
	return (
		(byte >= 0x30 && byte <= 0x39) ||
		(byte >= 0x41 && byte <= 0x5a) ||
		(byte >= 0x61 && byte <= 0x7a)
	);
}

/**
 * True when the content at `start` opens like an ISA: `ISA`, a separator that is no letter,
 * digit or space, and a two-character ISA01 (so prose that begins with "ISA" is not X12).
 */
export function looksLikeX12(content: Buffer, start: number): boolean {
	if (!startsWith(content, start, 'ISA') || start + 3 >= content.length) return false;
	const separator = content[start + 3];
	if (isAlphanumeric(separator) || isWhitespace(separator)) return false;
	for (const position of [start + 4, start + 5]) {
		if (position < content.length && !isAlphanumeric(content[position])) return false;
	}
	return start + 6 >= content.length || content[start + 6] === separator;
}

type Isa = {
	/** ISA01…ISA16 at indexes 1…16; `undefined` where the ISA ended first. */
	elements: Array<string | undefined>;
	delimiters: X12Delimiters;
	/** Where the segment after the ISA starts, or `undefined` when the ISA is truncated. */
	end?: number;
	warnings: string[];
};

/**
 * Reads the ISA by its element separators rather than by fixed offsets, so an ISA whose
 * elements are not padded is read too (with a warning); ISA16 and the segment terminator are
 * the two characters after the sixteenth separator.
 */
function readIsa(content: Buffer, start: number): Isa {
	const head = content.toString(
		'latin1',
		start,
		Math.min(content.length, start + ISA_SEARCH_LIMIT),
	);
	const element = head[3];
	const separators: number[] = [];
	for (let index = 3; index < head.length && separators.length < ISA_ELEMENTS; index++) {
		if (head[index] === element) separators.push(index);
	}
	const elements: Array<string | undefined> = [undefined];
	for (let index = 1; index < separators.length; index++) {
		elements.push(head.slice(separators[index - 1] + 1, separators[index]));
	}
	const warnings: string[] = [];
	const last = separators[ISA_ELEMENTS - 1];
	const subElement = last === undefined ? undefined : head[last + 1];
	const segment = last === undefined ? undefined : head[last + 2];
	elements.push(subElement);
	const delimiters: X12Delimiters = {
		element,
		segment: segment ?? '',
		subElement: subElement ?? '',
	};
	if (segment === undefined) {
		const read = elements.filter((value) => value !== undefined).length;
		warnings.push(
			read === 0
				? 'The ISA is truncated: none of its elements could be read'
				: `The ISA is truncated: only ISA01 to ISA${String(read).padStart(2, '0')} could be read`,
		);
		return { elements, delimiters, warnings };
	}
	const length = last + 3;
	if (length !== ISA_LENGTH) {
		warnings.push(
			`The ISA is ${length} characters long, not ${ISA_LENGTH}: it was read by its element separators`,
		);
	}
	return { elements, delimiters, end: start + length, warnings };
}

function elementsOf(content: Buffer, start: number, end: number, separator: string): string[] {
	return latin1(content, start, end)
		.split(separator)
		.map((value) => value.trim());
}

/** The element after a tag that ends at `tagEnd`, read without decoding the whole segment. */
function firstElement(content: Buffer, tagEnd: number, end: number, separator: number): string {
	if (tagEnd >= end) return '';
	const next = content.indexOf(separator, tagEnd + 1);
	return latin1(content, tagEnd + 1, next < 0 || next > end ? end : next).trim();
}

function byCode(left: CodeCount, right: CodeCount): number {
	return left.code < right.code ? -1 : left.code > right.code ? 1 : 0;
}

/** Summarises an X12 interchange whose ISA starts at `start` (see `looksLikeX12`). */
export function summarizeX12(content: Buffer, start: number): X12Summary {
	const isa = readIsa(content, start);
	const field = (index: number) => isa.elements[index]?.trim() ?? '';
	const version = field(12);
	const repetition = field(11);
	if (
		version >= FIRST_VERSION_WITH_REPETITION &&
		repetition.length === 1 &&
		!isAlphanumeric(repetition.charCodeAt(0))
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
		functionalGroups: [],
		transactionSets: [],
		delimiters: isa.delimiters,
	};
	const warnings = isa.warnings;
	if (isa.end !== undefined) scanSegments(content, isa.end, summary, warnings);
	if (warnings.length > 0) summary.warnings = warnings;
	return summary;
}

/** Walks the segments after the ISA once, decoding only GS and ST segments. */
function scanSegments(
	content: Buffer,
	position: number,
	summary: X12Summary,
	warnings: string[],
): void {
	const { element, segment } = summary.delimiters;
	const elementByte = element.charCodeAt(0);
	const terminatorByte = segment.charCodeAt(0);
	const transactionSets = new Tally<CodeCount>();
	let droppedGroups = 0;
	let interchanges = 1;
	let first = true;
	for (;;) {
		position = skipWhitespace(content, position);
		if (position >= content.length) break;
		let end = content.indexOf(terminatorByte, position);
		if (end < 0) end = content.length;
		// A segment cut off by the end of the file says nothing about the delimiters.
		if (
			first &&
			end < content.length &&
			!AFTER_ISA.some((tag) => hasTag(content, position, end, tag, elementByte))
		) {
			warnings.push(
				`The segment after the ISA is not GS, TA1 or IEA: the delimiters read from the ISA (element "${element}", segment "${segment}") may be wrong`,
			);
		}
		first = false;
		// Most segments are none of the three: their first byte says so without a comparison each.
		const lead = content[position];
		if (lead !== S && lead !== G && lead !== I) {
			position = end + 1;
			continue;
		}
		if (hasTag(content, position, end, 'ST', elementByte)) {
			const code = firstElement(content, position + 2, end, elementByte);
			transactionSets.add(code, () => ({ code, count: 1 }));
		} else if (hasTag(content, position, end, 'GS', elementByte)) {
			if (summary.functionalGroups.length < MAX_LIST_ENTRIES) {
				summary.functionalGroups.push(readGroup(elementsOf(content, position, end, element)));
			} else {
				droppedGroups++;
			}
		} else if (hasTag(content, position, end, 'ISA', elementByte)) {
			interchanges++;
		}
		position = end + 1;
	}
	summary.transactionSets = transactionSets.values().sort(byCode);
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
