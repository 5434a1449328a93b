import { readAcknowledgments } from '../../../nodes/shared/edi';
import type { Simulator } from '../../../simulator';
import { uploadParcel } from '../../../simulator/world/parcels';
import { readSample } from '../../edi/samples';

/** Acme's mailbox: ACMESUPPLY and ACMEFOODS, the senders of the sample invoices and ship notices. */
export const ACME_MAILBOX = 10;

/** Acme uploads a sample of examples/edi/ (or the bytes given), as ParcelUpload does. */
export function uploadFromAcme(sim: Simulator, file: string | Buffer, fileName = 'out.edi') {
	const content = typeof file === 'string' ? readSample(file) : file;
	return uploadParcel(sim.world, sim.world.mailboxes.get(ACME_MAILBOX)!, { fileName, content });
}

/** The acknowledgments waiting in a mailbox's InBox: their text and what Read Acknowledgment makes of them. */
export function acknowledgmentsIn(sim: Simulator, mailboxId = ACME_MAILBOX) {
	return sim.inBox(mailboxId).map((parcel) => {
		const text = sim.parcelContent(parcel.parcelId)!.toString('utf8');
		return { parcel, text, items: readAcknowledgments(text) };
	});
}

/** The status of each acknowledged set (or group), as `code control: status`. */
export function verdicts(items: ReturnType<typeof readAcknowledgments>): string[] {
	return items.map((item) => {
		const acknowledged = item.acknowledged as {
			transactionSet?: { code: string; controlNumber: string };
		};
		const set = acknowledged.transactionSet;
		return `${set?.code} ${set?.controlNumber}: ${String(item.status)}`;
	});
}

export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`Not within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}
