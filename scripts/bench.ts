/**
 * `npm run bench [-- --n 1000 --concurrency 8]`: GenerateAPIKey against the local simulator,
 * (a) as N items through a workflow with the ECGridOS node (n8n-core, real request helpers) and
 * (b) as a bare axios + xml2js loop, (c) the same with a new connection per call as n8n-core makes;
 * the node's own protocol work per call; peak RSS of (a) at 1,000 and 10,000 items (a fresh
 * process each) and the node module's load time; then the parcel figures (bench-parcels.ts),
 * then the EDI figures, one run each (bench-edi.ts); `-- --edi` gives the EDI figures alone, the
 * median of three runs. `-- --wan` instead measures the node over an emulated internet link
 * (TLS 1.3, 20/50/100 ms round trips) against bare keep-alive and new-connection clients
 * (bench-wan.ts; `--rtt`, `--concurrency` and `--rounds` take lists and counts, `--repeat 3` medians).
 * Prints tables; not a test.
 */
import '../test/harness/env';

import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';

import { loadPackage } from '../test/harness';
import { startSimulator } from '../simulator';
import { recordHttpLatency } from './bench-latency';
import { replyMemoryRows } from './bench-memory';
import { agentsFor, generateKeysDirectly } from './bench-direct';
import { protocolMicrosPerCall } from './bench-protocol';
import { benchEdi } from './bench-edi';
import { benchParcels } from './bench-parcels';
import { jsonFromChild } from './bench-process';
import { benchWan, WAN_DEFAULTS } from './bench-wan';
import { formatTable, percentile } from './bench-stats';
import { ADMIN_KEY, runThroughWorkflow, userIds } from './bench-workflow';
import { BUILT_NODE, ensureBuilt } from './demo-build';

const RSS_SIZES = [1_000, 10_000];

interface Measurement {
	label: string;
	items: number;
	seconds: number;
	latencies: number[];
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

/** `20,50,100` → [20, 50, 100]; anything but positive whole numbers is refused. */
function positiveIntegers(list: string): number[] {
	const values = list.split(',').map(Number);
	if (values.some((value) => !Number.isInteger(value) || value < 1))
		throw new Error(`"${list}" is not a list of positive whole numbers`);
	return values;
}

async function main() {
	const { values } = parseArgs({
		options: {
			n: { type: 'string', default: '1000' },
			concurrency: { type: 'string' },
			child: { type: 'boolean', default: false },
			wan: { type: 'boolean', default: false },
			rtt: { type: 'string' },
			rounds: { type: 'string' },
			repeat: { type: 'string' },
			edi: { type: 'boolean', default: false },
			url: { type: 'string' },
		},
	});
	if (values.wan) {
		ensureBuilt();
		return await benchWan({
			rttsMs: values.rtt === undefined ? WAN_DEFAULTS.rttsMs : positiveIntegers(values.rtt),
			concurrencies:
				values.concurrency === undefined
					? WAN_DEFAULTS.concurrencies
					: positiveIntegers(values.concurrency),
			rounds:
				values.rounds === undefined ? WAN_DEFAULTS.rounds : positiveIntegers(values.rounds)[0],
			repeat:
				values.repeat === undefined ? WAN_DEFAULTS.repeat : positiveIntegers(values.repeat)[0],
		});
	}
	const n = Number(values.n);
	const concurrency = Number(values.concurrency ?? '8');
	if (!Number.isInteger(n) || n < 1 || !Number.isInteger(concurrency) || concurrency < 1) {
		throw new Error('--n and --concurrency take positive integers');
	}
	if (values.child) return await child(values.url ?? '', n, concurrency);
	if (values.edi) return await benchEdi(50, 3);

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
			generateKeysDirectly(simulator.url, ADMIN_KEY, userIds(n), concurrency, {
				agents: agentsFor(simulator.url, 'newPerCall'),
			}),
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
