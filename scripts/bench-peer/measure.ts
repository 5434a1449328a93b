/**
 * One `n8n execute --id` under GNU time: wall seconds (ours), CPU seconds (user + system of n8n
 * and every child it waited for) and peak RSS (the largest of those processes), plus its output.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { freePort } from '../e2e/n8n-cli';
import { endDetail, run } from '../e2e/proc';
import type { Stack } from '../e2e/stack';

export const GNU_TIME = '/usr/bin/time';

export interface Sample {
	wallSeconds: number;
	cpuSeconds: number;
	maxRssMb: number;
	stdout: string;
}

/** `%U %S %M`: user s, system s, max RSS in KiB (GNU time's format letters). */
export function parseTimeReport(text: string): { cpuSeconds: number; maxRssMb: number } {
	const line = text.trim().split('\n').pop() ?? '';
	const [user, system, rssKib] = line.split(' ').map(Number);
	if (![user, system, rssKib].every(Number.isFinite)) {
		throw new Error(`unreadable GNU time report: ${JSON.stringify(text.slice(-200))}`);
	}
	return { cpuSeconds: user + system, maxRssMb: rssKib / 1024 };
}

export async function executeMeasured(stack: Stack, workflowId: string): Promise<Sample> {
	const report = join(stack.workDir, `time-${workflowId}.txt`);
	const { cli } = stack;
	const started = performance.now();
	const result = await run(
		GNU_TIME,
		[
			'-f',
			'%U %S %M',
			'-o',
			report,
			cli.install.runtime.node,
			cli.install.bin,
			'execute',
			`--id=${workflowId}`,
			'--rawOutput',
		],
		{
			cwd: join(stack.workDir, 'user'),
			env: cli.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()) }),
			timeoutMs: 10 * 60_000,
		},
	);
	const wallSeconds = (performance.now() - started) / 1000;
	if (result.code !== 0) {
		throw new Error(`n8n execute --id=${workflowId} failed: ${endDetail(result)}`);
	}
	const usage = parseTimeReport(await readFile(report, 'utf8'));
	await rm(report, { force: true });
	return { wallSeconds, ...usage, stdout: result.stdout };
}
