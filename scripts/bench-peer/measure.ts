/**
 * One `n8n execute --id` under GNU time: wall seconds (ours), CPU seconds (user + system of n8n
 * and every child it waited for) and peak RSS (the largest of those processes), plus its output.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { freePort } from '../e2e/n8n-cli';
import { endDetail, startTracked, stopChild } from '../e2e/proc';
import type { Stack } from '../e2e/stack';

export const GNU_TIME = '/usr/bin/time';
const RUN_TIMEOUT_MS = 10 * 60_000;

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

/** n8n's own NODE_OPTIONS (the exit preload) plus a V8 CPU profile per process, into `dir`. */
export function profiledOptions(base: string | undefined, dir: string): string {
	return [base, '--cpu-prof', `--cpu-prof-dir=${JSON.stringify(dir)}`].filter(Boolean).join(' ');
}

/**
 * With `profileDir`, every n8n process writes a `.cpuprofile` there (see bench-profile.ts).
 * n8n's output goes to files, not pipes: through a pipe, `n8n execute --rawOutput` loses the end
 * of a large run's JSON (seen at 5,000 items: 220 kB of several MB arrived) when it exits.
 */
export async function executeMeasured(
	stack: Stack,
	workflowId: string,
	profileDir?: string,
): Promise<Sample> {
	const base = join(stack.workDir, `run-${workflowId}`);
	const [report, outFile, errFile] = ['time', 'stdout', 'stderr'].map((x) => `${base}.${x}`);
	const out = await open(outFile, 'w');
	const err = await open(errFile, 'w');
	const { cli } = stack;
	const args = ['-f', '%U %S %M', '-o', report, cli.install.runtime.node, cli.install.bin];
	args.push('execute', `--id=${workflowId}`, '--rawOutput');
	const started = performance.now();
	const child = startTracked(GNU_TIME, args, {
		cwd: join(stack.workDir, 'user'),
		env: cli.env({
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			...(profileDir ? { NODE_OPTIONS: profiledOptions(cli.env().NODE_OPTIONS, profileDir) } : {}),
		}),
		stdio: ['ignore', out.fd, err.fd],
	});
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		void stopChild(child, 2_000);
	}, RUN_TIMEOUT_MS);
	const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done, fail) => {
		child.once('error', fail);
		child.once('exit', (exitCode, exitSignal) => done([exitCode, exitSignal]));
	});
	const wallSeconds = (performance.now() - started) / 1000;
	clearTimeout(timer);
	await Promise.all([out.close(), err.close()]);
	const [stdout, stderr] = await Promise.all([
		readFile(outFile, 'utf8'),
		readFile(errFile, 'utf8'),
	]);
	if (code !== 0) {
		const result = { code, signal, timedOut, stdout, stderr, output: `${stdout}\n${stderr}` };
		throw new Error(`n8n execute --id=${workflowId} failed: ${endDetail(result)}`);
	}
	const usage = parseTimeReport(await readFile(report, 'utf8'));
	await Promise.all([report, outFile, errFile].map((file) => rm(file, { force: true })));
	return { wallSeconds, ...usage, stdout };
}
