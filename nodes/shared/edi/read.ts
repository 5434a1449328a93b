import { pushAll } from './arrays';
import { checkEdifactEnvelopes } from './edifact/checkEnvelope';
import { isEdifactAt, readEdifact } from './edifact/read';
import {
	isSegmentEmpty,
	NotEdiError,
	type Group,
	type Interchange,
	type Syntax,
	type TransactionSet,
} from './model';
import { shapeSegment, type ShapedSegment } from './shape';
import {
	EDIFACT_STRUCTURE_CODES,
	edifactStructure,
	emptySegment,
	matchStructure,
	X12_DATE_TIME_CODES,
	X12_STRUCTURE_CODES,
	x12Structure,
	type ShapedLoop,
} from './structure';
import { decodeText, firstNonBlank } from './text';
import { checkX12Envelopes, settleVerdicts } from './x12/checkEnvelope';
import { componentsOf } from './values';
import { isIsaAt } from './x12/isa';
import { readX12 } from './x12/read';

/** At most this many segment and element findings are kept per set. */
export const MAX_STRUCTURE_FINDINGS = 1000;

export type ReadOptions = {
	/** Check each known set against its structure (default true). */
	validateStructure?: boolean;
	/** Build each set's `segments` output (default true; acknowledgments do without). */
	shape?: boolean;
	/** Keep each set's raw segments after reading it (default false: a big file is let go set by set). */
	keepSegments?: boolean;
};

/** A set as read: its place in the envelope plus, when shaped, its segments. */
export type ReadSet = TransactionSet & {
	/** `known`: segments follow the set's structure; `flat`: its segments in file order. */
	structure: 'known' | 'flat';
	data?: ShapedLoop | Array<ShapedSegment & { tag: string }>;
};

/**
 * Reads X12 or EDIFACT (told apart by the content) into interchanges, groups and sets, with every
 * finding an acknowledgment reports. Each set is checked and shaped as soon as its trailer is
 * read, and its raw segments let go. Throws `NotEdiError` only when the content is neither.
 */
export function readEdi(content: Buffer | string, options: ReadOptions = {}): Interchange[] {
	const text = typeof content === 'string' ? content : decodeText(content);
	const start = firstNonBlank(text);
	const done = new WeakSet<TransactionSet>();
	const onSetEnd = (set: TransactionSet, interchange: Interchange, group?: Group) => {
		readSet(interchange, group, set as ReadSet, options);
		done.add(set);
	};
	let interchanges: Interchange[];
	if (isIsaAt(text, start)) {
		interchanges = readX12(text, start, onSetEnd);
	} else if (isEdifactAt(text, start)) {
		interchanges = readEdifact(text, start, onSetEnd);
	} else {
		throw new NotEdiError(
			start >= text.length
				? 'The content is empty'
				: `The content is neither X12 (which starts with ISA) nor EDIFACT (which starts with UNA or UNB); it starts with "${text.slice(start, start + 12).replace(/[^\x20-\x7e]/g, '.')}"`,
		);
	}
	for (const interchange of interchanges) {
		// Sets cut off before their trailer are read now.
		for (const group of interchange.groups) {
			for (const set of group.sets) if (!done.has(set)) onSetEnd(set, interchange, group);
		}
	}
	if (interchanges[0].standard === 'X12') checkX12Envelopes(interchanges);
	else checkEdifactEnvelopes(interchanges);
	for (const interchange of interchanges) settleVerdicts(interchange);
	return interchanges;
}

function readSet(
	interchange: Interchange,
	group: Group | undefined,
	set: ReadSet,
	options: ReadOptions,
): void {
	const x12 = interchange.standard === 'X12';
	const rawCode = set.header.elements[x12 ? 0 : 1] ?? '';
	const code = x12 ? rawCode.trim() : componentsOf(interchange.syntax, rawCode)[0];
	const structure = x12 ? x12Structure(code) : edifactStructure(code);
	const shape = options.shape !== false;
	set.structure = structure ? 'known' : 'flat';
	if (!structure) {
		if (x12 && options.validateStructure !== false) checkFlatSet(set, interchange.syntax);
		if (shape) {
			set.data = set.segments.map((segment) => ({
				tag: segment.tag,
				...shapeSegment(segment, interchange.syntax),
			}));
		}
	} else if (shape || options.validateStructure !== false) {
		const codes = x12 ? X12_STRUCTURE_CODES : EDIFACT_STRUCTURE_CODES;
		const validate = options.validateStructure !== false;
		// A set of millions of stray segments would give as many findings: the first ones say it.
		const matched = matchStructure(
			set.segments,
			structure,
			interchange.syntax,
			codes,
			shape,
			validate ? MAX_STRUCTURE_FINDINGS : 0,
			x12 && hasEightDigitDates(group) ? X12_DATE_TIME_CODES : undefined,
		);
		if (shape) set.data = matched.segments;
		pushAll(set.findings, matched.findings);
	}
	if (!options.keepSegments) {
		set.segmentCount = set.segments.length;
		set.segments = [];
	}
}

/**
 * Dates have eight digits (CCYYMMDD) from version 004010 on (GS08); before it, six (YYMMDD). The
 * structures are those of 004010 and 005010, so dates are checked only in groups of those versions
 * or later: an older group's six-digit dates are not rejected by a rule that is not theirs.
 */
function hasEightDigitDates(group: Group | undefined): boolean {
	const version = (group?.header?.elements[7] ?? '').trim();
	return /^\d{6}/.test(version) && version.slice(0, 6) >= '004010';
}

/**
 * A set whose structure the engine does not know is still X12: a segment with no data in it is
 * an error in any set (AK304 8). Its header and trailer are the envelope check's.
 */
function checkFlatSet(set: ReadSet, syntax: Syntax): void {
	const last = set.trailer ? set.segments.length - 1 : set.segments.length;
	let found = 0;
	for (let index = 1; index < last && found < MAX_STRUCTURE_FINDINGS; index++) {
		const segment = set.segments[index];
		if (!isSegmentEmpty(segment, syntax)) continue;
		found++;
		set.findings.push({
			level: 'segment',
			code: X12_STRUCTURE_CODES.emptySegment!,
			segment: segment.tag,
			position: index + 1,
			message: emptySegment(segment.tag, index + 1),
		});
	}
}
