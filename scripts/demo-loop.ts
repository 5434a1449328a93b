/**
 * The loop half of `npm run demo` (issue 19): the three EDI examples through the test harness
 * against the simulator, with in-memory Data Tables. Send EDI sends Globex three orders (an 810
 * and an 856 each, one interchange per order); the simulated Globex accepts the first, rejects
 * the 856 of the second and never answers the third; Receive EDI (published) reads the 997s and
 * marks the sent groups; Watch Acknowledgments (due time 0 hours) alerts on the rejected and the
 * overdue ones.
 */
import { activateTrigger, runWorkflow, type HarnessCredential } from '../test/harness';
import { startHttpSink } from '../test/support/http-sink';
import { ediTables, receiveEdiExample } from '../test/support/receive-edi-example';
import { SEND_WEBHOOK_NODE, sendEdiExample, shippedOrder } from '../test/support/send-edi-example';
import {
	WATCH_ALERT_PATH,
	watchAcknowledgmentsExample,
} from '../test/support/watch-acknowledgments-example';
import type { PartnerInjection, Simulator } from '../simulator';

const GLOBEX = 'ZZ:GLOBEXRETAIL';
const ANSWERS: Array<{ label: string; behaviour: Omit<PartnerInjection, 'partner'> }> = [
	{ label: 'accepts it', behaviour: { answer: 'accept' } },
	{ label: 'rejects its 856', behaviour: { answer: 'reject', reject: { sets: ['856'] } } },
	{ label: 'never answers', behaviour: { answer: 'never' } },
];
const SETTLE_MS = 20_000;

export async function runLoopDemo(
	simulator: Simulator,
	credential: HarnessCredential,
): Promise<boolean> {
	const credentials = [{ ...credential, id: 'ecgridosDemoKey' }];
	const tables = ediTables();
	const sink = await startHttpSink();
	console.log(
		'\nClosing the loop (examples/send-edi, receive-edi, watch-acknowledgments; Data Tables in memory)',
	);
	try {
		for (const [index, { label, behaviour }] of ANSWERS.entries()) {
			simulator.inject({ partner: GLOBEX, times: 1, ...behaviour });
			const order = shippedOrder(5001 + index);
			const sent = await runWorkflow(sendEdiExample(0), {
				startNode: SEND_WEBHOOK_NODE,
				items: [{ headers: {}, params: {}, query: {}, body: { orders: [order] } }],
				executionId: String(8001 + index),
				dataTables: tables,
				credentials,
			});
			if (sent.error !== undefined) {
				console.log(`Send EDI failed for ${order.poNumber}: ${JSON.stringify(sent.error)}`);
				return false;
			}
			const answer = simulator.answers[simulator.answers.length - 1];
			console.log(
				`Send EDI: ${order.poNumber} → 810 + 856 in interchange ${String(8001 + index).padStart(9, '0')}, parcel ${answer?.sentParcelId}; Globex ${label}`,
			);
		}
		const trigger = await activateTrigger(receiveEdiExample(sink.url), {
			dataTables: tables,
			credentials,
		});
		const ackParcels = () =>
			simulator.answers.map((answer) => answer.ackParcelId).filter((id) => id !== undefined);
		try {
			await trigger
				.waitFor(
					() =>
						ackParcels().length === 2 &&
						ackParcels().every((id) => simulator.parcel(id)?.counters.confirms === 1),
					SETTLE_MS,
					'both 997s read',
				)
				.catch(() => undefined);
		} finally {
			await trigger.deactivate();
			await trigger.runsSettled();
		}
		for (const row of tables.byName('EDI sent').rows()) {
			console.log(
				`EDI sent: parcel ${row.parcelId} ${row.functionalId} group ${row.groupControlNumber} (${row.setCodes}): ${row.status}${row.errors ? ` (${row.errors})` : ''}`,
			);
		}
		const watched = await runWorkflow(watchAcknowledgmentsExample(sink.url), {
			dataTables: tables,
		});
		const alerts = sink.bodiesAt(WATCH_ALERT_PATH) as Array<{ kind?: string; text?: string }>;
		for (const alert of alerts)
			console.log(`Watch Acknowledgments alert (${alert.kind}): ${alert.text}`);
		return watched.error === undefined && alerts.length === 3;
	} finally {
		await sink.close();
	}
}
