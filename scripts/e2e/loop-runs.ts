/**
 * Closing the loop in a real `n8n start` (issue 19): the three EDI examples as a user imports them,
 * with n8n's own Data Tables as the record (created through the editor's REST API, from
 * examples/edi-tables.json). Only URLs, the poll and schedule intervals and the acknowledgment due
 * time (0 hours, so that an unanswered group is overdue at once) are changed.
 *
 * 1. Send EDI and Receive EDI published. The stand-in ERP posts three shipped orders to Send EDI's
 *    webhook, one at a time; each becomes an 810 and an 856 in one interchange to Globex, uploaded
 *    from Acme's mailbox and recorded in "EDI sent" (one row per group). The simulated Globex
 *    accepts the first, rejects the 856 of the second, never answers the third. Receive EDI reads
 *    the two 997s and marks the rows. The same 850 from Globex delivered twice is held back once.
 * 2. n8n restarted with only Watch Acknowledgments published (on a short schedule): it alerts on
 *    exactly the rejected group and the two overdue ones, once each, and marks them alerted.
 */
import type { ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { sample } from '../../simulator';
import type { WorkflowJson } from '../../test/harness/workflow-file';
import { startHttpSink, type HttpSink } from '../../test/support/http-sink';
import { ALERT_PATH, ERP_PATH, receiveEdiExample } from '../../test/support/receive-edi-example';
import {
	SEND_WEBHOOK_PATH,
	sendEdiExample,
	shippedOrder,
} from '../../test/support/send-edi-example';
import {
	WATCH_ALERT_PATH,
	watchAcknowledgmentsExample,
} from '../../test/support/watch-acknowledgments-example';
import { checkNoSecrets, type Checks } from './checks';
import { createEdiTables, type N8nDataTables, type TableRow } from './data-tables';
import { freePort } from './n8n-cli';
import { stopChild } from './proc';
import type { Stack } from './stack';
import { sleep, waitFor } from './wait';
import { nodeTypeFor } from './workflows';

const SEND_ID = 'ecgridE2eLoopSend';
const RECEIVE_ID = 'ecgridE2eLoopReceive';
const WATCH_ID = 'ecgridE2eLoopWatch';
const POLL_SECONDS = 2;
const WATCH_SECONDS = 3;
const ACME_MAILBOX = 10;
const GLOBEX = 'ZZ:GLOBEXRETAIL';

/** What Globex does with each of the three interchanges, in the order they are sent. */
const ANSWERS = [
	{ answer: 'accept' },
	{ answer: 'reject', reject: { sets: ['856'] } },
	{ answer: 'never' },
] as const;

/** The sample 850 from Globex renumbered (ISA13/GS06 104), so no other scenario's parcel is it. */
function orderFromGlobex(): Buffer {
	const text = sample('x12-850-purchase-order.edi')
		.toString('latin1')
		.replace('*000000101*', '*000000104*')
		.replace('*101*X*', '*104*X*')
		.replace('GE*1*101~', 'GE*1*104~')
		.replace('IEA*1*000000101~', 'IEA*1*000000104~')
		.replace('PO-4711', 'PO-4900');
	return Buffer.from(text, 'latin1');
}

/** The examples as this run imports them: EDI nodes typed for the route, URLs at the sink. */
async function prepareFiles(
	stack: Stack,
	sink: HttpSink,
): Promise<{ send: string; receive: string; watch: string }> {
	const retype = (workflow: WorkflowJson) => {
		for (const node of workflow.nodes) {
			if (node.type.endsWith('.ecGridEdi')) node.type = nodeTypeFor(stack.route, 'ecGridEdi');
		}
		return workflow;
	};
	const send = retype(sendEdiExample(0));
	const receive = retype(receiveEdiExample(sink.url, POLL_SECONDS));
	const watch = watchAcknowledgmentsExample(sink.url);
	const schedule = watch.nodes.find((node) => node.type === 'n8n-nodes-base.scheduleTrigger');
	if (!schedule) throw new Error('watch-acknowledgments has no Schedule Trigger');
	schedule.parameters.rule = { interval: [{ field: 'seconds', secondsInterval: WATCH_SECONDS }] };
	const files = {
		send: join(stack.workDir, 'loop-send-edi.workflow.json'),
		receive: join(stack.workDir, 'loop-receive-edi.workflow.json'),
		watch: join(stack.workDir, 'loop-watch.workflow.json'),
	};
	await writeFile(files.send, JSON.stringify(send));
	await writeFile(files.receive, JSON.stringify(receive));
	// No ECGridOS node in it, so imported as it is (with a fixed id), not through prepareWorkflow.
	await writeFile(files.watch, JSON.stringify({ ...watch, id: WATCH_ID, active: false }));
	return files;
}

interface Phase {
	server: ChildProcess;
	baseUrl: string;
	tables: N8nDataTables;
}

async function startPhase(stack: Stack, onOutput: (chunk: string) => void): Promise<Phase> {
	const port = await freePort();
	const server = await stack.cli.start(port, 120_000, onOutput);
	const baseUrl = `http://127.0.0.1:${port}`;
	return { server, baseUrl, tables: await createEdiTables(baseUrl) };
}

/** The parcels of phase 1: sent to Globex, its 997s, and the 850 delivered twice. */
interface Delivered {
	sentParcels: number[];
	ackParcels: number[];
	first: number;
	again: number;
}

/** Phase 1: three orders sent, two answered, one 850 delivered twice. */
async function sendAndReceive(
	stack: Stack,
	checks: Checks,
	sink: HttpSink,
	phase: Phase,
	log: (line: string) => void,
): Promise<Delivered> {
	const { simulator } = stack.sim;
	// /healthz can answer before the published webhook is registered; a GET runs nothing and
	// answers "Did you mean to make a POST request?" once it is.
	const webhook = `${phase.baseUrl}/webhook/${SEND_WEBHOOK_PATH}`;
	const registered = await waitForAsync(async () => {
		const response = await fetch(webhook).catch(() => undefined);
		return (await response?.text())?.includes('Did you mean') === true;
	}, 60_000);
	checks.check("loop: n8n serves Send EDI's webhook", registered);
	const sentParcels: number[] = [];
	for (const [index, behaviour] of ANSWERS.entries()) {
		simulator.inject({ partner: GLOBEX, times: 1, ...behaviour });
		const answered = simulator.answers.length;
		const response = await fetch(webhook, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ orders: [shippedOrder(5001 + index)] }),
		});
		const body = await response.text();
		checks.check(
			`loop: Send EDI answers the ERP's post of order ${5001 + index}`,
			response.ok,
			`HTTP ${response.status} ${body.slice(0, 500)}`,
		);
		const got = await waitFor(() => simulator.answers.length > answered, 30_000);
		const answer = simulator.answers[answered];
		checks.check(
			`loop: Globex received interchange ${index + 1} and did "${behaviour.answer}"`,
			got && answer?.answer === behaviour.answer && answer.error === undefined,
			JSON.stringify(simulator.answers),
		);
		if (answer) sentParcels.push(answer.sentParcelId);
	}
	log('loop: three orders sent; waiting for Receive EDI to read the two 997s');
	const ackParcels = () =>
		simulator.answers.map((answer) => answer.ackParcelId).filter((id) => id !== undefined);
	const acknowledged = await waitFor(
		() =>
			ackParcels().length === 2 &&
			ackParcels().every((id) => (simulator.parcel(id)?.counters.confirms ?? 0) >= 1),
		90_000,
	);
	checks.check(
		"loop: both 997s reached Acme's InBox and were confirmed after Receive EDI's runs",
		acknowledged,
		JSON.stringify(ackParcels().map((id) => simulator.parcel(id)?.counters)),
	);

	const first = simulator.dropParcel({
		mailboxId: ACME_MAILBOX,
		fileName: 'po-4900.edi',
		content: orderFromGlobex(),
	});
	await waitFor(() => (simulator.parcel(first.parcelId)?.counters.confirms ?? 0) >= 1, 60_000);
	const again = simulator.dropParcel({
		mailboxId: ACME_MAILBOX,
		fileName: 'po-4900-again.edi',
		content: orderFromGlobex(),
	});
	const both = await waitFor(
		() => (simulator.parcel(again.parcelId)?.counters.confirms ?? 0) >= 1,
		60_000,
	);
	checks.check(
		'loop: the 850 delivered twice: both parcels confirmed',
		both && simulator.parcel(first.parcelId)?.counters.confirms === 1,
		JSON.stringify([first.parcelId, again.parcelId].map((id) => simulator.parcel(id)?.counters)),
	);
	const orders = sink.bodiesAt(ERP_PATH).filter((body) => JSON.stringify(body).includes('PO-4900'));
	checks.check('loop: the ERP got PO-4900 once', orders.length === 1, JSON.stringify(orders));
	const duplicates = (
		sink.bodiesAt(ALERT_PATH) as Array<{ text?: string; parcelId?: number }>
	).filter((alert) => /^Duplicate interchange/.test(alert.text ?? ''));
	checks.check(
		'loop: the second delivery is held back with one duplicate alert naming it',
		duplicates.length === 1 &&
			duplicates[0].parcelId === again.parcelId &&
			duplicates[0].text ===
				`Duplicate interchange 000000104 from GLOBEXRETAIL in parcel ${again.parcelId}: held back, it was received before`,
		JSON.stringify(duplicates),
	);
	return { sentParcels, ackParcels: ackParcels(), first: first.parcelId, again: again.parcelId };
}

async function waitForAsync(test: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await test()) return true;
		await sleep(500);
	}
	return false;
}

const byParcelAndGroup = (rows: TableRow[], parcelId: number, functionalId: string) =>
	rows.filter((row) => row.parcelId === parcelId && row.functionalId === functionalId);

function checkSentRows(checks: Checks, rows: TableRow[], sentParcels: number[]): void {
	const expected: Array<[number, string, string]> = [
		[0, 'IN', 'accepted'],
		[0, 'SH', 'accepted'],
		[1, 'IN', 'accepted'],
		[1, 'SH', 'rejected'],
		[2, 'IN', 'sent'],
		[2, 'SH', 'sent'],
	];
	checks.check(
		'loop: "EDI sent" holds one row per group sent (6), with partner, control numbers, set codes, parcel',
		rows.length === 6 &&
			rows.every(
				(row) =>
					row.partner === GLOBEX &&
					row.standard === 'X12' &&
					/^\d{9}$/.test(String(row.interchangeControlNumber)) &&
					String(row.groupControlNumber) !== '' &&
					(row.setCodes === '810' || row.setCodes === '856') &&
					row.sentAt !== null &&
					row.dueBy !== null,
			),
		JSON.stringify(rows),
	);
	for (const [run, functionalId, status] of expected) {
		const [row] = byParcelAndGroup(rows, sentParcels[run], functionalId);
		checks.check(
			`loop: interchange ${run + 1}'s ${functionalId} group is "${status}"${status === 'sent' ? ' (no answer)' : ''}`,
			row?.status === status &&
				(status === 'sent') === (row.acknowledgedAt === null) &&
				(status === 'rejected') === Boolean(row.errors),
			JSON.stringify(row),
		);
	}
}

function checkReceivedRows(checks: Checks, rows: TableRow[], delivered: Delivered): void {
	const rowOf = (parcelId: number) => rows.filter((row) => row.parcelId === parcelId);
	checks.check(
		'loop: "EDI received" records each 997 and the 850, once each, and not its duplicate delivery',
		[...delivered.ackParcels, delivered.first].every(
			(parcelId) =>
				rowOf(parcelId).length === 1 &&
				rowOf(parcelId)[0].sender === GLOBEX &&
				rowOf(parcelId)[0].receivedAt !== null,
		) &&
			rowOf(delivered.again).length === 0 &&
			rows.filter((row) => row.interchangeControlNumber === '000000104').length === 1,
		JSON.stringify(rows),
	);
}

/** Phase 2: Watch Acknowledgments alone, on a short schedule. */
async function watch(
	stack: Stack,
	checks: Checks,
	sink: HttpSink,
	phase: Phase,
	sentParcels: number[],
): Promise<void> {
	const alerts = () => sink.bodiesAt(WATCH_ALERT_PATH) as Array<Record<string, unknown>>;
	await waitFor(() => alerts().length >= 3, 60_000);
	// A few more ticks: nothing may be alerted twice.
	await sleep(3 * WATCH_SECONDS * 1000);
	const got = alerts()
		.map((alert) => `${String(alert.kind)} ${String(alert.parcelId)} ${String(alert.functionalId)}`)
		.sort();
	const want = [
		`overdue ${sentParcels[2]} IN`,
		`overdue ${sentParcels[2]} SH`,
		`rejected ${sentParcels[1]} SH`,
	].sort();
	checks.check(
		'loop: Watch Acknowledgments alerts exactly the rejected group and the two overdue ones, once each',
		JSON.stringify(got) === JSON.stringify(want),
		JSON.stringify(alerts()),
	);
	const rows = await phase.tables.rows('EDI sent');
	const alerted = rows
		.filter((row) => row.alertedAt !== null)
		.map((row) => `${String(row.parcelId)} ${String(row.functionalId)}`)
		.sort();
	checks.check(
		'loop: exactly those three rows are marked alerted',
		JSON.stringify(alerted) ===
			JSON.stringify(
				[`${sentParcels[2]} IN`, `${sentParcels[2]} SH`, `${sentParcels[1]} SH`].sort(),
			),
		JSON.stringify(rows),
	);
}

export async function runLoopScenario(
	stack: Stack,
	checks: Checks,
	log: (line: string) => void,
): Promise<void> {
	const startedAt = Date.now();
	const sink = await startHttpSink();
	let printed = '';
	const keep = (chunk: string) => {
		printed += chunk;
	};
	let phase: Phase | undefined;
	const published: string[] = [];
	try {
		const files = await prepareFiles(stack, sink);
		await stack.importWorkflow(files.send, SEND_ID);
		await stack.importWorkflow(files.receive, RECEIVE_ID);
		await stack.cli.importWorkflow(files.watch);
		// Published before `n8n start` (n8n #35251).
		for (const id of [SEND_ID, RECEIVE_ID]) {
			await stack.cli.publishWorkflow(id);
			published.push(id);
		}
		phase = await startPhase(stack, keep);
		log(`loop: n8n start on ${phase.baseUrl}, tables ${JSON.stringify(phase.tables.ids)}`);
		const delivered = await sendAndReceive(stack, checks, sink, phase, log);
		const { sentParcels } = delivered;
		checkSentRows(checks, await phase.tables.rows('EDI sent'), sentParcels);
		checkReceivedRows(checks, await phase.tables.rows('EDI received'), delivered);
		await stopChild(phase.server);
		phase = undefined;

		for (const id of [SEND_ID, RECEIVE_ID]) {
			await stack.cli.mustRun(['unpublish:workflow', `--id=${id}`]);
			published.splice(published.indexOf(id), 1);
		}
		await stack.cli.publishWorkflow(WATCH_ID);
		published.push(WATCH_ID);
		phase = await startPhase(stack, keep);
		log(`loop: n8n restarted with Watch Acknowledgments published (every ${WATCH_SECONDS} s)`);
		await watch(stack, checks, sink, phase, sentParcels);
	} finally {
		if (phase) await stopChild(phase.server);
		for (const id of published) await stack.cli.mustRun(['unpublish:workflow', `--id=${id}`]);
		stack.sim.simulator.clearInjections();
		await sink.close();
		checkNoSecrets(checks, 'loop: n8n start output', printed, stack.secrets);
		log(`loop round took ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
	}
}
