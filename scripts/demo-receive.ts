/**
 * The receive half of `npm run demo`: examples/receive-edi.workflow.json, published through the
 * test harness's trigger runner (n8n-core's ActiveWorkflowTriggers), against the simulator. Globex
 * sends Acme a good 850 and one missing its BEG; the order goes to a local stand-in ERP, the broken
 * set to a local stand-in alert webhook, and each 997 back into Globex's InBox.
 */
import { activateTrigger, type HarnessCredential } from '../test/harness';
import { startHttpSink, type HttpSink } from '../test/support/http-sink';
import {
	ALERT_PATH,
	ERP_PATH,
	ediTables,
	receiveEdiExample,
} from '../test/support/receive-edi-example';
import { sample, type Simulator } from '../simulator';

const ACME_MAILBOX = 10;
const GLOBEX_MAILBOX = 20;
const ARRIVING = ['x12-850-purchase-order.edi', 'x12-850-missing-beg.edi'];
const SETTLE_MS = 20_000;

interface ErpOrder {
	poNumber?: string | null;
	lines?: Array<{ quantity?: string; unit?: string; item?: string }>;
}

/** What an acknowledgment says, in one line: its type, control number and verdict per group. */
export function formatAcknowledgment(fileName: string, text: string): string {
	const segments = text.split('~').map((segment) => segment.trim());
	const field = (segment: string | undefined, index: number) => segment?.split('*')[index] ?? '?';
	const isa = segments.find((segment) => segment.startsWith('ISA*'));
	const verdicts = segments
		.filter((segment) => segment.startsWith('AK9*'))
		.map(
			(ak9) =>
				({ A: 'accepted', E: 'accepted with errors', P: 'partially accepted', R: 'rejected' })[
					field(ak9, 1)
				] ?? field(ak9, 1),
		);
	const answered = segments
		.filter((segment) => segment.startsWith('AK1*'))
		.map((ak1) => field(ak1, 2));
	return (
		`${fileName}: ${field(isa, 6).trim()} → ${field(isa, 8).trim()}, answers group ` +
		`${answered.join(', ')}: ${verdicts.join(', ')}`
	);
}

function printReceived(sink: HttpSink): void {
	for (const order of sink.bodiesAt(ERP_PATH) as ErpOrder[]) {
		const lines = (order.lines ?? []).map((line) => `${line.quantity} ${line.unit} ${line.item}`);
		console.log(`ERP got order ${String(order.poNumber)}: ${lines.join(', ')}`);
	}
	for (const alert of sink.bodiesAt(ALERT_PATH) as Array<{ text?: string; errors?: string[] }>) {
		console.log(`alert: ${String(alert.text)} (${(alert.errors ?? []).join('; ')})`);
	}
}

export async function runReceiveDemo(
	simulator: Simulator,
	credential: HarnessCredential,
): Promise<boolean> {
	const sink = await startHttpSink();
	const globexBefore = new Set(simulator.inBox(GLOBEX_MAILBOX).map((parcel) => parcel.parcelId));
	const trigger = await activateTrigger(receiveEdiExample(sink.url), {
		dataTables: ediTables(),
		credentials: [{ ...credential, id: 'ecgridosDemoKey' }],
	});
	try {
		const ids = ARRIVING.map(
			(fileName) =>
				simulator.dropParcel({ mailboxId: ACME_MAILBOX, fileName, content: sample(fileName) })
					.parcelId,
		);
		console.log(
			`\nReceive EDI (examples/receive-edi.workflow.json, published): Globex sends Acme ${ARRIVING.join(' and ')}`,
		);
		const confirmed = () => ids.every((id) => simulator.parcel(id)?.counters.confirms === 1);
		await trigger.waitFor(confirmed, SETTLE_MS, 'both parcels confirmed').catch(() => undefined);
		await trigger.runsSettled();
		printReceived(sink);
		const acknowledgments = simulator
			.inBox(GLOBEX_MAILBOX)
			.filter((parcel) => !globexBefore.has(parcel.parcelId));
		// The two runs go at once: sorted by the group they answer, the output reads the same each time.
		const lines = acknowledgments.map((parcel) => {
			const text = simulator.parcelContent(parcel.parcelId)?.toString('latin1') ?? '';
			return formatAcknowledgment(parcel.fileName, text);
		});
		const group = (line: string) => line.slice(line.indexOf('answers group'));
		lines.sort((a, b) => group(a).localeCompare(group(b)));
		for (const line of lines) console.log(`in Globex's InBox: ${line}`);
		const done = confirmed();
		console.log(
			done
				? `both parcels confirmed after their runs succeeded; Acme's InBox now holds ${simulator.inBox(ACME_MAILBOX).length}`
				: `not every parcel was confirmed within ${SETTLE_MS / 1000} s`,
		);
		return done && acknowledgments.length === ARRIVING.length;
	} finally {
		await trigger.deactivate();
		await trigger.runsSettled();
		await sink.close();
	}
}
