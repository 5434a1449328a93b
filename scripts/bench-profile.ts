/**
 * `npx tsx scripts/bench-profile.ts A.cpuprofile [B.cpuprofile] [--top 25] [--under fn,fn]
 * [--from ms --to ms]`:
 * sums a V8 CPU profile (node --cpu-prof, or `npm run bench:peer -- --cpu-prof DIR`) by package
 * (the last node_modules/<name> of each frame's file; node:* built-ins; GC and idle as V8 names
 * them), and by function. With B, prints A and B side by side and A − B, the way to compare the
 * node's n8n process with the chain's. `--under` also gives the time spent inside (inclusive,
 * synchronous part only) each named function; `--from`/`--to` keep only the samples taken that
 * many ms after the profile started. Not a test; a reading aid for the README's profile.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { formatTable } from './bench-stats';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}

interface CpuProfile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

export interface Summary {
	totalMs: number;
	byPackage: Map<string, number>;
	byFunction: Map<string, number>;
	under: Map<string, number>;
}

/** Where a frame's code lives: a package, a Node built-in, or V8's own bucket. */
export function packageOf(url: string, functionName: string): string {
	if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
	if (url.startsWith('node:')) return url;
	const parts = url.split('/node_modules/');
	if (parts.length < 2) {
		// This repository's own files (a bench run in-process): by top folder, e.g. "./simulator".
		const path = url.replace(/^file:\/\//, '');
		const root = `${process.cwd()}/`;
		return path.startsWith(root) ? `./${path.slice(root.length).split('/')[0]}` : '(other file)';
	}
	const rest = parts[parts.length - 1].split('/');
	return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}

function add(map: Map<string, number>, key: string, ms: number): void {
	map.set(key, (map.get(key) ?? 0) + ms);
}

/** Samples between `from` and `to` ms after the profile started (e.g. past start-up) only. */
export interface Window {
	from: number;
	to: number;
}

export function summarise(
	profile: CpuProfile,
	underNames: string[] = [],
	window: Window = { from: 0, to: Infinity },
): Summary {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parent.set(child, node.id);
	const summary: Summary = {
		totalMs: 0,
		byPackage: new Map(),
		byFunction: new Map(),
		under: new Map(),
	};
	let at = 0;
	profile.samples.forEach((id, index) => {
		const ms = (profile.timeDeltas[index] ?? 0) / 1000;
		at += ms;
		const node = byId.get(id);
		if (!node || ms <= 0 || at < window.from || at > window.to) return;
		summary.totalMs += ms;
		const { functionName, url, lineNumber } = node.callFrame;
		const pkg = packageOf(url, functionName);
		add(summary.byPackage, pkg, ms);
		add(summary.byFunction, `${pkg} ${functionName || '(anonymous)'}:${lineNumber + 1}`, ms);
		if (underNames.length === 0) return;
		const seen = new Set<string>();
		for (let frame: number | undefined = id; frame !== undefined; frame = parent.get(frame)) {
			const name = byId.get(frame)?.callFrame.functionName ?? '';
			if (underNames.includes(name) && !seen.has(name)) {
				seen.add(name);
				add(summary.under, name, ms);
			}
		}
	});
	return summary;
}

function load(file: string, underNames: string[], window: Window): Summary {
	return summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, underNames, window);
}

function rowsOf(
	a: Map<string, number>,
	b: Map<string, number> | undefined,
	totals: [number, number],
	top: number,
): string[][] {
	const keys = new Set([...a.keys(), ...(b?.keys() ?? [])]);
	const weight = (key: string) =>
		b ? Math.abs((a.get(key) ?? 0) - (b.get(key) ?? 0)) : (a.get(key) ?? 0);
	const pct = (ms: number, total: number) => `${((100 * ms) / total).toFixed(1)} %`;
	return [...keys]
		.sort((x, y) => weight(y) - weight(x))
		.slice(0, top)
		.map((key) => {
			const msA = a.get(key) ?? 0;
			if (!b) return [key, msA.toFixed(0), pct(msA, totals[0])];
			const msB = b.get(key) ?? 0;
			return [key, msA.toFixed(0), msB.toFixed(0), (msA - msB).toFixed(0)];
		});
}

function main(): void {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			top: { type: 'string', default: '25' },
			under: { type: 'string', default: '' },
			from: { type: 'string', default: '0' },
			to: { type: 'string', default: 'Infinity' },
		},
	});
	if (positionals.length < 1 || positionals.length > 2) {
		throw new Error('usage: bench-profile.ts A.cpuprofile [B.cpuprofile] [--top N] [--under f,g]');
	}
	const top = Number(values.top);
	const underNames = values.under.split(',').filter(Boolean);
	const window = { from: Number(values.from), to: Number(values.to) };
	const [a, b] = positionals.map((file) => load(file, underNames, window));
	const totals: [number, number] = [a.totalMs, b?.totalMs ?? 0];
	const head = b ? ['A ms', 'B ms', 'A − B'] : ['ms', 'share'];
	const print = (title: string, rows: string[][]) =>
		console.log(`\n${title}\n${formatTable([[title.split(' ')[1], ...head], ...rows])}`);
	console.log(
		b
			? `A ${positionals[0]}: ${a.totalMs.toFixed(0)} ms sampled\nB ${positionals[1]}: ${b.totalMs.toFixed(0)} ms sampled`
			: `${positionals[0]}: ${a.totalMs.toFixed(0)} ms sampled`,
	);
	print('by package', rowsOf(a.byPackage, b?.byPackage, totals, top));
	print('by function (self time)', rowsOf(a.byFunction, b?.byFunction, totals, top));
	if (underNames.length > 0) {
		print('inside function (inclusive, synchronous)', rowsOf(a.under, b?.under, totals, top));
	}
}

if (require.main === module) main();
