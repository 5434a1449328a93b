/**
 * The Receive EDI example (examples/receive-edi.workflow.json) published in a real `n8n start`:
 * its ERP and alert URLs pointed at a local HTTP server, its trigger polling every 2 s, everything
 * else as a user imports it. A good and a defective 850 from Globex and a file that is not EDI
 * are dropped into the watched InBox (mailbox 10, the stack credential's own) while n8n runs.
 * Checked: the good order's PO number and line items reach the ERP, the defective set and the
 * other file reach the alert, a 997 for each 850 lands in Globex's InBox (the simulator routes an
 * upload by its ISA receiver), and every parcel is confirmed once and never reset (the trigger
 * confirms only after a run that succeeded).
 */
import type { ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { sample } from '../../simulator';
import { startHttpSink, type HttpSink } from '../../test/support/http-sink';
import {
	ALERT_PATH,
	ERP_PATH,
	SAMPLE_ORDER,
	receiveEdiExample,
} from '../../test/support/receive-edi-example';
import { checkNoSecrets, type Checks } from './checks';
import { createEdiTables } from './data-tables';
import { freePort } from './n8n-cli';
import { stopChild } from './proc';
import type { Stack } from './stack';
import { waitFor } from './wait';
import { nodeTypeFor } from './workflows';

const WORKFLOW_ID = 'ecgridE2eReceiveEdi';
const POLL_SECONDS = 2;
const ACME_MAILBOX = 10;
const GLOBEX_MAILBOX = 20;
/** The sample 850 renumbered (ISA13/GS06 103, PO-4800), so that no demo parcel is mistaken for it. */
const GOOD_PO = 'PO-4800';

function goodOrder(): Buffer {
	const text = sample('x12-850-purchase-order.edi')
		.toString('latin1')
		.replace('*000000101*', '*000000103*')
		.replace('*101*X*', '*103*X*')
		.replace('GE*1*101~', 'GE*1*103~')
		.replace('IEA*1*000000101~', 'IEA*1*000000103~')
		.replace('PO-4711', GOOD_PO);
	return Buffer.from(text, 'latin1');
}

/** The example as the e2e run imports it: URLs at the sink, a short poll, EDI nodes typed for the route. */
async function exampleFile(stack: Stack, sink: HttpSink): Promise<string> {
	const workflow = receiveEdiExample(sink.url, POLL_SECONDS);
	for (const node of workflow.nodes) {
		if (node.type.endsWith('.ecGridEdi')) node.type = nodeTypeFor(stack.route, 'ecGridEdi');
	}
	const file = join(stack.workDir, 'receive-edi.workflow.json');
	await writeFile(file, JSON.stringify(workflow, null, '\t'));
	return file;
}

/** The acknowledgments in Globex's InBox that answer the group with this GS06. */
function acknowledgmentsOf(stack: Stack, groupControlNumber: string): string[] {
	const { simulator } = stack.sim;
	return simulator
		.inBox(GLOBEX_MAILBOX)
		.map((parcel) => simulator.parcelContent(parcel.parcelId)?.toString('latin1') ?? '')
		.filter((text) => text.includes(`~AK1*PO*${groupControlNumber}~`));
}

function checkOutcome(stack: Stack, checks: Checks, sink: HttpSink, ids: number[]): void {
	const orders = sink.bodiesAt(ERP_PATH).filter((body) => JSON.stringify(body).includes(GOOD_PO));
	checks.check(
		`receive: the ERP got ${GOOD_PO} once, with its line items`,
		orders.length === 1 &&
			JSON.stringify(orders[0]) === JSON.stringify({ ...SAMPLE_ORDER, poNumber: GOOD_PO }),
		JSON.stringify(orders),
	);
	const alerts = sink.bodiesAt(ALERT_PATH) as Array<{ parcelId?: number; text?: string }>;
	const alertOf = (parcelId: number) => alerts.filter((alert) => alert.parcelId === parcelId);
	const [, brokenId, notEdiId] = ids;
	checks.check(
		'receive: the alert got the defective 850, its error in words',
		alertOf(brokenId).length === 1 &&
			alertOf(brokenId)[0].text ===
				`Invalid EDI from GLOBEXRETAIL in parcel ${brokenId}: 850 0001 is rejected` &&
			JSON.stringify(alertOf(brokenId)[0]).includes(
				'Mandatory segment BEG is missing before position 2',
			),
		JSON.stringify(alerts),
	);
	checks.check(
		'receive: the alert got the file that is not EDI',
		alertOf(notEdiId).length === 1 && /is not EDI/.test(alertOf(notEdiId)[0].text ?? ''),
		JSON.stringify(alerts),
	);
	const accepting = acknowledgmentsOf(stack, '103');
	checks.check(
		"receive: an accepting 997 from ACMEFOODS for the good 850 is in Globex's InBox",
		accepting.length === 1 &&
			/^ISA\*00\*.{10}\*00\*.{10}\*ZZ\*ACMEFOODS {6}\*ZZ\*GLOBEXRETAIL {3}\*/.test(accepting[0]) &&
			accepting[0].includes('~AK9*A*1*1*1~'),
		accepting.join(' | '),
	);
	const rejecting = acknowledgmentsOf(stack, '102');
	checks.check(
		"receive: a rejecting 997 for the defective 850 is in Globex's InBox",
		rejecting.length === 1 && rejecting[0].includes('~AK2*850*0001~AK3*BEG*2**3~AK5*R*5~'),
		rejecting.join(' | '),
	);
	for (const parcelId of ids) {
		const parcel = stack.sim.simulator.parcel(parcelId);
		const counters = parcel?.counters;
		checks.check(
			`receive: parcel ${parcelId} (${parcel?.fileName}) downloaded, confirmed once, never reset`,
			!parcel?.inInBox &&
				counters?.downloads === 1 &&
				counters.confirms === 1 &&
				counters.resets === 0,
			JSON.stringify(counters),
		);
	}
}

export async function runReceiveExample(
	stack: Stack,
	checks: Checks,
	log: (line: string) => void,
): Promise<void> {
	const startedAt = Date.now();
	const sink = await startHttpSink();
	let printed = '';
	let server: ChildProcess | undefined;
	let published = false;
	try {
		const workflow = await stack.importWorkflow(await exampleFile(stack, sink), WORKFLOW_ID);
		// Published before `n8n start`, as trigger-runs.ts does (n8n #35251).
		await stack.cli.publishWorkflow(workflow.id);
		published = true;
		const port = await freePort();
		server = await stack.cli.start(port, 120_000, (chunk) => {
			printed += chunk;
		});
		log(`receive: n8n start on 127.0.0.1:${port} with ${WORKFLOW_ID} published`);
		// The example records what it received in n8n's Data Tables: made before anything arrives.
		await createEdiTables(`http://127.0.0.1:${port}`);
		const { simulator } = stack.sim;
		const ids = [
			simulator.dropParcel({
				mailboxId: ACME_MAILBOX,
				fileName: 'po-4800.edi',
				content: goodOrder(),
			}).parcelId,
			simulator.dropParcel({
				mailboxId: ACME_MAILBOX,
				fileName: 'po-broken.edi',
				content: sample('x12-850-missing-beg.edi'),
			}).parcelId,
			simulator.dropParcel({
				mailboxId: ACME_MAILBOX,
				fileName: 'notes.txt',
				content: Buffer.from('Call Globex about PO-4800.\n'),
			}).parcelId,
		];
		const settled = await waitFor(
			() => ids.every((id) => (simulator.parcel(id)?.counters.confirms ?? 0) >= 1),
			90_000,
		);
		checks.check(
			'receive: all three parcels confirmed within 90 s of n8n start',
			settled,
			JSON.stringify(ids.map((id) => simulator.parcel(id)?.counters)),
		);
		checkOutcome(stack, checks, sink, ids);
	} finally {
		if (server) await stopChild(server);
		// Later scenarios start n8n again: this workflow must not poll then.
		if (published) await stack.cli.mustRun(['unpublish:workflow', `--id=${WORKFLOW_ID}`]);
		await sink.close();
		checkNoSecrets(checks, 'receive: n8n start output', printed, stack.secrets);
		log(`receive round took ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
	}
}
