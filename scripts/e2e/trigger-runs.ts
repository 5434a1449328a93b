/**
 * The ECGridOS Trigger in a real `n8n start`: a Receive-EDI-like workflow (trigger polling every
 * 2 s → Download → Stop and Error for a parcel whose file name says "fail-me") is imported and
 * published before n8n starts, as users deploy it; files are dropped into the watched InBox through
 * the simulator's admin endpoint while n8n runs. Checked against the simulator's per-parcel
 * counters and n8n's own execution list: one run per parcel, each good parcel downloaded and
 * confirmed exactly once, the failing one reset and never confirmed, nothing repeated over further
 * polls, and no secret in what n8n printed.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import { sample } from '../../simulator';
import { checkNoSecrets, type Checks } from './checks';
import { freePort } from './n8n-cli';
import { FIXTURES } from './paths';
import { stopChild } from './proc';
import type { Stack } from './stack';
import { sleep, waitFor } from './wait';

const WORKFLOW_ID = 'ecgridE2eTrigger';
/** The fixture watches mailbox 11 (network 1): no demo parcel lives there, and net.admin sees it. */
const MAILBOX_ID = 11;
const POLL_SECONDS = 2;
const GOOD_FILES = [
	'x12-850-purchase-order.edi',
	'x12-810-invoice.edi',
	'x12-856-ship-notice.edi',
	'edifact-orders.edi',
];
const FAILING_FILE = 'fail-me-997.edi';
const FAILING_SAMPLE = 'x12-997-acknowledgment.edi';
const OWNER = {
	email: 'owner@example.test',
	firstName: 'Ed',
	lastName: 'Owner',
	password: 'E2e-owner-pass-1',
};

interface Counters {
	downloads: number;
	confirms: number;
	resets: number;
}
interface ParcelState {
	parcelId: number;
	fileName: string;
	inInBox: boolean;
	status: string | null;
	counters: Counters;
}

/** The simulator's admin endpoint: what a test drops into an InBox from outside ECGridOS. */
function adminUrl(stack: Stack, path: string): string {
	return stack.sim.simulator.url.replace(/\/v4\.1\/.*$/, `/admin/${path}`);
}

async function dropFile(stack: Stack, fileName: string, content: Buffer): Promise<number> {
	const response = await fetch(
		adminUrl(stack, `inbox?mailboxId=${MAILBOX_ID}&fileName=${encodeURIComponent(fileName)}`),
		{ method: 'POST', body: content },
	);
	if (response.status !== 201)
		throw new Error(`admin drop of ${fileName}: HTTP ${response.status}`);
	return ((await response.json()) as ParcelState).parcelId;
}

function stateOf(stack: Stack, parcelId: number): ParcelState {
	const view = stack.sim.simulator.parcel(parcelId);
	if (!view) throw new Error(`simulator lost parcel ${parcelId}`);
	return view as ParcelState;
}

function pollCount(stack: Stack): number {
	return stack.sim.simulator.requests.filter((request) => request.operation === 'ParcelInBoxEx')
		.length;
}

/** The owner's session cookie for n8n's REST API (a throwaway owner of a throwaway user folder). */
async function ownerCookie(baseUrl: string): Promise<string> {
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		const settings = await fetch(`${baseUrl}/rest/settings`).catch(() => undefined);
		if (settings?.ok) break;
		await sleep(1_000);
	}
	const response = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	if (!response.ok) throw new Error(`owner setup: HTTP ${response.status}`);
	const cookie = response.headers.get('set-cookie')?.split(';')[0];
	if (!cookie) throw new Error('owner setup gave no session cookie');
	return cookie;
}

interface ListedExecution {
	id: string;
	status: string;
	startedAt?: string | null;
}

/** This workflow's executions, as n8n's Executions list has them. */
async function listExecutions(baseUrl: string, cookie: string): Promise<ListedExecution[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }));
	const response = await fetch(`${baseUrl}/rest/executions?filter=${filter}&limit=100`, {
		headers: { cookie },
	});
	if (!response.ok) throw new Error(`GET /rest/executions: HTTP ${response.status}`);
	const body = (await response.json()) as {
		data?: { results?: Array<{ id?: unknown; status?: unknown; startedAt?: string | null }> };
	};
	return (body.data?.results ?? []).map((execution) => ({
		id: String(execution.id),
		status: String(execution.status),
		startedAt: execution.startedAt,
	}));
}

/**
 * A poll that ECGridOS fails is saved as a failed execution that holds the poll's error (the
 * Executions list shows it as failed; n8n saves it with no start time, so the list's start column
 * reads "Starting soon": n8n's own, README says so).
 */
async function checkFailedPoll(
	stack: Stack,
	checks: Checks,
	baseUrl: string,
	cookie: string,
	log: (line: string) => void,
): Promise<void> {
	const before = new Set((await listExecutions(baseUrl, cookie)).map((each) => each.id));
	stack.sim.simulator.inject({
		operation: 'ParcelInBoxEx',
		kind: 'ecgridError',
		retCode: 'InternalError',
		times: 1,
	});
	let failed: ListedExecution | undefined;
	for (const deadline = Date.now() + 30_000; !failed && Date.now() < deadline; await sleep(500))
		failed = (await listExecutions(baseUrl, cookie)).find((each) => !before.has(each.id));
	const listed = checks.check(
		'trigger: a failed poll is listed as a failed execution',
		failed?.status === 'error',
		failed ? `${failed.id}: ${failed.status}, startedAt ${String(failed.startedAt)}` : 'none',
	);
	if (!listed || !failed) return;
	log(`failed poll saved as execution ${failed.id} (startedAt ${String(failed.startedAt)})`);
	const response = await fetch(`${baseUrl}/rest/executions/${failed.id}`, { headers: { cookie } });
	const detail = response.ok ? await response.text() : `HTTP ${response.status}`;
	checks.check(
		"trigger: the failed poll's execution holds the call and ECGridOS's error",
		detail.includes('ParcelInBoxEx') && detail.includes('Internal error.'),
		detail.slice(0, 300),
	);
}

function checkParcels(
	checks: Checks,
	good: ParcelState[],
	failing: ParcelState,
	goodBeforeWait: ParcelState[],
): void {
	for (const parcel of good) {
		const label = `trigger: good parcel ${parcel.parcelId} (${parcel.fileName})`;
		const { downloads, confirms, resets } = parcel.counters;
		checks.check(
			`${label} downloaded once, confirmed once, never reset`,
			downloads === 1 && confirms === 1 && resets === 0,
			JSON.stringify(parcel.counters),
		);
		checks.check(`${label} left the InBox`, !parcel.inInBox, String(parcel.status));
	}
	checks.check(
		'trigger: nothing about a good parcel changed over the further polls',
		JSON.stringify(good.map((parcel) => parcel.counters)) ===
			JSON.stringify(goodBeforeWait.map((parcel) => parcel.counters)),
	);
	const { downloads, confirms, resets } = failing.counters;
	const label = `trigger: failing parcel ${failing.parcelId} (${failing.fileName})`;
	checks.check(
		`${label} is still in the InBox, never confirmed`,
		failing.inInBox && confirms === 0,
		`${String(failing.status)} ${JSON.stringify(failing.counters)}`,
	);
	// Each failed run resets its parcel before the next poll may offer it again: one run at a time.
	checks.check(
		`${label} was reset after its failed run, never two runs at once`,
		resets >= 1 && (downloads - resets === 0 || downloads - resets === 1),
		JSON.stringify(failing.counters),
	);
}

function checkExecutions(
	checks: Checks,
	statuses: string[],
	goodCount: number,
	failing: ParcelState,
): void {
	const count = (status: string) => statuses.filter((value) => value === status).length;
	checks.check(
		'trigger: n8n lists one successful execution per good parcel',
		count('success') === goodCount,
		`${count('success')} successful for ${goodCount} good parcels (${statuses.join(', ')})`,
	);
	const failed = count('error');
	checks.check(
		'trigger: n8n lists one failed execution per run of the failing parcel',
		failed >= 1 && failed <= failing.counters.downloads && failed >= failing.counters.resets - 1,
		`${failed} failed; the failing parcel: ${JSON.stringify(failing.counters)}`,
	);
}

export async function runTriggerScenario(
	stack: Stack,
	checks: Checks,
	log: (line: string) => void,
): Promise<void> {
	const startedAt = Date.now();
	const inBoxBefore = stack.sim.simulator.inBox(MAILBOX_ID).length;
	if (!checks.check('trigger: the watched InBox starts empty', inBoxBefore === 0, `${inBoxBefore}`))
		return;
	const workflow = await stack.importWorkflow(
		join(FIXTURES, 'receive-edi-trigger.workflow.json'),
		WORKFLOW_ID,
	);
	// Imported and published before `n8n start`: importing into a running n8n can register a
	// trigger twice (n8n #35251).
	await stack.cli.publishWorkflow(workflow.id);
	log(`n8n publish:workflow --id=${workflow.id}`);

	let printed = '';
	let server: ChildProcess | undefined;
	try {
		const port = await freePort();
		const baseUrl = `http://127.0.0.1:${port}`;
		server = await stack.cli.start(port, 120_000, (chunk) => {
			printed += chunk;
		});
		log(`n8n start on ${baseUrl}; waiting for the trigger's first poll`);
		const pollsAtStart = pollCount(stack);
		const polling = await waitFor(() => pollCount(stack) > pollsAtStart, 60_000);
		if (!checks.check('trigger: the published workflow polls the InBox after n8n start', polling))
			return;

		const goodIds: number[] = [];
		for (const file of GOOD_FILES) goodIds.push(await dropFile(stack, file, sample(file)));
		const failingId = await dropFile(stack, FAILING_FILE, sample(FAILING_SAMPLE));
		log(`dropped ${goodIds.length + 1} files into mailbox ${MAILBOX_ID}'s InBox`);

		const settled = await waitFor(
			() =>
				goodIds.every((id) => stateOf(stack, id).counters.confirms >= 1) &&
				stateOf(stack, failingId).counters.resets >= 1,
			90_000,
		);
		checks.check(
			'trigger: every good parcel confirmed and the failing one reset within 90 s',
			settled,
			JSON.stringify([...goodIds, failingId].map((id) => stateOf(stack, id).counters)),
		);
		const goodBeforeWait = goodIds.map((id) => stateOf(stack, id));
		// At least two further polls with nothing new for the good parcels.
		const pollsBefore = pollCount(stack);
		await waitFor(() => pollCount(stack) >= pollsBefore + 2, 20_000);
		await sleep(POLL_SECONDS * 1_000);
		checks.check(
			'trigger: at least two further polls ran',
			pollCount(stack) >= pollsBefore + 2,
			`${pollCount(stack) - pollsBefore} polls`,
		);
		const failingAtEnd = stateOf(stack, failingId);
		checkParcels(
			checks,
			goodIds.map((id) => stateOf(stack, id)),
			failingAtEnd,
			goodBeforeWait,
		);
		try {
			const cookie = await ownerCookie(baseUrl);
			const statuses = (await listExecutions(baseUrl, cookie)).map((each) => each.status);
			log(`n8n's executions of ${WORKFLOW_ID}: ${statuses.join(', ')}`);
			checkExecutions(checks, statuses, goodIds.length, stateOf(stack, failingId));
			await checkFailedPoll(stack, checks, baseUrl, cookie, log);
		} catch (error) {
			checks.check('trigger: n8n lists the executions', false, (error as Error).message);
		}
	} finally {
		if (server) await stopChild(server);
		// Later scenarios start n8n again: this workflow must not poll then.
		await stack.cli.mustRun(['unpublish:workflow', `--id=${workflow.id}`]);
		checkNoSecrets(checks, 'trigger: n8n start output', printed, stack.secrets);
		log(`trigger round took ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
	}
}
