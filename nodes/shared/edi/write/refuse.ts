/*
 * Checks of the batches before their interchanges are written: what no single item shows, but
 * Read would reject in an interchange, or a partner across them. The item at fault fails alone;
 * the rest are written.
 */
import { pushAll } from '../arrays';
import type { Batch } from './assemble';
import { EdiWriteError } from './errors';

/**
 * Takes the refused items' sets out of the batch. Its envelope becomes its first remaining
 * item's: when no number is kept, that item's control number is the one the file carries.
 */
function withdraw(batch: Batch, refused: ReadonlyMap<number, EdiWriteError>): void {
	for (const [key, group] of batch.groups) {
		group.sets = group.sets.filter((set) => !refused.has(set.itemIndex));
		if (group.sets.length === 0) batch.groups.delete(key);
	}
	batch.items = batch.items.filter((item) => !refused.has(item));
	for (const { sets } of batch.groups.values()) {
		const first = sets.find((set) => set.itemIndex === batch.items[0]);
		if (first) {
			batch.envelope = first.interchange;
			return;
		}
	}
}

/** Takes the refused items' sets out of the batch, and says why for each. */
function refuse(batch: Batch, refused: Map<number, EdiWriteError>): EdiWriteError[] {
	withdraw(batch, refused);
	return [...refused.values()];
}

/**
 * ISA13 / UNB05 must not repeat for a partner in one run. An item whose sets need interchanges
 * of two versions for one partner (an interchange item holding 004010 and 005010 groups, which
 * no ISA holds together) would give both the same number: it is refused whole, rather than
 * written into one file and refused from the other. Taking it out may hand a file's number to
 * another item, so the check runs again until no item is in two files under one number.
 */
export function refuseItemsSplitUnderOneNumber(batches: Batch[]): EdiWriteError[] {
	const failures: EdiWriteError[] = [];
	for (;;) {
		const refused = itemsSplitUnderOneNumber(batches);
		if (refused.size === 0) return failures;
		for (const batch of batches) withdraw(batch, refused);
		pushAll(failures, refused.values());
	}
}

function itemsSplitUnderOneNumber(batches: Batch[]): Map<number, EdiWriteError> {
	const byNumber = new Map<string, Batch[]>();
	for (const batch of batches) {
		if (batch.items.length === 0) continue;
		const { standard, sender, receiver, controlNumber } = batch.envelope;
		// As the node claims numbers: 5 and 000000005 are one number.
		const number = controlNumber.replace(/^0+(?=\d)/, '');
		const key = JSON.stringify([standard, sender, receiver, number]);
		const sharing = byNumber.get(key);
		if (sharing) sharing.push(batch);
		else byNumber.set(key, [batch]);
	}
	const refused = new Map<number, EdiWriteError>();
	for (const sharing of byNumber.values()) {
		if (sharing.length < 2) continue;
		const held = new Map<number, Batch[]>();
		for (const batch of sharing) {
			for (const item of batch.items) {
				const files = held.get(item);
				if (files) files.push(batch);
				else held.set(item, [batch]);
			}
		}
		for (const [item, files] of held)
			if (files.length > 1) refused.set(item, splitError(item, files));
	}
	return refused;
}

function splitError(itemIndex: number, files: Batch[]): EdiWriteError {
	const { standard, receiver, controlNumber } = files[0].envelope;
	const versions = [...new Set(files.map((file) => file.envelope.version))];
	return new EdiWriteError(
		`its sets need ${files.length} interchanges to ${receiver.qualifier}:${receiver.id} (${standard === 'X12' ? 'ISA12' : 'UNB01'} ${versions.join(', ')}), which would ${files.length === 2 ? 'both' : 'all'} carry the control number ${controlNumber}`,
		itemIndex,
		'Read the file with Output One Item Per = Group or Set, so that each item needs one interchange, and give each item its own control number, e.g. {{ $execution.id * 100 + $itemIndex }}.',
	);
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
