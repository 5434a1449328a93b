/**
 * `npm run demo`: runs examples/generate-api-keys.workflow.json through n8n-core (the test harness)
 * against the local ECGridOS simulator, or against ECGRIDOS_URL with ECGRIDOS_API_KEY when both
 * are set, and prints one line per item; against the simulator it then processes the InBox
 * (demo-edi.ts), runs the Receive EDI example (demo-receive.ts) and closes the loop with Send EDI,
 * Receive EDI and Watch Acknowledgments (demo-loop.ts). Exits non-zero when a run
 * fails as a whole.
 */
import '../test/harness/env';

import { join } from 'node:path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { loadWorkflowFile, runWorkflow, type HarnessCredential } from '../test/harness';
import { DEMO_USERS, startSimulator, type Simulator } from '../simulator';
import { ensureBuilt } from './demo-build';
import { runEdiDemo } from './demo-edi';
import { runLoopDemo } from './demo-loop';
import { runReceiveDemo } from './demo-receive';

const WORKFLOW_FILE = join(__dirname, '..', 'examples', 'generate-api-keys.workflow.json');
const SOURCE_NODE = 'One Item per User';
const ECGRIDOS_NODE = 'Generate API Key';

/** Shows only the last four characters: enough to tell keys apart, useless to anyone else. */
export function maskKey(key: string): string {
	return `${'•'.repeat(8)}${key.slice(-4)}`;
}

function describeError(error: unknown): string {
	if (typeof error === 'string') return error;
	if (typeof error === 'object' && error !== null && 'message' in error) {
		return String((error as { message: unknown }).message);
	}
	return JSON.stringify(error);
}

/** One line per ECGridOS output item, named by the user ID of the input item it pairs with. */
export function formatItem(item: INodeExecutionData, inputs: INodeExecutionData[]): string {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	const index = typeof paired === 'number' ? paired : (paired?.item ?? -1);
	const json: IDataObject = item.json;
	const userId = json.userId ?? inputs[index]?.json.userId ?? '?';
	if (json.error !== undefined)
		return `user ${String(userId).padEnd(6)} error  ${describeError(json.error)}`;
	return `user ${String(userId).padEnd(6)} ok     new key ${maskKey(String(json.apiKey))}`;
}

async function main(): Promise<number> {
	const liveUrl = process.env.ECGRIDOS_URL;
	const liveKey = process.env.ECGRIDOS_API_KEY;
	if ((liveUrl === undefined) !== (liveKey === undefined)) {
		console.error('Set both ECGRIDOS_URL and ECGRIDOS_API_KEY, or neither (simulator).');
		return 2;
	}
	ensureBuilt();
	const workflow = loadWorkflowFile(WORKFLOW_FILE);
	const ref = workflow.nodes.find((node) => node.name === ECGRIDOS_NODE)?.credentials?.ecGridOsApi;
	if (ref === undefined) throw new Error(`${WORKFLOW_FILE} has no ECGridOS credential reference`);

	let simulator: Simulator | undefined;
	try {
		if (liveUrl === undefined) simulator = await startSimulator({ port: 0 });
		const admin = DEMO_USERS.find((user) => user.userId === 1001);
		const credential: HarnessCredential = {
			id: ref.id ?? 'demo',
			name: ref.name,
			type: 'ecGridOsApi',
			data: {
				apiKey: liveKey ?? admin?.apiKey ?? '',
				baseUrl: liveUrl ?? simulator?.url ?? '',
			},
		};
		console.log(
			simulator
				? `ECGridOS simulator at ${simulator.url}, acting as 1001 net.admin (NetworkAdmin, network 1)`
				: `ECGridOS at ${liveUrl}`,
		);

		const started = Date.now();
		const result = await runWorkflow(workflow, { credentials: [credential] });
		const elapsed = Date.now() - started;
		if (result.error !== undefined) {
			console.error(`The workflow failed: ${describeError(result.error)}`);
			return 1;
		}
		const inputs = result.outputOf(SOURCE_NODE);
		const output = result.outputOf(ECGRIDOS_NODE);
		for (const item of output) console.log(formatItem(item, inputs));
		if (simulator) {
			console.log(
				'(user 2001 failing is expected: it belongs to another network, so the simulator answers Access denied, and Continue On Fail turns that into an error item)',
			);
		}
		console.log(`workflow run: ${elapsed} ms`);
		// Continue On Fail turns every failure into an item: not one key means nothing worked.
		if (!output.some((item) => item.json.error === undefined)) return 1;
		// The EDI flow needs files in an InBox: only the simulator can be given some.
		if (simulator && !(await runEdiDemo(simulator, credential))) return 1;
		if (simulator && !(await runReceiveDemo(simulator, credential))) return 1;
		if (simulator && !(await runLoopDemo(simulator, credential))) return 1;
		return 0;
	} finally {
		await simulator?.close();
	}
}

if (require.main === module) {
	main().then(
		(code) => process.exit(code),
		(error: unknown) => {
			console.error(`demo failed: ${describeError(error)}`);
			process.exit(1);
		},
	);
}
