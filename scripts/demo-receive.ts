/**
 * The receive half of `npm run demo`: examples/receive-edi.workflow.json, published through the
 * test harness's trigger runner (n8n-core's ActiveWorkflowTriggers), against the simulator. Globex
 * sends Acme a good 850 and one missing its BEG, a good EDIFACT ORDERS and one missing its BGM; the
 * orders go to a local stand-in ERP, the broken ones to a local stand-in alert webhook, and each
 * 997 or CONTRL back into Globex's InBox.
 */
import { readAcknowledgments } from '../nodes/shared/edi';
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
const ARRIVING = [
	'x12-850-purchase-order.edi',
	'x12-850-missing-beg.edi',
	'edifact-orders.edi',
	'edifact-orders-missing-bgm.edi',
];
const SETTLE_MS = 20_000;

interface ErpOrder {
	transactionSet?: string;
	poNumber?: string | null;
	lines?: Array<{ quantity?: string; unit?: string; item?: string }>;
}

/**
 * What an acknowledgment says, in one line: who sent it, which group (997) or interchange
 * (CONTRL) it answers, and the verdicts it gives.
 */
export function formatAcknowledgment(fileName: string, text: string): string {
	const items = readAcknowledgments(text);
	const { sender, receiver } = items[0].from as Record<string, { id: string }>;
	const answered = new Map<string, Set<string>>();
	for (const item of items) {
		const { group, interchange } = item.acknowledged as {
			group?: { controlNumber: string; status: string };
			interchange?: { controlReference: string };
		};
		const key = group
			? `group ${group.controlNumber}`
			: `interchange ${interchange?.controlReference}`;
		if (!answered.has(key)) answered.set(key, new Set());
		answered.get(key)!.add(String(group?.status ?? item.status));
	}
	const verdicts = [...answered].map(([key, words]) => `${key}: ${[...words].join(', ')}`);
	return `${fileName}: ${sender.id} → ${receiver.id}, answers ${verdicts.join('; ')}`;
}

/** What the ERP and the alert hook received; the runs go at once, so each list is sorted. */
function printReceived(sink: HttpSink): void {
	const orders = (sink.bodiesAt(ERP_PATH) as ErpOrder[]).map((order) => {
		// The example maps an 850's BEG and PO1 loops; other sets arrive by type and sender.
		if (order.transactionSet !== '850')
			return `ERP got ${String(order.transactionSet)} (no 850 fields to map)`;
		const lines = (order.lines ?? []).map((line) => `${line.quantity} ${line.unit} ${line.item}`);
		return `ERP got order ${String(order.poNumber)}: ${lines.join(', ')}`;
	});
	const alerts = (sink.bodiesAt(ALERT_PATH) as Array<{ text?: string; errors?: string[] }>).map(
		(alert) => `alert: ${String(alert.text)} (${(alert.errors ?? []).join('; ')})`,
	);
	const bySet = (line: string) => line.replace(/parcel \d+/, '');
	for (const line of [...orders.sort(), ...alerts.sort((a, b) => bySet(a).localeCompare(bySet(b)))])
		console.log(line);
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
			`\nReceive EDI (examples/receive-edi.workflow.json, published): Globex sends Acme ${ARRIVING.join(', ')}`,
		);
		const confirmed = () => ids.every((id) => simulator.parcel(id)?.counters.confirms === 1);
		await trigger.waitFor(confirmed, SETTLE_MS, 'every parcel confirmed').catch(() => undefined);
		await trigger.runsSettled();
		printReceived(sink);
		const acknowledgments = simulator
			.inBox(GLOBEX_MAILBOX)
			.filter((parcel) => !globexBefore.has(parcel.parcelId));
		// The runs go at once: sorted by what they answer, the output reads the same each time.
		const lines = acknowledgments.map((parcel) => {
			const text = simulator.parcelContent(parcel.parcelId)?.toString('latin1') ?? '';
			return formatAcknowledgment(parcel.fileName, text);
		});
		const group = (line: string) => line.slice(line.indexOf('answers '));
		lines.sort((a, b) => group(a).localeCompare(group(b)));
		for (const line of lines) console.log(`in Globex's InBox: ${line}`);
		const done = confirmed();
		console.log(
			done
				? `all ${ids.length} parcels confirmed after their runs succeeded; Acme's InBox now holds ${simulator.inBox(ACME_MAILBOX).length}`
				: `not every parcel was confirmed within ${SETTLE_MS / 1000} s`,
		);
		return done && acknowledgments.length === ARRIVING.length;
	} finally {
		await trigger.deactivate();
		await trigger.runsSettled();
		await sink.close();
	}
}
