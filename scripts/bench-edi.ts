/**
 * EDI figures for `npm run bench` (issue 18): one generated 004010 interchange of 856 ship
 * notices (about 50 MB) read (a) by the ECGrid EDI node in an n8n-core workflow, items out,
 * (b) by node-x12's strict parse, (c) by x12-parser's stream, (d) by a bare split into segments
 * and elements, kept to the end ((d0): each segment's elements let go at once), (d') into one object per segment keyed by reference designator (the part of
 * Read's output every reader would have to build), (e) by the engine alone (and (e') its
 * validation alone, as Create Acknowledgment reads), (f) acknowledged by the node (Create
 * Acknowledgment), and (issue 19) its sets written again (g) by the node's Write from Read's
 * items and (h) by node-x12's generator from its own parse (both inputs made before the clock
 * starts).
 * Every run is a child process of its own (scripts/bench-edi-child.ts); the figures are the
 * medians over the runs. Linux only (/proc).
 *
 *   npx tsx scripts/bench-edi.ts [--mb 50] [--runs 3] [--only node,engine]  (--only: no verdicts)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import type { ChildResult } from './bench-edi-child';
import { shipNoticeInterchange } from './bench-edi-file';
import { ediTargets, throughputRatio, type EdiFigure, type EdiRun } from './bench-edi-targets';
import { jsonFromChild } from './bench-process';
import { formatTable, percentile } from './bench-stats';
import { ensureBuilt } from './demo-build';

const LABELS: Record<EdiRun, string> = {
	node: '(a) Read, workflow + ECGrid EDI node',
	nodeX12: '(b) node-x12 1.7.1, strict parse',
	x12Parser: '(c) x12-parser 1.3.0, stream',
	splitDropped: '(d0) bare split, each segment let go',
	split: '(d) bare split: segments, elements',
	objects: "(d') an object per segment, nothing else",
	engine: '(e) engine alone: readEdi + readItems',
	validate: "(e') engine, validation only (no output)",
	ack: '(f) Create Acknowledgment (997), node',
	write: '(g) Write, workflow + ECGrid EDI node (Read’s items in)',
	nodeX12Write: '(h) node-x12 1.7.1, X12Interchange.toString()',
};

function inChild(task: EdiRun, path: string, warmPath: string): Promise<ChildResult> {
	const script = join(__dirname, 'bench-edi-child.ts');
	return jsonFromChild<ChildResult>([script, task, path, warmPath], `EDI ${task}`);
}

export async function benchEdi(mb = 50, runs = 1, only?: EdiRun[]): Promise<void> {
	ensureBuilt();
	const dir = mkdtempSync(join(tmpdir(), 'ecgridos-bench-edi-'));
	try {
		const file = shipNoticeInterchange(mb * 1_000_000);
		const path = join(dir, 'ship-notices.x12');
		const warmPath = join(dir, 'warm.x12');
		writeFileSync(path, file.text);
		writeFileSync(warmPath, shipNoticeInterchange(200_000).text);
		// What each run must have seen, or its time means nothing.
		const expected: Record<EdiRun, number> = {
			node: file.sets,
			nodeX12: file.sets,
			x12Parser: file.segments,
			splitDropped: file.segments,
			split: file.segments,
			objects: file.segments,
			engine: file.sets,
			validate: file.sets,
			ack: 1,
			write: file.sets,
			nodeX12Write: file.sets,
		};
		const figures: Partial<Record<EdiRun, EdiFigure & { addedMiB: number }>> = {};
		const tasks = only ?? (Object.keys(LABELS) as EdiRun[]);
		const results = new Map<EdiRun, ChildResult[]>(tasks.map((task) => [task, []]));
		// Round by round, every run once: this machine's speed drifts by a quarter over minutes,
		// and the targets are ratios of runs, which should see the same drift.
		for (let round = 0; round < runs; round++) {
			for (const task of tasks) {
				const result = await inChild(task, path, warmPath);
				if (result.count !== expected[task]) {
					throw new Error(`${LABELS[task]} saw ${result.count}, expected ${expected[task]}`);
				}
				results.get(task)!.push(result);
			}
		}
		for (const task of tasks) {
			const median = (pick: (result: ChildResult) => number) =>
				percentile(results.get(task)!.map(pick), 50);
			figures[task] = {
				ms: median((r) => r.ms),
				peakMiB: median((r) => r.peakMiB),
				addedMiB: median((r) => r.addedMiB),
			};
		}
		const megabytes = file.text.length / 1_000_000;
		const rows = [
			['run', 's', 'MB/s', 'peak RSS MiB', 'added MiB', '× node-x12 speed', '× x12-parser'],
			...tasks.map((task) => {
				const figure = figures[task]!;
				const against = (other?: EdiFigure) =>
					other ? throughputRatio(figure, other).toFixed(2) : '–';
				return [
					LABELS[task],
					(figure.ms / 1000).toFixed(2),
					(megabytes / (figure.ms / 1000)).toFixed(1),
					figure.peakMiB.toFixed(0),
					figure.addedMiB.toFixed(0),
					against(figures.nodeX12),
					against(figures.x12Parser),
				];
			}),
		];
		console.log(
			`\nEDI: one ${megabytes.toFixed(1)} MB 004010 interchange, ${file.groups} groups, ${file.sets.toLocaleString('en')} 856 ship notices, ${file.segments.toLocaleString('en')} segments; median of ${runs} run(s), a fresh process each\n`,
		);
		console.log(formatTable(rows));
		console.log(
			'peak RSS: the process’s peak during the run (VmHWM reset just before, modules loaded); added: over its RSS before the run',
		);
		if (only) return;
		console.log(
			`\n${formatTable([
				['issue 18 target', 'measured', 'verdict'],
				...ediTargets(figures as Record<EdiRun, EdiFigure>).map((line) => [
					line.target,
					line.measured,
					line.met ? 'met' : 'NOT met',
				]),
			])}`,
		);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

if (require.main === module) {
	const { values } = parseArgs({
		options: {
			mb: { type: 'string', default: '50' },
			runs: { type: 'string', default: '3' },
			only: { type: 'string' },
		},
	});
	const only = values.only?.split(',') as EdiRun[] | undefined;
	if (only?.some((task) => !(task in LABELS))) {
		throw new Error(`--only takes some of ${Object.keys(LABELS).join(', ')}`);
	}
	benchEdi(Number(values.mb), Number(values.runs), only).catch((error: unknown) => {
		console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	});
}
