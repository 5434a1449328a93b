/*
 * Checks of a whole batch before its interchange is written: what no single item shows, but
 * Read would reject in the interchange. The item at fault fails alone; the rest are written.
 */
import type { Batch } from './assemble';
import { EdiWriteError } from './errors';

/** Takes the refused items' sets out of the batch, and says why for each. */
function refuse(batch: Batch, refused: Map<number, EdiWriteError>): EdiWriteError[] {
	for (const [key, group] of batch.groups) {
		group.sets = group.sets.filter((set) => !refused.has(set.itemIndex));
		if (group.sets.length === 0) batch.groups.delete(key);
	}
	batch.items = batch.items.filter((item) => !refused.has(item));
	return [...refused.values()];
}

/**
 * EDIFACT puts all of an interchange's messages in UNG groups or none of them: an item whose
 * group has no functional ID, among items whose groups have one, is refused.
 */
export function refuseUngroupedAmongGroups(batch: Batch): EdiWriteError[] {
	const groups = [...batch.groups.values()];
	if (
		batch.envelope.standard !== 'EDIFACT' ||
		!groups.some((group) => group.envelope.written) ||
		groups.every((group) => group.envelope.written)
	) {
		return [];
	}
	const refused = new Map<number, EdiWriteError>();
	for (const group of groups.filter((each) => !each.envelope.written)) {
		for (const { itemIndex } of group.sets) {
			refused.set(
				itemIndex,
				new EdiWriteError(
					'has no group.functionalId, but other messages of its interchange are in UNG groups: EDIFACT puts all of an interchange’s messages in groups, or none',
					itemIndex,
					'Give group.functionalId (e.g. "DESADV") as Read gives it, or remove the other items’ groups.',
				),
			);
		}
	}
	return refuse(batch, refused);
}

/**
 * Control numbers kept from items must be distinct where Read requires it: GS06 / UNG05 in an
 * interchange, ST02 in a group, UNH01 in an interchange. An item that repeats one an earlier
 * item of the batch keeps, or that one of its own earlier sets or groups keeps, is refused.
 */
export function refuseRepeatedControlNumbers(batch: Batch): EdiWriteError[] {
	const x12 = batch.envelope.standard === 'X12';
	const refused = new Map<number, EdiWriteError>();
	const repeated = (itemIndex: number, what: string, number: string, holder: string) => {
		if (!refused.has(itemIndex)) {
			refused.set(
				itemIndex,
				new EdiWriteError(
					`keeps ${what} ${number}, which ${holder}`,
					itemIndex,
					'Give each its own number, or leave it out so that Write numbers it.',
				),
			);
		}
	};
	/** The items that keep each number: a group may hold the sets of several items. */
	const groupNumbers = new Map<string, Set<number>>();
	const messageNumbers = new Map<string, number>();
	for (const { envelope, sets } of batch.groups.values()) {
		const number = envelope.controlNumber;
		const keepers = groupNumbers.get(number);
		if (number !== '' && keepers) {
			for (const { itemIndex } of sets) {
				const whose = keepers.has(itemIndex) ? 'another of its groups' : 'another item';
				repeated(
					itemIndex,
					x12 ? 'GS06' : 'UNG05',
					number,
					`${whose} keeps in the same interchange`,
				);
			}
			continue;
		}
		if (number !== '') groupNumbers.set(number, new Set(sets.map((set) => set.itemIndex)));
		const setNumbers = x12 ? new Map<string, number>() : messageNumbers;
		for (const { itemIndex, controlNumber } of sets) {
			if (controlNumber === '') continue;
			const keeper = setNumbers.get(controlNumber);
			if (keeper === undefined) {
				setNumbers.set(controlNumber, itemIndex);
				continue;
			}
			const whose = keeper === itemIndex ? 'another of its sets' : 'another item';
			repeated(
				itemIndex,
				x12 ? 'ST02' : 'UNH01',
				controlNumber,
				`${whose} keeps in the same ${x12 ? 'group' : 'interchange'}`,
			);
		}
	}
	return refuse(batch, refused);
}
