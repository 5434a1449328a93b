/**
 * `npm run bench:peer [-- --n 1000,5000 --concurrency 1,8 --rounds 2 --no-build --cpu-prof DIR]`:
 * in the real n8n CLI of the e2e run (scripts/e2e/), the ECGridOS node (A) against the chain users
 * build without it (B: HTTP Request posting the SOAP 1.1 envelope → XML → Edit Fields), both doing
 * GenerateAPIKey for N items against the simulator, alternating A B A B, each round after a
 * trivial workflow that measures n8n's own start-up and shut-down, which is subtracted. Prints
 * items/s, CPU seconds and peak RSS of each and the ratios node/chain, peak RSS above a workflow
 * that only makes the N items, and checks that each run's keys are exactly the ones the simulator
 * issued. `--cpu-prof DIR` leaves a V8 CPU profile of every n8n run in DIR (read it with
 * bench-profile.ts). Not a test, not part of CI; a full run takes ~12 minutes on 2 cores.
 */
import { writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { DEMO_USERS } from '../simulator';
import { generateApiKey } from '../simulator/operations/apiKey';
import { mainOutput, parseExecution, taskOf } from './e2e/execution';
import { installExitHandlers } from './e2e/proc';
import { startStack, type Stack } from './e2e/stack';
import { DEFAULT_N8N } from './e2e/versions';
import type { WorkflowJson } from './e2e/workflows';
import { formatTable } from './bench-stats';
import { executeMeasured, type Sample } from './bench-peer/measure';
import {
	KEY_FIELD,
	chainWorkflow,
	itemsWorkflow,
	nodeWorkflow,
	trivialWorkflow,
} from './bench-peer/workflows';

type Kind = 'node' | 'chain' | 'items';
const LAST_NODE: Record<Kind, string> = {
	node: 'Generate API Key',
	chain: 'Edit Fields',
	items: 'One Item per User',
};

/** Targets of issue 12: node/chain items/s at C=8 and at C=1, node/chain peak RSS at C=8. */
const TARGETS = { speedAt8: 1.3, speedAt1: 1.0, memoryAt8: 0.75 };

function log(message: string): void {
	process.stderr.write(`[bench:peer] ${message}\n`);
}

function positiveList(flag: string, value: string): number[] {
	const list = value.split(',').map(Number);
	if (list.length === 0 || !list.every((x) => Number.isInteger(x) && x > 0)) {
		throw new Error(`--${flag} takes positive integers separated by commas, not ${value}`);
	}
	return list;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

interface Config {
	kind: Kind;
	n: number;
	concurrency: number;
	id: string;
}

/** Imports a workflow that has no ECGridOS node (prepareWorkflow would refuse it). */
async function importPlain(stack: Stack, id: string, json: WorkflowJson): Promise<void> {
	const file = join(stack.workDir, `${id}.workflow.json`);
	await writeFile(file, JSON.stringify({ ...json, id, active: false }));
	await stack.cli.importWorkflow(file);
}

async function importNode(stack: Stack, id: string, json: WorkflowJson): Promise<void> {
	const source = join(stack.workDir, `${id}.source.json`);
	await writeFile(source, JSON.stringify(json));
	await stack.importWorkflow(source, id);
}

/** The keys of the last node's items vs. the keys the simulator issued during the run. */
function checkKeys(sample: Sample, config: Config, issued: string[]): string | undefined {
	const items = mainOutput(taskOf(parseExecution(sample.stdout), LAST_NODE[config.kind]));
	const keys = items.map((item) => item.json[KEY_FIELD]);
	if (keys.length !== config.n) return `${keys.length} items out, ${config.n} expected`;
	if (config.kind === 'items') return issued.length === 0 ? undefined : 'HTTP calls were made';
	if (issued.length !== config.n) return `the simulator issued ${issued.length} keys`;
	const expected = new Set(issued);
	const unmatched = keys.filter((key) => typeof key !== 'string' || !expected.delete(key));
	if (unmatched.length > 0) return `${unmatched.length} keys the simulator did not issue`;
	return undefined;
}

/** As `checkKeys`; output it cannot read is kept in the temp dir for a look, and reported. */
async function keyProblem(
	sample: Sample,
	config: Config,
	issued: string[],
	round: number,
): Promise<string | undefined> {
	try {
		return checkKeys(sample, config, issued);
	} catch (error) {
		const file = join(tmpdir(), `bench-peer-${config.id}-round${round}.stdout`);
		await writeFile(file, sample.stdout);
		return `${error instanceof Error ? error.message.split('\n')[0] : String(error)} (output kept in ${file})`;
	}
}

function fmt(value: number, digits = 0): string {
	return value.toLocaleString('en-US', {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits,
	});
}

/** With `--cpu-prof DIR`: DIR/<workflow id>-round<r>/, one .cpuprofile per n8n process. */
function profileDirOf(root: string | undefined, config: Config, round: number): string | undefined {
	return root === undefined ? undefined : join(resolve(root), `${config.id}-round${round}`);
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			n: { type: 'string', default: '1000,5000' },
			concurrency: { type: 'string', default: '1,8' },
			rounds: { type: 'string', default: '2' },
			'no-build': { type: 'boolean', default: false },
			'cpu-prof': { type: 'string' },
		},
	});
	const sizes = positiveList('n', values.n);
	const concurrencies = positiveList('concurrency', values.concurrency);
	const [rounds] = positiveList('rounds', values.rounds);

	installExitHandlers();
	const stack = await startStack({
		version: DEFAULT_N8N,
		route: 'community',
		build: !values['no-build'],
		keep: false,
		log,
	});
	try {
		const { simulator } = stack.sim;
		// Every key the simulator hands out, to check the workflows' outputs against.
		const issued: string[] = [];
		simulator.register('GenerateAPIKey', (context) => {
			const key = String(generateApiKey(context));
			issued.push(key);
			return key;
		});
		const adminKey = DEMO_USERS.find((user) => user.userId === 1001)?.apiKey ?? '';

		await importPlain(stack, 'peerTrivial', trivialWorkflow());
		const configs: Config[] = [];
		for (const n of sizes) {
			const items: Config = { kind: 'items', n, concurrency: 0, id: `peerItems${n}` };
			await importPlain(stack, items.id, itemsWorkflow(n));
			configs.push(items);
			for (const concurrency of concurrencies) {
				const node: Config = { kind: 'node', n, concurrency, id: `peerNode${n}c${concurrency}` };
				const chain: Config = { kind: 'chain', n, concurrency, id: `peerChain${n}c${concurrency}` };
				await importNode(stack, node.id, nodeWorkflow(n, concurrency));
				await importPlain(stack, chain.id, chainWorkflow(n, concurrency, simulator.url, adminKey));
				configs.push(node, chain);
			}
		}
		log(`imported ${configs.length + 1} workflows; warm-up run of the trivial workflow`);
		await executeMeasured(stack, 'peerTrivial');

		const trivial: Sample[] = [];
		const samples = new Map<string, Sample[]>(configs.map((config) => [config.id, []]));
		const failures: string[] = [];
		for (let round = 1; round <= rounds; round++) {
			const start = await executeMeasured(stack, 'peerTrivial');
			trivial.push(start);
			log(`round ${round}/${rounds}: trivial ${fmt(start.wallSeconds, 2)} s`);
			for (const config of configs) {
				issued.length = 0;
				simulator.resetRequests();
				const profileDir = profileDirOf(values['cpu-prof'], config, round);
				const sample = await executeMeasured(stack, config.id, profileDir);
				const problem = await keyProblem(sample, config, issued, round);
				if (problem) failures.push(`${config.id} round ${round}: ${problem}`);
				samples.get(config.id)?.push({ ...sample, stdout: '' });
				log(
					`round ${round}/${rounds}: ${config.kind} N=${config.n} C=${config.concurrency}: ` +
						`${fmt(sample.wallSeconds, 2)} s, ${fmt(sample.cpuSeconds, 2)} CPU s, ` +
						`${fmt(sample.maxRssMb)} MB, keys ${problem ?? 'match'}`,
				);
			}
		}
		report(configs, samples, trivial, rounds, failures);
		if (failures.length > 0) process.exitCode = 1;
	} finally {
		await stack.stop();
	}
}

interface Figures {
	itemsPerSecond: number;
	cpuSeconds: number;
	maxRssMb: number;
}

function report(
	configs: Config[],
	samples: Map<string, Sample[]>,
	trivial: Sample[],
	rounds: number,
	failures: string[],
): void {
	const startWall = median(trivial.map((s) => s.wallSeconds));
	const startCpu = median(trivial.map((s) => s.cpuSeconds));
	const figures = (config: Config): Figures => {
		const runs = samples.get(config.id) ?? [];
		const wall = median(runs.map((s) => s.wallSeconds)) - startWall;
		return {
			itemsPerSecond: config.n / Math.max(wall, 1e-3),
			cpuSeconds: median(runs.map((s) => s.cpuSeconds)) - startCpu,
			maxRssMb: median(runs.map((s) => s.maxRssMb)),
		};
	};
	const rows = [
		['N', 'C', 'node it/s', 'chain it/s', 'ratio', 'node CPU s', 'chain CPU s', 'ratio'].concat([
			'node RSS MB',
			'chain RSS MB',
			'ratio',
		]),
	];
	const above = [['N', 'C', 'items-only RSS MB', 'node above MB', 'chain above MB', 'ratio']];
	const verdicts: string[] = [];
	for (const node of configs.filter((config) => config.kind === 'node')) {
		const chain = configs.find(
			(c) => c.kind === 'chain' && c.n === node.n && c.concurrency === node.concurrency,
		);
		if (!chain) continue;
		const a = figures(node);
		const b = figures(chain);
		const speed = a.itemsPerSecond / b.itemsPerSecond;
		const memory = a.maxRssMb / b.maxRssMb;
		rows.push([
			fmt(node.n),
			String(node.concurrency),
			fmt(a.itemsPerSecond),
			fmt(b.itemsPerSecond),
			`${fmt(speed, 2)}×`,
			fmt(a.cpuSeconds, 1),
			fmt(b.cpuSeconds, 1),
			`${fmt(a.cpuSeconds / b.cpuSeconds, 2)}×`,
			fmt(a.maxRssMb),
			fmt(b.maxRssMb),
			`${fmt(memory, 2)}×`,
		]);
		const items = configs.find((c) => c.kind === 'items' && c.n === node.n);
		if (items) {
			const base = figures(items).maxRssMb;
			above.push([
				fmt(node.n),
				String(node.concurrency),
				fmt(base),
				fmt(a.maxRssMb - base),
				fmt(b.maxRssMb - base),
				`${fmt((a.maxRssMb - base) / (b.maxRssMb - base), 2)}×`,
			]);
		}
		const at = `N=${node.n} C=${node.concurrency}`;
		if (node.concurrency === 8) {
			verdicts.push(
				`${at}: items/s ${fmt(speed, 2)}× (target ≥ ${TARGETS.speedAt8}×) ${speed >= TARGETS.speedAt8 ? 'met' : 'NOT met'}; ` +
					`peak RSS ${fmt(memory, 2)}× (target ≤ ${TARGETS.memoryAt8}×) ${memory <= TARGETS.memoryAt8 ? 'met' : 'NOT met'}`,
			);
		} else if (node.concurrency === 1) {
			verdicts.push(
				`${at}: items/s ${fmt(speed, 2)}× (target ≥ ${TARGETS.speedAt1}×) ${speed >= TARGETS.speedAt1 ? 'met' : 'NOT met'}`,
			);
		}
	}
	const cpu = cpus();
	const startRss = median(trivial.map((s) => s.maxRssMb));
	process.stdout.write(
		[
			`Peer comparison, n8n ${DEFAULT_N8N} CLI (n8n execute), ${new Date().toISOString()}`,
			`machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${fmt(totalmem() / 2 ** 30, 1)} GiB; bench on Node ${process.version}`,
			`medians of ${rounds} alternating rounds; n8n start-up subtracted: ${fmt(startWall, 2)} s wall, ${fmt(startCpu, 2)} CPU s (trivial workflow peak RSS ${fmt(startRss)} MB)`,
			'chain C = HTTP Request Batching: C items per batch, 1 ms interval (it has no concurrency limit)',
			'',
			formatTable(rows),
			'',
			'peak RSS above the items-only workflow (the same N items, no HTTP: n8n and its expression engine):',
			formatTable(above),
			'',
			...verdicts,
			failures.length === 0
				? `correctness: every run's ${KEY_FIELD}s are exactly the keys the simulator issued`
				: `correctness FAILED:\n  ${failures.join('\n  ')}`,
			'',
		].join('\n'),
	);
}

main().catch((error: unknown) => {
	process.stderr.write(
		`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exitCode = 1;
});
