import { pushAll } from '../arrays';
import {
	DEFAULT_REPETITION_V4,
	DEFAULT_SERVICE_CHARACTERS,
	type EdifactSyntax,
} from '../edifact/syntax';
import type { Finding, Interchange, Syntax, TransactionSet, Verdict } from '../model';
import { componentsOf, valueOf } from '../values';
import { samePartners, type Acknowledgment } from './x12Ack';
import { checkControlNumber, renderSegment, stamp, type Value } from './render';

export type ContrlOptions = {
	/** Also list accepted messages (UCM), not only those with errors. */
	acceptedSets: boolean;
	/** UNB05 of the CONTRL interchange. */
	controlNumber: number;
	now: Date;
};

/** CONTRL action codes: 7 this level acknowledged (lower levels unless rejected), 4 rejected. */
const action = (verdict: string) => (verdict === 'R' ? '4' : '7');

/**
 * The CONTRL a partner expects for the interchanges of one file, rendered from the reader's
 * findings: one CONTRL message per received interchange (UCI), UCF per UNG group, UCM per message
 * (all, or those with errors), UCS/UCD for segment and element errors, all in one interchange
 * whose UNB is the received one turned around. `undefined` when there is nothing to acknowledge.
 */
export function createContrl(
	received: Interchange | Interchange[],
	options: ContrlOptions,
): Acknowledgment | undefined {
	const all = Array.isArray(received) ? received : [received];
	samePartners(all, [1, 2]);
	const controlNumber = String(checkControlNumber(options.controlNumber));
	const interchanges = all.filter((interchange) => !carriesOnlyContrl(interchange));
	if (interchanges.length === 0) return undefined;
	const first = interchanges[0];
	const syntax = first.syntax;
	const write = (tag: string, ...values: Value[]) => renderSegment(tag, values, syntax);
	const components = (raw: string | undefined) => componentsOf(syntax, raw);
	const unb = first.header.elements;
	const version = components(unb[0])[1] ?? '3';
	const time = stamp(options.now);
	const lines: string[] = [];
	if (!isDefault(first, version)) {
		const s = syntax as EdifactSyntax;
		lines.push(
			`UNA${s.component}${s.element}${s.decimal}${s.release || ' '}${s.repetition || ' '}${s.terminator}`,
		);
	}
	const date = version === '4' ? time.ccyymmdd : time.yymmdd;
	lines.push(
		write(
			'UNB',
			components(unb[0]),
			components(unb[2]),
			components(unb[1]),
			[date, time.hhmm],
			controlNumber,
			// UNB06-UNB10 empty; UNB11 kept: a CONTRL answering a test interchange is a test too
			// (as an X12 acknowledgment keeps ISA15).
			...emptyElements(5),
			valueOf(first.syntax, unb[10]),
		),
	);
	let sets = 0;
	interchanges.forEach((interchange, index) => {
		const message = contrlMessage(interchange, options, write);
		sets += message.sets;
		const messageId = version === '4' ? ['CONTRL', '4', '1', 'UN'] : ['CONTRL', 'D', '3', 'UN'];
		const reference = String(index + 1);
		lines.push(write('UNH', reference, messageId));
		pushAll(lines, message.body);
		lines.push(write('UNT', String(message.body.length + 2), reference));
	});
	lines.push(write('UNZ', String(interchanges.length), controlNumber));
	return {
		text: lines.join(''),
		answered: interchanges,
		groups: interchanges.reduce((sum, interchange) => sum + interchange.groups.length, 0),
		sets,
		ta1: false,
	};
}

type Write = (tag: string, ...values: Value[]) => string;

const emptyElements = (count: number): Value[] => new Array<Value>(count).fill(undefined);

/** The body of the CONTRL message answering one interchange. */
function contrlMessage(
	interchange: Interchange,
	options: ContrlOptions,
	write: Write,
): { body: string[]; sets: number } {
	const { syntax } = interchange;
	const body: string[] = [];
	// UCI and UCF answer an envelope alike: its reference, sender, recipient, action, first error.
	const envelopeResponse = (tag: string, elements: string[], verdict: string, finding?: Finding) =>
		write(
			tag,
			valueOf(syntax, elements[4]),
			componentsOf(syntax, elements[1]),
			componentsOf(syntax, elements[2]),
			action(verdict),
			...errorPointer(finding),
		);
	body.push(
		envelopeResponse(
			'UCI',
			interchange.header.elements,
			interchange.verdict,
			interchange.findings[0],
		),
	);
	let sets = 0;
	// Action 4 says "this level and all lower levels rejected": nothing under it may say 7.
	const rejectedAbove = (verdict: Verdict, above: Verdict) => (above === 'R' ? 'R' : verdict);
	for (const group of interchange.groups) {
		const messages = group.sets.filter(
			(set) =>
				messageType(interchange, set) !== 'CONTRL' && (options.acceptedSets || set.verdict !== 'A'),
		);
		const groupVerdict = rejectedAbove(group.verdict, interchange.verdict);
		if (group.header && (options.acceptedSets || groupVerdict !== 'A')) {
			body.push(envelopeResponse('UCF', group.header.elements, groupVerdict, group.findings[0]));
		}
		for (const set of messages) {
			sets++;
			const verdict = rejectedAbove(set.verdict, groupVerdict);
			pushAll(body, messageResponse(set, verdict, syntax, write));
		}
	}
	return { body, sets };
}

function messageResponse(
	set: TransactionSet,
	verdict: Verdict,
	syntax: Syntax,
	write: Write,
): string[] {
	const unh = set.header.elements;
	const setError = set.findings.find((finding) => finding.level === 'set');
	const lines = [
		write(
			'UCM',
			valueOf(syntax, unh[0]),
			componentsOf(syntax, unh[1]).slice(0, 5),
			action(verdict),
			...errorPointer(setError),
		),
	];
	for (const finding of set.findings) {
		if (finding.level !== 'segment') continue;
		const elements = set.findings.filter(
			(element) =>
				element.level === 'element' &&
				element.position === finding.position &&
				element.segment === finding.segment,
		);
		lines.push(
			write('UCS', String(finding.position ?? ''), elements.length > 0 ? undefined : finding.code),
		);
		for (const element of elements) {
			const position = element.component
				? [String(element.element), String(element.component)]
				: String(element.element);
			lines.push(write('UCD', element.code, position));
		}
	}
	return lines;
}

/** The error code, segment tag and element position that UCI, UCF and UCM may carry. */
function errorPointer(finding: Finding | undefined): Value[] {
	if (!finding) return [];
	return [finding.code, finding.segment, finding.element ? String(finding.element) : undefined];
}

/**
 * A CONTRL is never acknowledged: an interchange of CONTRL messages gets no answer. One with no
 * message at all (empty, cut off after its UNB, only stray segments) still gets its UCI: that is
 * what tells the partner its interchange was rejected, as a TA1 does in X12.
 */
function carriesOnlyContrl(interchange: Interchange): boolean {
	const sets = interchange.groups.flatMap((group) => group.sets);
	return sets.length > 0 && sets.every((set) => messageType(interchange, set) === 'CONTRL');
}

function messageType(interchange: Interchange, set: TransactionSet): string {
	return componentsOf(interchange.syntax, set.header.elements[1])[0];
}

/**
 * True when the received service characters are those a reader assumes without a UNA. The
 * repetition separator counts too: without a UNA a version 4 reader takes `*` as one, so a
 * version 4 interchange that declared none needs its UNA, or a `*` in an echoed reference splits.
 */
function isDefault(interchange: Interchange, version: string): boolean {
	const s = interchange.syntax;
	const d = DEFAULT_SERVICE_CHARACTERS;
	return (
		s.component === d.component &&
		s.element === d.element &&
		s.release === d.release &&
		s.terminator === d.terminator &&
		s.repetition === (version === '4' ? DEFAULT_REPETITION_V4 : '')
	);
}
