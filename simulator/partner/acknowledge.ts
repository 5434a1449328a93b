/**
 * What a simulated trading partner writes back: the EDI engine reads the file it received, and
 * writes the 997 / 999 / CONTRL for it with the partner's control number. No n8n, no world.
 */
import {
	createContrl,
	createX12Acknowledgment,
	interchangeContext,
	NotEdiError,
	readEdi,
	type Interchange,
} from '../../nodes/shared/edi';
import type { Group } from '../../nodes/shared/edi/model';

export interface PartnerAcknowledgment {
	kind: '997' | '999' | 'CONTRL';
	text: string;
}

const trimmed = (value: string | undefined) => (value ?? '').trim();

/** The set code: ST01 (X12) or the message type of UNH02 (EDIFACT). */
export function setCode(interchange: Interchange, header: { elements: string[] }): string {
	return interchange.standard === 'X12'
		? trimmed(header.elements[0])
		: trimmed((header.elements[1] ?? '').split(interchange.syntax.component)[0]);
}

/** Acknowledgments are never acknowledged: a 997/999 group, a group of CONTRL messages. */
export function isAcknowledgmentGroup(interchange: Interchange, group: Group): boolean {
	if (interchange.standard === 'X12') return trimmed(group.header?.elements[0]) === 'FA';
	return group.sets.every((set) => setCode(interchange, set.header) === 'CONTRL');
}

/**
 * The interchanges of a received file that call for an answer: those between the same two
 * parties as the first (one acknowledgment answers one partner), with a group that is not itself
 * an acknowledgment. `[]` for a file that is not EDI or holds only acknowledgments.
 */
export function readReceived(content: Buffer): Interchange[] {
	let interchanges: Interchange[];
	try {
		interchanges = readEdi(content, { shape: false, keepSegments: true });
	} catch (error) {
		if (error instanceof NotEdiError) return [];
		throw error;
	}
	const parties = (interchange: Interchange) => {
		const { sender, receiver } = interchangeContext(interchange);
		return JSON.stringify([sender, receiver]);
	};
	const first = parties(interchanges[0]);
	const between = interchanges.filter((interchange) => parties(interchange) === first);
	const answered = between.some((interchange) =>
		interchange.groups.some((group) => !isAcknowledgmentGroup(interchange, group)),
	);
	return answered ? between : [];
}

/** The acknowledgment of `received` (as `readReceived` gave it, verdicts possibly changed). */
export function writeAcknowledgment(
	received: Interchange[],
	options: { ack: '997' | '999'; acceptedSets: boolean; controlNumber: number; now: Date },
): PartnerAcknowledgment | undefined {
	const { acceptedSets, controlNumber, now } = options;
	if (received[0].standard === 'EDIFACT') {
		const contrl = createContrl(received, { acceptedSets, controlNumber, now });
		return contrl && { kind: 'CONTRL', text: contrl.text };
	}
	const ack = createX12Acknowledgment(received, {
		kind: options.ack,
		ta1: 'never',
		acceptedSets,
		controlNumber,
		now,
	});
	return ack && { kind: options.ack, text: ack.text };
}
