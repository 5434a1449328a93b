import type { Finding, Group, Interchange, TransactionSet } from '../model';
import { segmentCountOf } from '../tree';

const value = (elements: string[] | undefined, index: number) => elements?.[index]?.trim() ?? '';

/** IEA, GE and SE against ISA, GS and ST: trailers present, counts and control numbers matching. */
export function checkX12Envelopes(interchanges: Interchange[]): void {
	const seen = new Set<string>();
	for (const interchange of interchanges) {
		const controlNumber = value(interchange.header.elements, 12);
		const sender = `${value(interchange.header.elements, 4)}/${value(interchange.header.elements, 5)}`;
		const key = `${sender}|${controlNumber}`;
		if (seen.has(key)) {
			interchange.findings.push({
				level: 'interchange',
				code: '025',
				segment: 'ISA',
				message: `Interchange control number ISA13 ${controlNumber} from ${sender} appears twice in the file`,
			});
		}
		seen.add(key);
		if (interchange.unreadable) continue;
		checkInterchangeTrailer(interchange, controlNumber);
		const groupNumbers = new Set<string>();
		for (const group of interchange.groups) {
			checkGroup(group, groupNumbers);
		}
	}
}

function checkInterchangeTrailer(interchange: Interchange, controlNumber: string): void {
	const trailer = interchange.trailer;
	const push = (code: string, message: string) =>
		interchange.findings.push({ level: 'interchange', code, segment: 'IEA', message });
	if (!trailer) {
		push(
			'023',
			`Interchange ${controlNumber} has no IEA trailer: the file ends or a new ISA starts first`,
		);
		return;
	}
	if (value(trailer.elements, 1) !== controlNumber) {
		push('001', `IEA02 "${value(trailer.elements, 1)}" does not match ISA13 "${controlNumber}"`);
	}
	const declared = value(trailer.elements, 0);
	if (
		declared !== String(interchange.groups.length) &&
		Number(declared) !== interchange.groups.length
	) {
		push(
			'021',
			`IEA01 says ${declared || 'nothing'} functional groups, the interchange holds ${interchange.groups.length}`,
		);
	}
}

function checkGroup(group: Group, groupNumbers: Set<string>): void {
	const header = group.header!;
	const controlNumber = value(header.elements, 5);
	const push = (code: string, message: string, segment = 'GE') =>
		group.findings.push({ level: 'group', code, segment, message });
	if (value(header.elements, 0) === '') push('1', 'GS01 (functional identifier) is empty', 'GS');
	for (const index of [1, 2, 3, 4]) {
		if (value(header.elements, index) === '') push('1', `GS0${index + 1} is empty`, 'GS');
	}
	if (!/^\d{1,9}$/.test(controlNumber)) {
		push('6', `GS06 "${controlNumber}" is not a group control number of 1 to 9 digits`, 'GS');
	} else if (groupNumbers.has(controlNumber)) {
		// 005010 gave "not unique in the interchange" a code (19, a security code before it).
		push(
			value(header.elements, 7).slice(0, 6) >= '005010' ? '19' : '6',
			`Group control number GS06 ${controlNumber} appears twice in the interchange`,
			'GS',
		);
	}
	groupNumbers.add(controlNumber);
	if (value(header.elements, 7) === '') push('2', 'GS08 (version) is empty', 'GS');
	if (!group.trailer) {
		push('3', `Group ${controlNumber} has no GE trailer`);
	} else {
		if (value(group.trailer.elements, 1) !== controlNumber) {
			push(
				'4',
				`GE02 "${value(group.trailer.elements, 1)}" does not match GS06 "${controlNumber}"`,
			);
		}
		const declared = value(group.trailer.elements, 0);
		if (Number(declared) !== group.sets.length || declared === '') {
			push(
				'5',
				`GE01 says ${declared || 'nothing'} transaction sets, the group holds ${group.sets.length}`,
			);
		}
	}
	const setNumbers = new Set<string>();
	for (const set of group.sets) checkSet(set, setNumbers);
}

function checkSet(set: TransactionSet, setNumbers: Set<string>): void {
	const code = value(set.header.elements, 0);
	const controlNumber = value(set.header.elements, 1);
	const push = (ackCode: string, message: string, segment = 'SE') =>
		set.findings.push({ level: 'set', code: ackCode, segment, message });
	if (!/^\d{3}$/.test(code)) push('6', `ST01 "${code}" is not a transaction set code`, 'ST');
	if (controlNumber === '') push('7', 'ST02 (transaction set control number) is empty', 'ST');
	else if (setNumbers.has(controlNumber)) {
		push(
			'23',
			`Transaction set control number ST02 ${controlNumber} appears twice in the group`,
			'ST',
		);
	}
	setNumbers.add(controlNumber);
	if (!set.trailer) {
		push('2', `Transaction set ${code} ${controlNumber} has no SE trailer`);
		return;
	}
	if (value(set.trailer.elements, 1) !== controlNumber) {
		push('3', `SE02 "${value(set.trailer.elements, 1)}" does not match ST02 "${controlNumber}"`);
	}
	const declared = value(set.trailer.elements, 0);
	if (Number(declared) !== segmentCountOf(set) || declared === '') {
		push(
			'4',
			`SE01 says ${declared || 'nothing'} segments, the set holds ${segmentCountOf(set)} (ST to SE)`,
		);
	}
}

/** Verdicts from the findings: a set is rejected by any finding; a group by its own, else by its sets. */
export function settleVerdicts(interchange: Interchange): void {
	for (const group of interchange.groups) {
		for (const set of group.sets) {
			const segmentErrors = set.findings.filter((finding) => finding.level === 'segment').length;
			// X12 states segment errors at set level too (AK502 / IK502 code 5).
			if (segmentErrors > 0 && interchange.standard === 'X12') {
				set.findings.push({
					level: 'set',
					code: '5',
					message: `${segmentErrors} segment(s) of set ${set.header.elements[0] ?? ''} ${set.header.elements[1] ?? ''} are in error`,
				});
			}
			set.verdict = set.findings.length === 0 ? 'A' : 'R';
		}
		group.verdict = groupVerdict(group);
	}
	interchange.verdict = interchangeVerdict(interchange.findings);
}

export function groupVerdict(group: Group): Group['verdict'] {
	if (group.findings.length > 0) return 'R';
	const rejected = group.sets.filter((set) => set.verdict === 'R').length;
	if (rejected === 0) return group.sets.some((set) => set.verdict === 'E') ? 'E' : 'A';
	return rejected === group.sets.length ? 'R' : 'P';
}

/**
 * Codes that only note a doubtful date or time, or an ISA11 other than U before 00402 (a sender
 * set up for 00501's repetition separator; nothing in the interchange reads differently): the
 * interchange is read, with errors noted, rather than every set rejected.
 */
const NOTED_ONLY = new Set(['014', '015', '016']);

/** True when an interchange finding only notes a doubt: its interchange is still accepted. */
export const isNotedOnly = (finding: Finding) => NOTED_ONLY.has(finding.code);

function interchangeVerdict(findings: Finding[]): Interchange['verdict'] {
	if (findings.length === 0) return 'A';
	return findings.every(isNotedOnly) ? 'E' : 'R';
}
