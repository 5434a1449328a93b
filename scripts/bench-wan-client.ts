/**
 * The near end of `npm run bench -- --wan`, run by bench-wan.ts in a process whose
 * NODE_EXTRA_CA_CERTS trusts the link's certificate (so neither the node nor n8n's request path
 * is told to skip a check). For each round-trip time and Concurrency C it sends C × rounds
 * UserGetAPIKey calls (API Key → Get: one call per item, nothing else) three ways: as items
 * through a workflow with the ECGridOS node (n8n-core's request helpers, a new connection per
 * call), from a bare client keeping C connections alive (warmed first: the steady state), and
 * from a bare client opening a connection per call. Prints each one's items/s and CPU per call
 * as JSON.
 */
import '../test/harness/env';

import { loadPackage, type NodePackage } from '../test/harness';
import { agentsFor, generateKeysDirectly, type Connections } from './bench-direct';
import { recordHttpLatency } from './bench-latency';
import type { WanCell, WanFigure, WanSpec } from './bench-wan-report';
import { ADMIN_KEY, runThroughWorkflow, userIds } from './bench-workflow';

const call = 'UserGetAPIKey';

/**
 * Items per second over the span of the calls `body` makes (first request to last answer), and
 * this process's CPU (user + system) per call while it ran.
 */
async function measure(items: number, body: () => Promise<void>): Promise<WanFigure> {
	const recorder = recordHttpLatency();
	const cpu = process.cpuUsage();
	try {
		await body();
	} finally {
		recorder.stop();
	}
	const used = process.cpuUsage(cpu);
	if (recorder.latencies.length !== items)
		throw new Error(`expected ${items} HTTP calls, saw ${recorder.latencies.length}`);
	return {
		itemsPerSecond: items / (recorder.spanMs() / 1000),
		cpuMsPerCall: (used.user + used.system) / 1000 / items,
	};
}

async function bare(url: string, items: number, concurrency: number, connections: Connections) {
	const agents = agentsFor(url, connections);
	try {
		// Kept connections are opened before the clock starts; new ones are the thing measured.
		if (connections === 'keepAlive')
			await generateKeysDirectly(url, ADMIN_KEY, userIds(concurrency), concurrency, {
				call,
				agents,
			});
		return await measure(items, () =>
			generateKeysDirectly(url, ADMIN_KEY, userIds(items), concurrency, { call, agents }),
		);
	} finally {
		agents.close();
	}
}

async function measureCell(
	url: string,
	rttMs: number,
	concurrency: number,
	rounds: number,
	nodePackage: NodePackage,
): Promise<WanCell> {
	const items = concurrency * rounds;
	return {
		rttMs,
		concurrency,
		items,
		node: await measure(items, () =>
			runThroughWorkflow(url, items, concurrency, nodePackage, 'get'),
		),
		keepAlive: await bare(url, items, concurrency, 'keepAlive'),
		newPerCall: await bare(url, items, concurrency, 'newPerCall'),
	};
}

async function main(spec: WanSpec): Promise<void> {
	const nodePackage = loadPackage();
	const cells: WanCell[] = [];
	for (const rttMs of spec.rttsMs) {
		const url = spec.urls[String(rttMs)];
		// Module loading and JIT warm-up, not measured.
		await runThroughWorkflow(url, 4, 4, nodePackage, 'get');
		await generateKeysDirectly(url, ADMIN_KEY, userIds(4), 4, { call });
		for (const concurrency of spec.concurrencies)
			cells.push(await measureCell(url, rttMs, concurrency, spec.rounds, nodePackage));
	}
	process.stdout.write(JSON.stringify(cells));
}

main(JSON.parse(process.argv[2]) as WanSpec).catch((error: unknown) => {
	process.stderr.write(
		`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exit(1);
});
