/** Runs one pinned n8n CLI against one throwaway user folder. */
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { envFor, type N8nInstall } from './install';
import { describeEnd, endDetail, run, startTracked, tail, type RunResult } from './proc';

/**
 * Preloaded into every n8n CLI process: makes n8n's exit wait until the expression isolates it
 * is building are ready, working around n8n's SIGSEGV at the exit of `n8n execute` (see the
 * file). `ECGRIDOS_E2E_EXIT_PRELOAD=0` leaves it out, to see the crash.
 */
export const EXIT_PRELOAD = join(__dirname, 'wait-for-isolates-before-exit.cjs');

function nodeOptions(): string | undefined {
	if (process.env.ECGRIDOS_E2E_EXIT_PRELOAD === '0') return undefined;
	return `--require ${JSON.stringify(EXIT_PRELOAD)}`;
}

/** A fixed key: the user folder is thrown away after each run, so nothing secret is protected by it. */
const ENCRYPTION_KEY = 'ecgridos-e2e-throwaway-encryption-key';

export interface N8nCliOptions {
	userFolder: string;
	/** Extra environment (e.g. N8N_CUSTOM_EXTENSIONS for the custom-extension route). */
	env?: NodeJS.ProcessEnv;
}

export async function freePort(): Promise<number> {
	return await new Promise((done, fail) => {
		const server = createServer();
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => done(port));
		});
	});
}

export class N8nCli {
	constructor(
		readonly install: N8nInstall,
		private readonly options: N8nCliOptions,
	) {}

	env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
		const base: NodeJS.ProcessEnv = { ...process.env };
		// Whatever the caller's shell had must not decide where n8n resolves modules from.
		delete base.NODE_PATH;
		delete base.NODE_OPTIONS;
		const preload = nodeOptions();
		return {
			...envFor(this.install.runtime, base),
			...(preload === undefined ? {} : { NODE_OPTIONS: preload }),
			N8N_USER_FOLDER: this.options.userFolder,
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			N8N_LOG_LEVEL: 'info',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_SECURE_COOKIE: 'false',
			...this.options.env,
			...extra,
		};
	}

	async run(
		args: string[],
		timeoutMs = 5 * 60_000,
		extraEnv: NodeJS.ProcessEnv = {},
	): Promise<RunResult> {
		return await run(this.install.runtime.node, [this.install.bin, ...args], {
			cwd: this.options.userFolder,
			env: this.env(extraEnv),
			timeoutMs,
		});
	}

	async mustRun(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> {
		// A fresh broker port per CLI call: a leftover or parallel n8n must not collide with us.
		const result = await this.run(args, 5 * 60_000, {
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			...extraEnv,
		});
		if (result.code !== 0) {
			throw new Error(`n8n ${args[0]} failed: ${endDetail(result)}`);
		}
		return result;
	}

	async importCredentials(file: string): Promise<void> {
		await this.mustRun(['import:credentials', `--input=${file}`]);
	}

	async importWorkflow(file: string): Promise<void> {
		await this.mustRun(['import:workflow', `--input=${file}`]);
	}

	/**
	 * Activates a workflow for the next `n8n start` (`publish:workflow`, in 2.8.4 and 2.41.1 alike);
	 * n8n reads it only at start, so call it before `start()`.
	 */
	async publishWorkflow(workflowId: string): Promise<void> {
		await this.mustRun(['publish:workflow', `--id=${workflowId}`]);
	}

	/** `n8n execute`: a failed run exits 1, so the exit code is returned, not thrown. */
	async execute(workflowId: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> {
		return await this.run(['execute', `--id=${workflowId}`, '--rawOutput'], 5 * 60_000, {
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			...extraEnv,
		});
	}

	/**
	 * `n8n start` on 127.0.0.1:port; resolves once n8n is ready (/healthz/readiness). `onOutput` gets everything it
	 * prints, from the first line on (e.g. to check its log for secrets).
	 */
	async start(
		port: number,
		readyTimeoutMs = 120_000,
		onOutput?: (chunk: string) => void,
	): Promise<ChildProcess> {
		const child = startTracked(this.install.runtime.node, [this.install.bin, 'start'], {
			cwd: this.options.userFolder,
			env: this.env({ N8N_PORT: String(port), N8N_RUNNERS_BROKER_PORT: String(await freePort()) }),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		const keep = (chunk: Buffer): void => {
			output = (output + chunk.toString()).slice(-20_000);
			onOutput?.(chunk.toString());
		};
		child.stdout?.on('data', keep);
		child.stderr?.on('data', keep);
		const deadline = Date.now() + readyTimeoutMs;
		while (Date.now() < deadline) {
			if (child.exitCode !== null || child.signalCode !== null) {
				const end = { code: child.exitCode, signal: child.signalCode, timedOut: false };
				throw new Error(
					`n8n start ended before it answered (${describeEnd(end)}):\n${tail(output)}`,
				);
			}
			try {
				if (await isReady(port)) return child;
			} catch {
				// Not listening yet.
			}
			await new Promise((done) => setTimeout(done, 1_000));
		}
		throw new Error(
			`n8n start was not ready (/healthz/readiness) within ${readyTimeoutMs} ms:\n${tail(output)}`,
		);
	}
}

/**
 * n8n is ready once its database is migrated and its server fully started: /healthz answers (and
 * every other route says "n8n is starting up", with a 200) before that. A CLI without the
 * readiness route (404) is taken at its /healthz.
 */
async function isReady(port: number): Promise<boolean> {
	const readiness = await fetch(`http://127.0.0.1:${port}/healthz/readiness`);
	if (readiness.status !== 404) return readiness.ok;
	return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
}
