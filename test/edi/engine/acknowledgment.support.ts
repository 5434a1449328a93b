import {
	componentsOf,
	createContrl,
	createX12Acknowledgment,
	readAcknowledgments,
	valueOf,
	VERDICT_WORDS,
	type Interchange,
	type Json,
} from '../../../nodes/shared/edi';

export const NOW = new Date('2026-12-07T10:30:00Z');

/** The acknowledgment of one interchange, every set listed: 997 or 999 (with a TA1), or CONTRL. */
export function acknowledge(interchange: Interchange, kind: '997' | '999' = '997') {
	return interchange.standard === 'X12'
		? createX12Acknowledgment(interchange, {
				kind,
				ta1: 'always',
				acceptedSets: true,
				controlNumber: 4711,
				now: NOW,
			})
		: createContrl(interchange, { acceptedSets: true, controlNumber: 4711, now: NOW });
}

/**
 * Each set's control number (as data: released) and verdict word, as the reader saw them (acks
 * skipped), and as an acknowledgment can say them: a rejected group rejects its sets (AK9, UCF),
 * and so does a rejected EDIFACT interchange (UCI); an X12 interchange's rejection is its TA1's.
 */
export function verdicts(interchange: Interchange): string[] {
	const { syntax } = interchange;
	const x12 = interchange.standard === 'X12';
	return interchange.groups
		.filter((group) => !x12 || group.header?.elements[0] !== 'FA')
		.flatMap((group) => {
			const rejected = group.verdict === 'R' || (!x12 && interchange.verdict === 'R');
			return group.sets
				.filter((set) => x12 || componentsOf(syntax, set.header.elements[1])[0] !== 'CONTRL')
				.map(
					(set) =>
						`${valueOf(syntax, set.header.elements[x12 ? 1 : 0])} ${VERDICT_WORDS[rejected ? 'R' : set.verdict]}`,
				);
		});
}

/** The same read back from an acknowledgment: each acknowledged set's control number and verdict. */
export function readBack(text: string): string[] {
	return readAcknowledgments(text)
		.map((item) => [(item.acknowledged as Json).transactionSet as Json | undefined, item.status])
		.filter(([set]) => set !== undefined)
		.map(([set, status]) => `${(set as Json).controlNumber} ${status}`);
}

/**
 * Each X12 group as its acknowledgment must say it (non-FA groups, in order): control number,
 * verdict, and how many sets are accepted (none in a rejected group: X12's R rejects them all).
 */
export function groupVerdicts(interchange: Interchange): string[] {
	return interchange.groups
		.filter((group) => group.header && group.header.elements[0] !== 'FA')
		.map((group) => {
			const accepted =
				group.verdict === 'R'
					? 0
					: group.sets.filter((set) => set.verdict === 'A' || set.verdict === 'E').length;
			return `${(group.header!.elements[5] ?? '').trim()} ${VERDICT_WORDS[group.verdict]} ${accepted}`;
		});
}

/** The same read back from a 997 or 999: each acknowledged group once, with AK901 and AK904. */
export function readBackGroups(text: string): string[] {
	const groups = new Set<Json>();
	for (const item of readAcknowledgments(text)) {
		const group = (item.acknowledged as Json).group as Json | undefined;
		if (group) groups.add(group);
	}
	return [...groups].map((group) => `${group.controlNumber} ${group.status} ${group.accepted}`);
}
