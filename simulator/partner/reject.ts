/**
 * A rejecting partner's rule applied to what the engine read: the sets it turns down get the
 * findings an acknowledgment reports, so the engine writes the rejection as for any broken set.
 */
import type { Finding, Interchange, TransactionSet } from '../../nodes/shared/edi/model';
import { groupVerdict } from '../../nodes/shared/edi/x12/checkEnvelope';
import type { RejectRule } from '../types';
import { isAcknowledgmentGroup, setCode } from './acknowledge';

/** Rejects every set of every group when a rule names nothing. */
export const REJECT_EVERYTHING: RejectRule = { everyNthGroup: 1 };

/**
 * Rejects the sets `rule` names in `received` (sets already rejected by validation keep their own
 * reasons). `groupsSeen` counts the groups the partner has received so far, across files.
 */
export function applyRejectRule(
	received: Interchange[],
	rule: RejectRule,
	groupsSeen: { count: number },
): void {
	const codes = new Set((rule.sets ?? []).map((code) => code.trim().toUpperCase()));
	for (const interchange of received) {
		for (const group of interchange.groups) {
			if (isAcknowledgmentGroup(interchange, group)) continue;
			groupsSeen.count++;
			const nth = rule.everyNthGroup !== undefined && groupsSeen.count % rule.everyNthGroup === 0;
			for (const set of group.sets) {
				if (set.verdict === 'R') continue;
				const code = setCode(interchange, set.header);
				if (codes.has(code.toUpperCase())) reject(set, notSupported(interchange, code));
				else if (nth) reject(set, badFirstElement(interchange, set));
			}
			group.verdict = groupVerdict(group);
		}
	}
}

function reject(set: TransactionSet, findings: Finding[]): void {
	set.findings.push(...findings);
	set.verdict = 'R';
}

function notSupported(interchange: Interchange, code: string): Finding[] {
	const message = `The partner does not take ${code} ${interchange.standard === 'X12' ? 'transaction sets' : 'messages'}`;
	return interchange.standard === 'X12'
		? [{ level: 'set', code: '1', message }]
		: [{ level: 'set', code: '14', message, segment: 'UNH', position: 1, element: 2 }];
}

/**
 * The first element of the set's second segment holds a code the partner does not take: a segment
 * error with one element error under it (and, in X12, the set's own code 5 as the engine states it).
 */
function badFirstElement(interchange: Interchange, set: TransactionSet): Finding[] {
	const body = set.segments.length > 2 ? set.segments[1] : undefined;
	if (!body) return notSupported(interchange, setCode(interchange, set.header));
	const x12 = interchange.standard === 'X12';
	const data = body.elements[0] ?? '';
	const where = { segment: body.tag, position: 2 };
	const findings: Finding[] = [
		{
			level: 'segment',
			code: x12 ? '8' : '12',
			message: `Segment ${body.tag} at position 2 has data element errors`,
			...where,
		},
		{
			level: 'element',
			code: x12 ? '7' : '12',
			message: `${body.tag}01 at position 2 holds a code the partner does not take ("${data}")`,
			...where,
			element: 1,
			reference: `${body.tag}01`,
			data,
		},
	];
	if (x12) {
		findings.push({
			level: 'set',
			code: '5',
			message: `1 segment(s) of set ${setCode(interchange, set.header)} ${trimmedControl(set)} are in error`,
		});
	}
	return findings;
}

const trimmedControl = (set: TransactionSet) => (set.header.elements[1] ?? '').trim();
