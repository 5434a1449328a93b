import { pushAll } from '../arrays';
import type { Finding, Group, Interchange, Syntax, TransactionSet, Verdict } from '../model';
import { isAlphanumericChar } from '../text';
import { isNotedOnly } from '../x12/checkEnvelope';
import { X12Syntax } from '../x12/syntax';
import { x12ElementReference } from '../structure/x12Elements';
import { checkControlNumber, renderSegment, stamp, type Value } from './render';
import { answerIsa } from './x12Envelope';

export type X12AckOptions = {
	/** `997` (functional) or `999` (implementation, 005010X231A1). */
	kind: '997' | '999';
	/**
	 * TA1s answering the interchange envelopes, between ISA and GS: for every interchange, for
	 * those that ask for one (ISA14 = 1), or none.
	 */
	ta1: 'always' | 'whenRequested' | 'never';
	/** List every set (AK2 loops), not only those with errors. */
	acceptedSets: boolean;
	/** ISA13 and GS06 of the acknowledgment. */
	controlNumber: number;
	now: Date;
};

export type Acknowledgment = {
	text: string;
	/** The received interchanges it answers: those that carry more than acknowledgments. */
	answered: Interchange[];
	/** What it answers, for the item: how many groups and sets it covers. */
	groups: number;
	sets: number;
	/** True when it holds TA1s (X12). */
	ta1: boolean;
};

/** The 999's implementation guide, carried in GS08 and ST03. */
export const IMPLEMENTATION_ACK_VERSION = '005010X231A1';

const trimmed = (value: string | undefined) => (value ?? '').trim();

/** A GS08 of 005010 or later: its acknowledgment carries AK103 and AK203. */
const isAtLeast5010 = (gs08: string | undefined) => trimmed(gs08).slice(0, 6) >= '005010';

/** Acknowledgments are never acknowledged (the 997/999 rules): their groups are skipped. */
export const isAcknowledgmentGroup = (group: Group) => trimmed(group.header?.elements[0]) === 'FA';

/**
 * True when an interchange carries acknowledgments (TA1s, 997s, 999s) and nothing else: it gets
 * no answer at all, not even a TA1, or two partners who both answer everything would answer each
 * other's answers for ever. An interchange with nothing in it (or that could not be read past its
 * ISA) still gets its TA1: that is what reports its envelope.
 */
const carriesOnlyAcknowledgments = (interchange: Interchange) =>
	(interchange.ta1.length > 0 || interchange.groups.length > 0) &&
	interchange.groups.every(isAcknowledgmentGroup);

const asksForTa1 = (interchange: Interchange) => trimmed(interchange.header.elements[13]) === '1';

/**
 * The 997 or 999 (and optionally TA1s) a partner expects for the interchanges of one file,
 * rendered from the findings the reader holds, in one interchange: the envelope is the received
 * one turned around, with its own control numbers; one TA1 per received interchange, one
 * 997/999 per received group. `undefined` when there is nothing to acknowledge.
 */
export function createX12Acknowledgment(
	received: Interchange | Interchange[],
	options: X12AckOptions,
): Acknowledgment | undefined {
	const all = Array.isArray(received) ? received : [received];
	samePartners(all, [4, 5, 6, 7]);
	const controlNumber = checkControlNumber(options.controlNumber);
	const interchanges = all.filter((each) => !carriesOnlyAcknowledgments(each));
	const groups = interchanges.flatMap((each) =>
		each.groups.filter((group) => group.header && !isAcknowledgmentGroup(group)),
	);
	const ta1s = interchanges.filter(
		(each) => options.ta1 === 'always' || (options.ta1 === 'whenRequested' && asksForTa1(each)),
	);
	if (groups.length === 0 && ta1s.length === 0) return undefined;
	const interchange = interchanges[0];
	const syntax = answerSyntax(interchange);
	const time = stamp(options.now);
	const segment = (tag: string, ...values: Value[]) => renderSegment(tag, values, syntax);
	const is5010 = options.kind === '999' || isAtLeast5010(groups[0]?.header?.elements[7]);
	const lines: string[] = [answerIsa(interchange, syntax, controlNumber, time, is5010)];
	pushAll(
		lines,
		ta1s.map((each) => ta1Segment(each, segment)),
	);
	if (groups.length > 0) {
		const first = groups[0].header!.elements;
		const isa = interchange.header.elements;
		const version =
			options.kind === '999' ? IMPLEMENTATION_ACK_VERSION : is5010 ? '005010' : '004010';
		// GS02 and GS03 are mandatory: where the received group left one empty (its AK905 says so),
		// the ISA's partner IDs stand in.
		lines.push(
			segment(
				'GS',
				'FA',
				trimmed(first[2]) || trimmed(isa[7]),
				trimmed(first[1]) || trimmed(isa[5]),
				time.ccyymmdd,
				time.hhmm,
				String(controlNumber),
				'X',
				version,
			),
		);
		groups.forEach((group, index) =>
			pushAll(lines, setFor(group, index + 1, options, is5010, segment)),
		);
		lines.push(segment('GE', String(groups.length), String(controlNumber)));
	}
	lines.push(segment('IEA', groups.length > 0 ? '1' : '0', String(controlNumber).padStart(9, '0')));
	return {
		text: lines.join(''),
		answered: interchanges,
		groups: groups.length,
		sets: groups.length,
		ta1: ta1s.length > 0,
	};
}

type Write = (tag: string, ...values: Value[]) => string;

/** Component separators to fall back on, most common first. */
const COMPONENT_SEPARATORS = ['>', ':', '^', '|', '\\'];

/**
 * The received separators, turned around with the envelope; X12's usual ones for those the
 * received interchange could not lend (its TA1 says why): a terminator that cannot cut segments,
 * an ISA16 that is the element separator or the terminator.
 */
function answerSyntax(interchange: Interchange): Syntax {
	const { element, repetition, terminator: received } = interchange.syntax;
	const usable = (char: string, taken: string[]) =>
		char.length === 1 && char.trim() !== '' && !isAlphanumericChar(char) && !taken.includes(char);
	const component = usable(interchange.syntax.component, [element, received])
		? interchange.syntax.component
		: COMPONENT_SEPARATORS.find((char) => char !== element && char !== repetition)!;
	if (!interchange.unreadable && component === interchange.syntax.component) {
		return interchange.syntax;
	}
	const terminator = interchange.unreadable
		? ['~', '\n', '\r'].find(
				(char) => char !== element && char !== component && char !== repetition,
			)!
		: received;
	return new X12Syntax(element, component, repetition, terminator);
}

/** One acknowledgment answers one partner: the interchanges must share sender and receiver. */
export function samePartners(interchanges: Interchange[], positions: number[]): void {
	const key = (interchange: Interchange) =>
		positions.map((index) => (interchange.header.elements[index] ?? '').trim()).join('|');
	const first = key(interchanges[0]);
	const other = interchanges.find((interchange) => key(interchange) !== first);
	if (other) {
		throw new MixedPartnersError(
			`The file holds interchanges between different partners (${first.replace(/\|/g, ' ')} and ${key(other).replace(/\|/g, ' ')}): acknowledge each partner's interchanges separately`,
		);
	}
}

/** The interchanges of one file are not all between the same two partners. */
export class MixedPartnersError extends Error {}

function ta1Segment(interchange: Interchange, segment: Write): string {
	const isa = interchange.header.elements;
	// TA105 holds one code: for a rejected interchange, a defect that rejects it, not a doubt noted
	// before it (an ISA11 other than U before 00402 is noted; IEA02 ≠ ISA13 after it rejects).
	const deciding =
		interchange.verdict === 'A' || interchange.verdict === 'E'
			? interchange.findings[0]
			: interchange.findings.find((finding) => !isNotedOnly(finding));
	const note = (deciding ?? interchange.findings[0])?.code ?? '000';
	return segment(
		'TA1',
		trimmed(isa[12]),
		trimmed(isa[8]),
		trimmed(isa[9]),
		interchange.verdict === 'P' ? 'R' : interchange.verdict,
		note,
	);
}

/** One 997/999 set answering one received group. */
function setFor(
	group: Group,
	number: number,
	options: X12AckOptions,
	is5010: boolean,
	segment: Write,
): string[] {
	const implementation = options.kind === '999';
	const gs = group.header!.elements;
	const controlNumber = String(number).padStart(4, '0');
	const body: string[] = [];
	body.push(segment('AK1', trimmed(gs[0]), trimmed(gs[5]), is5010 ? trimmed(gs[7]) : undefined));
	// AK9 R rejects every set of the group: none may say A in its AK5 or be counted in AK904.
	const rejected = group.verdict === 'R';
	for (const set of group.sets) {
		if (set.verdict === 'A' && !options.acceptedSets) continue;
		const verdict = rejected ? 'R' : set.verdict;
		pushAll(body, setResponse(set, verdict, implementation, is5010, segment));
	}
	const accepted = acceptedSetsOf(group);
	// AK902 is a count of 1 to 6 digits: a GE01 that is none (its AK905 code 5 says so) is not
	// echoed, or the 997 itself would be invalid; the sets received stand in, as for a missing GE.
	const ge01 = trimmed(group.trailer?.elements[0]);
	const declared = /^\d{1,6}$/.test(ge01) ? String(Number(ge01)) : String(group.sets.length);
	body.push(
		segment(
			'AK9',
			group.verdict,
			declared,
			String(group.sets.length),
			String(accepted),
			...codes(group.findings),
		),
	);
	const header = segment(
		'ST',
		options.kind,
		controlNumber,
		implementation ? IMPLEMENTATION_ACK_VERSION : undefined,
	);
	return [header, ...body, segment('SE', String(body.length + 2), controlNumber)];
}

/**
 * How many of a group's sets an acknowledgment counts as accepted (AK904): those accepted, with
 * errors or not; none in a rejected group, since X12's R rejects every set of it.
 */
export function acceptedSetsOf(group: Group): number {
	if (group.verdict === 'R') return 0;
	return group.sets.filter((set) => set.verdict === 'A' || set.verdict === 'E').length;
}

function setResponse(
	set: TransactionSet,
	verdict: Verdict,
	implementation: boolean,
	is5010: boolean,
	segment: Write,
): string[] {
	const st = set.header.elements;
	const lines = [
		segment(
			'AK2',
			trimmed(st[0]),
			trimmed(st[1]),
			is5010 && trimmed(st[2]) !== '' ? trimmed(st[2]) : undefined,
		),
	];
	const segmentFindings = set.findings.filter((finding) => finding.level === 'segment');
	for (const finding of segmentFindings) {
		lines.push(
			segment(
				implementation ? 'IK3' : 'AK3',
				finding.segment,
				String(finding.position ?? ''),
				finding.loop,
				finding.code,
			),
		);
		for (const element of set.findings) {
			if (
				element.level !== 'element' ||
				element.position !== finding.position ||
				element.segment !== finding.segment
			)
				continue;
			const position = element.component
				? [String(element.element), String(element.component)]
				: String(element.element);
			lines.push(
				segment(
					implementation ? 'IK4' : 'AK4',
					position,
					x12ElementReference(element.reference ?? ''),
					element.code,
					element.data,
				),
			);
		}
	}
	const setCodes = codes(set.findings.filter((finding) => finding.level === 'set'));
	lines.push(segment(implementation ? 'IK5' : 'AK5', verdict, ...setCodes));
	return lines;
}

/** Up to five distinct codes, in the order found (AK502-AK506, AK905-AK909). */
function codes(findings: Finding[]): string[] {
	return [...new Set(findings.map((finding) => finding.code))].slice(0, 5);
}
