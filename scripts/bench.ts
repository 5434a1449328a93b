/**
 * `npm run bench [-- --n 1000 --concurrency 8]`: GenerateAPIKey against the local simulator,
 * (a) as N items through a workflow with the ECGridOS node (n8n-core, real request helpers) and
 * (b) as a bare axios + xml2js loop, (c) the same with a new connection per call as n8n-core makes;
 * the node's own protocol work per call; peak RSS of (a) at 1,000 and 10,000 items (a fresh
 * process each) and the node module's load time; then the parcel figures (bench-parcels.ts),
 * then the EDI figures, one run each (bench-edi.ts); `-- --edi` gives the EDI figures alone, the
 * median of three runs. `-- --latency 50` instead measures latency hiding (bench-overlap.ts).
 * Prints tables; not a test.
 */
import '../test/harness/env';

import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';

import { loadPackage, runWorkflow, type NodePackage, type WorkflowJson } from '../test/harness';
import { DEMO_USERS, startSimulator } from '../simulator';
import { recordHttpLatency } from './bench-latency';
import { replyMemoryRows } from './bench-memory';
import { generateKeysDirectly } from './bench-direct';
import { protocolMicrosPerCall } from './bench-protocol';
import { benchOverlap } from './bench-overlap';
import { benchEdi } from './bench-edi';
import { benchParcels } from './bench-parcels';
import { jsonFromChild } from './bench-process';
import { formatTable, percentile } from './bench-stats';
import { BUILT_NODE, ensureBuilt } from './demo-build';

const ADMIN_KEY = DEMO_USERS.find((user) => user.userId === 1001)?.apiKey ?? '';
const TARGET_USERS = [1002, 1003, 1004];
const RSS_SIZES = [1_000, 10_000];

interface Measurement {
	label: string;
	items: number;
	seconds: number;
	latencies: number[];
}

function generateWorkflow(concurrency: number): WorkflowJson {
	return {
		name: 'bench',
		nodes: [
			{
				id: 't',
				name: 'Trigger',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'g',
				name: 'Generate',
				type: 'n8n-nodes-ecgridos.ecGridOs',
				typeVersion: 1,
				position: [200, 0],
				parameters: {
					resource: 'apiKey',
					operation: 'generate',
					userId: '={{ $json.userId }}',
					options: { concurrency },
				},
				credentials: { ecGridOsApi: { id: 'bench', name: 'bench' } },
			},
		],
		connections: {
			Trigger: { main: [[{ node: 'Generate', type: 'main', index: 0 }]] },
		},
	};
}

const userIds = (n: number) =>
	Array.from({ length: n }, (_, i) => TARGET_USERS[i % TARGET_USERS.length]);

async function runThroughWorkflow(
	url: string,
	n: number,
	concurrency: number,
	nodePackage: NodePackage,
) {
	const result = await runWorkflow(generateWorkflow(concurrency), {
		nodePackage,
		credentials: [
			{
				id: 'bench',
				name: 'bench',
				type: 'ecGridOsApi',
				data: { apiKey: ADMIN_KEY, baseUrl: url },
			},
		],
		items: userIds(n).map((userId) => ({ userId })),
	});
	if (result.error !== undefined)
		throw new Error(`workflow failed: ${JSON.stringify(result.error)}`);
	const output = result.outputOf('Generate');
	const failed = output.filter((item) => item.json.error !== undefined).length;
	if (output.length !== n || failed > 0)
		throw new Error(`workflow returned ${output.length} items, ${failed} failed`);
}

async function measure(label: string, n: number, body: () => Promise<void>): Promise<Measurement> {
	const recorder = recordHttpLatency();
	const started = performance.now();
	try {
		await body();
	} finally {
		recorder.stop();
	}
	return {
		label,
		items: n,
		seconds: (performance.now() - started) / 1000,
		latencies: recorder.latencies,
	};
}

/** Child mode: one workflow run of N items, then its peak RSS as JSON on stdout. */
async function child(url: string, n: number, concurrency: number) {
	await runThroughWorkflow(url, n, concurrency, loadPackage());
	const maxRssKiB = process.resourceUsage().maxRSS;
	process.stdout.write(JSON.stringify({ maxRssMiB: maxRssKiB / 1024 }));
}

async function peakRss(url: string, n: number, concurrency: number): Promise<number> {
	const args = [
		__filename,
		'--child',
		'--url',
		url,
		'--n',
		String(n),
		'--concurrency',
		String(concurrency),
	];
	return (await jsonFromChild<{ maxRssMiB: number }>(args, `RSS for N=${n}`)).maxRssMiB;
}

/** ms to require the built node in a fresh `node`: cold, and with n8n-workflow already loaded (as inside n8n). */
function moduleLoadTimes(): { cold: number; warm: number } {
	const script = (preload: boolean) =>
		`${preload ? "require('n8n-workflow');" : ''}const t=process.hrtime.bigint();require(${JSON.stringify(BUILT_NODE)});` +
		'process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))';
	const time = (preload: boolean) => {
		const run = spawnSync(process.execPath, ['-e', script(preload)], {
			cwd: __dirname,
			encoding: 'utf8',
		});
		if (run.status !== 0) throw new Error(`loading ${BUILT_NODE} failed: ${run.stderr}`);
		return Number(run.stdout);
	};
	return { cold: time(false), warm: time(true) };
}

async function main() {
	const { values } = parseArgs({
		options: {
			n: { type: 'string', default: '1000' },
			concurrency: { type: 'string', default: '8' },
			child: { type: 'boolean', default: false },
			latency: { type: 'string' },
			edi: { type: 'boolean', default: false },
			url: { type: 'string' },
		},
	});
	const n = Number(values.n);
	const concurrency = Number(values.concurrency);
	if (!Number.isInteger(n) || n < 1 || !Number.isInteger(concurrency) || concurrency < 1) {
		throw new Error('--n and --concurrency take positive integers');
	}
	if (values.child) return await child(values.url ?? '', n, concurrency);
	if (values.edi) return await benchEdi(50, 3);
	if (values.latency !== undefined) {
		ensureBuilt();
		return await benchOverlap(Number(values.latency), Number(values.n === '1000' ? 400 : n));
	}

	ensureBuilt();
	const nodePackage = loadPackage();
	const simulator = await startSimulator({ port: 0 });
	try {
		// Warm both paths (JIT, sockets, module loading) before timing them.
		await runThroughWorkflow(simulator.url, 20, concurrency, nodePackage);
		await generateKeysDirectly(simulator.url, ADMIN_KEY, userIds(20), concurrency);

		const viaWorkflow = await measure('(a) workflow + ECGridOS node', n, () =>
			runThroughWorkflow(simulator.url, n, concurrency, nodePackage),
		);
		simulator.resetRequests();
		const direct = await measure('(b) axios + xml2js loop', n, () =>
			generateKeysDirectly(simulator.url, ADMIN_KEY, userIds(n), concurrency),
		);
		simulator.resetRequests();
		const directFresh = await measure('(c) as (b), new connection per call', n, () =>
			generateKeysDirectly(simulator.url, ADMIN_KEY, userIds(n), concurrency, true),
		);
		simulator.resetRequests();

		const rate = (m: Measurement) => m.items / m.seconds;
		const rows = [['run', 'items', 'seconds', 'items/s', 'p50 ms', 'p95 ms', 'HTTP calls']];
		for (const m of [viaWorkflow, direct, directFresh]) {
			rows.push([
				m.label,
				String(m.items),
				m.seconds.toFixed(2),
				rate(m).toFixed(0),
				percentile(m.latencies, 50).toFixed(2),
				percentile(m.latencies, 95).toFixed(2),
				String(m.latencies.length),
			]);
		}
		console.log(`GenerateAPIKey, SOAP 1.1, simulator on loopback, concurrency ${concurrency}\n`);
		console.log(formatTable(rows));
		console.log(`\nthroughput ratio a/b: ${(rate(viaWorkflow) / rate(direct)).toFixed(2)}`);
		console.log(`throughput ratio a/c: ${(rate(viaWorkflow) / rate(directFresh)).toFixed(2)}`);

		console.log(
			`protocol layer alone (build request + read reply, no HTTP): ${(await protocolMicrosPerCall(10_000)).toFixed(0)} µs per call`,
		);

		const rssRows = [['workflow items', 'peak RSS MiB']];
		for (const size of RSS_SIZES) {
			rssRows.push([String(size), (await peakRss(simulator.url, size, concurrency)).toFixed(0)]);
			simulator.resetRequests();
		}
		console.log(`\n${formatTable(rssRows)}`);
		console.log(
			`\nPeak RSS of one item whose reply has each shape (a fresh process each):\n${formatTable(await replyMemoryRows())}`,
		);

		const load = moduleLoadTimes();
		console.log(
			`\n${formatTable([
				['require dist/nodes/EcGridOs/EcGridOs.node.js (fresh node)', 'ms'],
				['cold (loads n8n-workflow too)', load.cold.toFixed(0)],
				['n8n-workflow already loaded, as in n8n', load.warm.toFixed(0)],
			])}`,
		);
		console.log(
			'\nLatency = per HTTP call, from request start to the end of the response body (diagnostics_channel).',
		);
	} finally {
		await simulator.close();
	}
	await benchParcels();
	await benchEdi(50, 1);
}

main().catch((error: unknown) => {
	console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
