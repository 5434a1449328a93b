/** Write: X12 and EDIFACT interchanges from items in the shape Read gives them. */
import { pushAll } from '../arrays';
import { assembleInterchanges, type Batching, type WrittenInterchange } from './assemble';
import { asWriteError, type EdiWriteError } from './errors';
import { prepareItem, type PreparedSet } from './prepare';
import type { WriteSettings } from './settings';

export { EdiWriteError } from './errors';
export { FUNCTIONAL_IDS } from './functionalIds';
export type { Batching, WriteSummary, WrittenInterchange } from './assemble';
export type { Party, WriteSettings } from './settings';
export type { Delimiters } from './syntax';

/** One input item: its JSON, what the parameters say for it, and its index in the node's input. */
export type WriteInput = { json: unknown; settings: WriteSettings; itemIndex: number };

/**
 * Writes the items into interchanges. A faulty item does not stop the others: it comes back in
 * `failures` (naming it), and the interchanges are written from the rest.
 */
export function writeEdi(
	inputs: WriteInput[],
	options: { batching: Batching; now: Date },
): { interchanges: WrittenInterchange[]; failures: EdiWriteError[] } {
	const failures: EdiWriteError[] = [];
	const sets: PreparedSet[] = [];
	for (const { json, settings, itemIndex } of inputs) {
		try {
			pushAll(sets, prepareItem(json, itemIndex, settings));
		} catch (error) {
			failures.push(asWriteError(error, itemIndex));
		}
	}
	const keepEnvelope = inputs.some(({ settings }) => settings.keepEnvelope);
	const assembled = assembleInterchanges(sets, { ...options, keepEnvelope });
	pushAll(failures, assembled.failures);
	failures.sort((a, b) => (a.itemIndex ?? 0) - (b.itemIndex ?? 0));
	return { interchanges: assembled.interchanges, failures };
}
