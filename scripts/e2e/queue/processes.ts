/**
 * The n8n processes of a queue-mode deployment: one `n8n start` (main: editor, webhooks,
 * triggers) and workers (`n8n worker`), all on one database, Redis and encryption key.
 */
import type { ChildProcess } from 'node:child_process';

import { freePort, type N8nCli } from '../n8n-cli';
import { killChild, startTracked, stopChild, tail } from '../proc';

export interface N8nProcess {
	name: string;
	/** HTTP port: the editor/webhooks for main, the health server for a worker. */
	port: number;
	/** Everything it printed since it started (and before a restart, for a worker). */
	output(): string;
	/** IDs of the executions this worker started (from its log). */
	startedExecutions(): string[];
	stop(): Promise<void>;
	/** A worker's restart: stop (SIGTERM, n8n's graceful shutdown), then start again. */
	restart(): Promise<void>;
	/** A crash: killed at once (SIGKILL, no shutdown of any kind), then started again. */
	crash(): Promise<void>;
}

const STARTED = /Worker started execution (\d+)/g;

async function waitHealthy(
	name: string,
	child: ChildProcess,
	port: number,
	output: () => string,
): Promise<void> {
	const deadline = Date.now() + 180_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`${name} ended before it was healthy:\n${tail(output())}`);
		}
		try {
			if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((done) => setTimeout(done, 1_000));
	}
	throw new Error(`${name} did not answer /healthz within 180 s:\n${tail(output())}`);
}

async function startN8n(
	cli: N8nCli,
	name: string,
	args: string[],
	env: (port: number) => NodeJS.ProcessEnv,
): Promise<N8nProcess> {
	const port = await freePort();
	let text = '';
	let child: ChildProcess;
	const launch = async (): Promise<void> => {
		child = startTracked(cli.install.runtime.node, [cli.install.bin, ...args], {
			env: cli.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...env(port) }),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const keep = (chunk: Buffer): void => {
			text += chunk.toString();
		};
		child.stdout?.on('data', keep);
		child.stderr?.on('data', keep);
		await waitHealthy(name, child, port, () => text);
	};
	await launch();
	return {
		name,
		port,
		output: () => text,
		startedExecutions: () => [...text.matchAll(STARTED)].map((match) => match[1]),
		stop: async () => await stopChild(child, 30_000),
		restart: async () => {
			await stopChild(child, 30_000);
			text += `\n[e2e] ${name} restarted\n`;
			await launch();
		},
		crash: async () => {
			await killChild(child);
			text += `\n[e2e] ${name} killed (SIGKILL) and started again\n`;
			await launch();
		},
	};
}

export async function startMain(cli: N8nCli): Promise<N8nProcess> {
	return await startN8n(cli, 'main', ['start'], (port) => ({ N8N_PORT: String(port) }));
}

export async function startWorker(
	cli: N8nCli,
	name: string,
	concurrency: number,
): Promise<N8nProcess> {
	return await startN8n(cli, name, ['worker', `--concurrency=${concurrency}`], (port) => ({
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		QUEUE_HEALTH_CHECK_PORT: String(port),
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
	}));
}
