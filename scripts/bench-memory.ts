/**
 * Peak RSS of one workflow run whose single ECGridOS reply is 20 MB of one shape (or a gzip
 * bomb), each in a fresh process, against a hostile server in this process. Part of
 * `npm run bench`; `tsx scripts/bench-memory.ts` runs it alone.
 */
import '../test/harness/env';

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';

import type { Binding } from '../nodes/EcGridOs/soap';
import { loadWorkflowFile, runWorkflow } from '../test/harness';
import { answer, gzipBomb, send } from '../test/hostile/replies';
import { startHostileServer } from '../test/hostile/server';
import { formatTable } from './bench-stats';
import { ensureBuilt } from './demo-build';

const MB = 1024 * 1024;
const SIZE = 20 * MB;

interface Shape {
	label: string;
	/** The reply body for a binding; a Buffer is sent gzip-encoded. */
	body: (binding: Binding) => Promise<string | Buffer>;
	maxReplySize?: number;
}

const SHAPES: Record<string, Shape> = {
	baseline: {
		label: 'a 36-character key (baseline)',
		body: async (b) => answer(b, 'k', 'K'.repeat(36)),
	},
	text: {
		label: '20 MB of ordinary text',
		body: async (b) => answer(b, 'k', 'EDI*'.repeat(SIZE / 4)),
	},
	base64: {
		label: '20 MB base64 element',
		body: async (b) => answer(b, 'k', randomBytes((SIZE / 4) * 3).toString('base64')),
	},
	entities: {
		label: '20 MB of text full of &amp; entities',
		body: async (b) => answer(b, 'k', 'ab&amp;'.repeat(SIZE / 7)),
	},
	comment: {
		label: 'one 20 MB XML comment',
		body: async (b) => answer(b, 'k', `key<!--${'c'.repeat(SIZE)}-->`),
	},
	attribute: {
		label: 'one 20 MB attribute (refused)',
		body: async (b) => answer(b, '').replace('<', `<x a="${'a'.repeat(SIZE)}"/><`),
	},
	bomb20: {
		label: 'gzip bomb, 256 MB inflated, cap 20 MB',
		body: async (b) => await gzipBomb(b, 256 * MB),
		maxReplySize: 20,
	},
	bombDefault: {
		label: 'gzip bomb, 256 MB inflated, default cap (100 MB)',
		body: async (b) => await gzipBomb(b, 256 * MB),
	},
};

function workflow(url: string, maxReplySize: number | undefined) {
	const file = loadWorkflowFile(`${__dirname}/../test/workflows/generate-api-key.workflow.json`);
	const node = file.nodes.find((candidate) => candidate.name === 'ECGridOS')!;
	node.parameters = { ...node.parameters, options: maxReplySize ? { maxReplySize } : {} };
	return {
		workflow: file,
		credentials: [
			{
				id: 'apiKeyCredential',
				name: 'ECGridOS API key',
				type: 'ecGridOsApi',
				data: { apiKey: '11111111-1111-4111-8111-111111111111', baseUrl: url },
			},
		],
	};
}

/** Child mode: one run, then what happened and the peak RSS as JSON on stdout. */
async function child(url: string, maxReplySize: number | undefined) {
	const { workflow: file, credentials } = workflow(url, maxReplySize);
	const result = await runWorkflow(file, { credentials, items: [{ userId: 1002 }] });
	const error = result.error as { message?: string } | undefined;
	const reason = String(error?.message).replace(/^.* failed: /, '');
	const outcome = error ? `refused: ${reason.slice(0, 48)}` : 'read';
	const maxRssMiB = process.resourceUsage().maxRSS / 1024;
	process.stdout.write(JSON.stringify({ maxRssMiB, outcome }));
}

async function inChild(url: string, shape: Shape): Promise<{ maxRssMiB: number; outcome: string }> {
	const args = [...process.execArgv, __filename, '--child', '--url', url];
	if (shape.maxReplySize) args.push('--max', String(shape.maxReplySize));
	return await new Promise((resolve, reject) => {
		const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
		let out = '';
		proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		proc.on('error', reject);
		proc.on('close', (code) =>
			code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`memory child exited ${code}`)),
		);
	});
}

/** Rows of the peak-RSS table, one fresh process per shape. */
export async function replyMemoryRows(): Promise<string[][]> {
	const server = await startHostileServer();
	const rows = [['reply (SOAP 1.1)', 'outcome', 'peak RSS MiB', 'above baseline']];
	try {
		let baseline = 0;
		for (const shape of Object.values(SHAPES)) {
			const body = await shape.body('soap11');
			server.use((_request, response) =>
				send(response, 200, body, {
					'Content-Type': 'text/xml; charset=utf-8',
					...(Buffer.isBuffer(body) ? { 'Content-Encoding': 'gzip' } : {}),
				}),
			);
			const { maxRssMiB, outcome } = await inChild(server.url, shape);
			if (!baseline) baseline = maxRssMiB;
			rows.push([shape.label, outcome, maxRssMiB.toFixed(0), (maxRssMiB - baseline).toFixed(0)]);
		}
	} finally {
		await server.close();
	}
	return rows;
}

async function main() {
	const { values } = parseArgs({
		options: {
			child: { type: 'boolean', default: false },
			url: { type: 'string' },
			max: { type: 'string' },
		},
	});
	if (values.child)
		return await child(values.url ?? '', values.max ? Number(values.max) : undefined);
	ensureBuilt();
	console.log(formatTable(await replyMemoryRows()));
}

if (require.main === module) {
	main().catch((error: unknown) => {
		console.error(error);
		process.exitCode = 1;
	});
}
