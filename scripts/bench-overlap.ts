/**
 * `npm run bench -- --latency 50`: how well the node hides network latency. The simulator waits
 * the given milliseconds before every answer (as a server across the internet would); the node
 * runs N items of API Key → Get at Concurrency 1, 8 and 32, and a Return All over a
 * 10,000-record archive. Each is compared with the latency-bound ideal: N × latency / concurrency.
 * The simulator runs in a process of its own (bench-overlap-server.ts), as a remote server would.
 */
import { performance } from 'node:perf_hooks';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { loadPackage, runWorkflow, type NodePackage } from '../test/harness';
import { operationWorkflow } from '../test/support/operations';
import { NODE_NAME } from '../test/support/workflows';
import { DEMO_USERS } from '../simulator';
import { startServerProcess } from './bench-overlap-server';
import { formatTable } from './bench-stats';

const ROOT_KEY = DEMO_USERS.find((user) => user.loginName === 'root.ops')?.apiKey ?? '';
const USERS = [1002, 1003, 1004];
const CONCURRENCIES = [1, 8, 32];
const ARCHIVE_RECORDS = 10_000;
/** The node's page size while it pages for the user (actions/executePlan.ts). */
const PAGE_SIZE = 100;

async function timedRun(
	url: string,
	nodePackage: NodePackage,
	parameters: INodeParameters,
	items: IDataObject[],
): Promise<{ seconds: number; outputs: number }> {
	const credentials = [
		{
			id: 'apiKeyCredential',
			name: 'ECGridOS API key',
			type: 'ecGridOsApi',
			data: { apiKey: ROOT_KEY, baseUrl: url },
		},
	];
	const started = performance.now();
	const result = await runWorkflow(operationWorkflow(parameters), {
		credentials,
		nodePackage,
		items,
	});
	const seconds = (performance.now() - started) / 1000;
	if (result.error) throw new Error(`run failed: ${String((result.error as Error).message)}`);
	return { seconds, outputs: result.outputOf(NODE_NAME).length };
}

export async function benchOverlap(latencyMs: number, n: number): Promise<void> {
	const nodePackage = loadPackage();
	// The simulator runs in a child process, holding the archive's records from the start.
	const simulator = await startServerProcess(latencyMs, ARCHIVE_RECORDS);
	try {
		const rows = [['run', 'items', 'seconds', 'items/s', 'ideal s', 'of ideal']];
		const getKeys = (concurrency: number) => ({
			resource: 'apiKey',
			operation: 'get',
			userId: { __rl: true, mode: 'id', value: '={{ $json.userId }}' },
			options: { concurrency },
		});
		const items = (count: number) =>
			Array.from({ length: count }, (_, i) => ({ userId: USERS[i % USERS.length] }));
		await timedRun(simulator.url, nodePackage, getKeys(8), items(16)); // warm-up
		for (const concurrency of CONCURRENCIES) {
			// Concurrency 1 takes N × latency: a smaller N says the same in less time.
			const count = concurrency === 1 ? Math.min(n, 100) : n;
			const { seconds } = await timedRun(
				simulator.url,
				nodePackage,
				getKeys(concurrency),
				items(count),
			);
			const ideal = (count * latencyMs) / 1000 / concurrency;
			rows.push([
				`API Key → Get, Concurrency ${concurrency}`,
				String(count),
				seconds.toFixed(2),
				(count / seconds).toFixed(0),
				ideal.toFixed(2),
				(ideal / seconds).toFixed(2),
			]);
		}
		for (const concurrency of [1, 8]) {
			const { seconds, outputs } = await timedRun(
				simulator.url,
				nodePackage,
				{
					resource: 'parcel',
					operation: 'searchInBoxArchive',
					returnAll: true,
					simplify: true,
					options: { concurrency },
				},
				[{}],
			);
			const pages = Math.ceil(ARCHIVE_RECORDS / PAGE_SIZE);
			// Page 1 alone (it says how many there are), then the rest `concurrency` at a time.
			const ideal = ((1 + Math.ceil((pages - 1) / concurrency)) * latencyMs) / 1000;
			rows.push([
				`Search InBox Archive, Return All, Concurrency ${concurrency}`,
				String(outputs),
				seconds.toFixed(2),
				(outputs / seconds).toFixed(0),
				ideal.toFixed(2),
				(ideal / seconds).toFixed(2),
			]);
		}
		console.log(`\nLatency hiding: the simulator waits ${latencyMs} ms before every answer\n`);
		console.log(formatTable(rows));
	} finally {
		await simulator.close();
	}
}
