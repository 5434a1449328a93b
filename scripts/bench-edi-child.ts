/**
 * One measured run of the EDI bench (scripts/bench-edi.ts starts it as a child process): the
 * same work on a small file first (module loading and first compilation are not counted), then
 * the peak RSS forgotten and one timed run on the big file. Prints its figures as JSON.
 *
 *   npx tsx scripts/bench-edi-child.ts TASK FILE WARM-UP-FILE
 */
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { X12Parser } from 'node-x12';
import { X12parser as X12StreamParser } from 'x12-parser';

import type { EdiRun } from './bench-edi-targets';
import { residentBytes, resetPeak } from './bench-process';

/** The engine as built (dist/), the code n8n runs; the parent builds it first. */
const engine = () =>
	import(join(__dirname, '..', 'dist', 'nodes', 'shared', 'edi', 'index.js')) as Promise<
		typeof import('../nodes/shared/edi')
	>;

/** What one run did with the file: the count it is checked by, and its costs. */
export interface ChildResult {
	count: number;
	ms: number;
	peakMiB: number;
	addedMiB: number;
}

function streamSegments(path: string): Promise<number> {
	return new Promise((resolve, reject) => {
		let count = 0;
		const parser = new X12StreamParser();
		parser.on('data', () => count++);
		parser.on('end', () => resolve(count));
		parser.on('error', reject);
		createReadStream(path).on('error', reject).pipe(parser);
	});
}

function strictParseSets(path: string): number {
	const fat = new X12Parser(true).parse(readFileSync(path, 'utf8'));
	const interchanges = 'interchanges' in fat ? fat.interchanges : [fat];
	return interchanges
		.flatMap((interchange) => interchange.functionalGroups)
		.reduce((sets, group) => sets + group.transactions.length, 0);
}

/** node-x12's object model of the file, made before the clock starts: the generator's input. */
function generateWithNodeX12(path: string): () => Promise<number> {
	const parsed = new X12Parser(true).parse(readFileSync(path, 'utf8'));
	const interchanges = 'interchanges' in parsed ? parsed.interchanges : [parsed];
	return async () => {
		let sets = 0;
		for (const interchange of interchanges) {
			if (interchange.toString().length === 0) throw new Error('node-x12 wrote nothing');
			for (const group of interchange.functionalGroups) sets += group.transactions.length;
		}
		return sets;
	};
}

function splitSegments(path: string): number {
	const segments = readFileSync(path, 'utf8')
		.split('~')
		.map((segment) => segment.split('*'));
	return segments.filter((elements) => elements[0] !== '').length;
}

/** The same split keeping nothing: what splitting costs without the collector moving its output. */
function splitSegmentsDropped(path: string): number {
	let count = 0;
	for (const segment of readFileSync(path, 'utf8').split('~')) {
		if (segment.split('*')[0] !== '') count++;
	}
	return count;
}

/**
 * The part of Read's output every reader would have to build: one object per segment keyed by
 * reference designator, short values shared as the engine shares them, kept to the end; no
 * envelope, no loops or arrays, no checks, no items.
 */
async function segmentObjects(path: string): Promise<number> {
	const edi = join(__dirname, '..', 'dist', 'nodes', 'shared', 'edi');
	const { sharedSlice } = (await import(
		join(edi, 'sharedText.js')
	)) as typeof import('../nodes/shared/edi/sharedText');
	const { designator } = (await import(
		join(edi, 'shape.js')
	)) as typeof import('../nodes/shared/edi/shape');
	const keysByTag = new Map<string, string[]>();
	const text = readFileSync(path, 'utf8');
	const objects: Array<Record<string, string>> = [];
	for (let start = 0; start < text.length;) {
		let end = text.indexOf('~', start);
		if (end < 0) end = text.length;
		let from = text.indexOf('*', start);
		if (from < 0 || from > end) from = end;
		const tag = sharedSlice(text, start, from);
		let keys = keysByTag.get(tag);
		if (!keys) keysByTag.set(tag, (keys = []));
		const object: Record<string, string> = {};
		for (let index = 0; from < end; index++) {
			let next = text.indexOf('*', from + 1);
			if (next < 0 || next > end) next = end;
			while (keys.length <= index) keys.push(designator(tag, keys.length + 1));
			object[keys[index]] = sharedSlice(text, from + 1, next);
			from = next;
		}
		if (tag !== '') objects.push(object);
		start = end + 1;
	}
	return objects.length;
}

/** The run, ready to go; what it returns is checked against the file's own counts. */
async function prepared(task: EdiRun, path: string): Promise<() => Promise<number>> {
	switch (task) {
		case 'node':
			return await (await import('./bench-edi-n8n')).nodeRun({ operation: 'read' }, path);
		case 'ack':
			return await (
				await import('./bench-edi-n8n')
			).nodeRun({ operation: 'createAcknowledgment', controlNumber: 7 }, path);
		case 'write': {
			// Read's items, made before the clock starts: what a read → change → write flow hands Write.
			const { decodeText, readEdi, readItems } = await engine();
			const items = readItems(readEdi(decodeText(readFileSync(path))), 'set');
			return await (await import('./bench-edi-n8n')).nodeWriteRun(items);
		}
		case 'nodeX12Write':
			return generateWithNodeX12(path);
		case 'nodeX12':
			return async () => strictParseSets(path);
		case 'x12Parser':
			return () => streamSegments(path);
		case 'splitDropped':
			return async () => splitSegmentsDropped(path);
		case 'split':
			return async () => splitSegments(path);
		case 'objects':
			return () => segmentObjects(path);
		case 'engine': {
			// As the node does: the file decoded to text first, so its bytes can go during the read.
			const { decodeText, readEdi, readItems } = await engine();
			return async () =>
				readItems(readEdi(decodeText(readFileSync(path))), 'set').filter((item) => item.valid)
					.length;
		}
		case 'validate': {
			const { decodeText, readEdi } = await engine();
			return async () =>
				readEdi(decodeText(readFileSync(path)), { shape: false })
					.flatMap((interchange) => interchange.groups)
					.flatMap((group) => group.sets)
					.filter((set) => set.verdict === 'A').length;
		}
	}
}

const MiB = 1024 * 1024;

async function measure(task: EdiRun, path: string, warmPath: string): Promise<ChildResult> {
	await (
		await prepared(task, warmPath)
	)();
	const run = await prepared(task, path);
	resetPeak();
	const before = residentBytes().now;
	const started = performance.now();
	const count = await run();
	const ms = performance.now() - started;
	const { peak } = residentBytes();
	return { count, ms, peakMiB: peak / MiB, addedMiB: Math.max(0, peak - before) / MiB };
}

if (require.main === module) {
	const [task, path, warmPath] = process.argv.slice(2);
	measure(task as EdiRun, path, warmPath)
		.then((result) => process.stdout.write(JSON.stringify(result)))
		.catch((error: unknown) => {
			console.error(
				`EDI bench run ${task} failed: ${error instanceof Error ? error.message : String(error)}`,
			);
			process.exit(1);
		});
}
