import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream } from 'node:fs';

/**
 * Every child is started in its own process group and remembered here, so that a failure,
 * Ctrl-C or SIGTERM anywhere still ends the whole tree we started (n8n forks task runners).
 */
const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// Already gone.
	}
}

/** Stops one tracked child: SIGTERM to its group, SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) {
		running.delete(child);
		return;
	}
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	killGroup(child, 'SIGTERM');
	const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
	running.delete(child);
}

/** Kills one tracked child and its group at once (SIGKILL: no shutdown of any kind), as a crash. */
export async function killChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	killGroup(child, 'SIGKILL');
	await exited;
	running.delete(child);
}

export async function stopAll(): Promise<void> {
	await Promise.all([...running].map((child) => stopChild(child)));
}

/** Extra clean-up (temp folders, in-process servers) that a signal must not skip. */
const cleanups = new Set<() => Promise<void>>();

/** Registers `cleanup` to run on SIGINT/SIGTERM/SIGHUP; returns a function that unregisters it. */
export function onSignalCleanup(cleanup: () => Promise<void>): () => void {
	cleanups.add(cleanup);
	return () => cleanups.delete(cleanup);
}

let handlersInstalled = false;
/** Signal handlers that end our children before this process goes. */
export function installExitHandlers(): void {
	if (handlersInstalled) return;
	handlersInstalled = true;
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			process.stderr.write(`\n${signal}: stopping child processes\n`);
			void stopAll()
				.then(async () => {
					for (const cleanup of cleanups) await cleanup().catch(() => undefined);
				})
				.finally(() => process.exit(130));
		});
	}
	// Last resort if something calls process.exit() directly: no waiting possible here.
	process.once('exit', () => {
		for (const child of running) killGroup(child, 'SIGKILL');
	});
}

export interface RunOptions extends SpawnOptions {
	/** Append stdout+stderr to this file instead of keeping them in memory. */
	logFile?: string;
	/** Echo output to our stderr as it arrives. */
	echo?: boolean;
	timeoutMs?: number;
}

export interface RunResult {
	/** Exit code; null when the process was ended by a signal. */
	code: number | null;
	/** The signal that ended the process (e.g. SIGSEGV), null when it exited by itself. */
	signal: NodeJS.Signals | null;
	/** Whether our own timeout stopped it (then `signal` is the one we sent). */
	timedOut: boolean;
	stdout: string;
	stderr: string;
	/** stdout and stderr interleaved as they arrived (empty when a log file took them). */
	output: string;
}

/** How a process ended, for a check's detail: "exit 1", "signal SIGSEGV", "timed out after …". */
export function describeEnd(result: Pick<RunResult, 'code' | 'signal' | 'timedOut'>): string {
	const how = result.signal === null ? `exit ${result.code}` : `ended by signal ${result.signal}`;
	return result.timedOut ? `timed out (our timeout), then ${how}` : how;
}

/** The last `lines` lines of `text`. */
export function tail(text: string, lines = 40): string {
	return text.trim().split('\n').slice(-lines).join('\n');
}

/** How a process ended plus the last lines it printed: the detail of a failed check. */
export function endDetail(result: RunResult, lines = 40): string {
	const printed = tail(result.output, lines);
	return `${describeEnd(result)}; last ${lines} lines of its output:\n${printed || '(nothing)'}`;
}

/** Starts a tracked child that keeps running (a server). */
export function startTracked(command: string, args: string[], options: SpawnOptions): ChildProcess {
	const child = spawn(command, args, { ...options, detached: true });
	running.add(child);
	child.once('exit', () => running.delete(child));
	return child;
}

/** Runs a command to completion; never rejects on a non-zero exit (callers decide). */
export async function run(
	command: string,
	args: string[],
	options: RunOptions = {},
): Promise<RunResult> {
	const { logFile, echo, timeoutMs, ...spawnOptions } = options;
	const child = startTracked(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
	const log = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
	let stdout = '';
	let stderr = '';
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => {
		if (log) log.write(chunk);
		else {
			stdout += chunk.toString();
			output += chunk.toString();
		}
		if (echo) process.stderr.write(chunk);
	});
	child.stderr?.on('data', (chunk: Buffer) => {
		if (log) log.write(chunk);
		else {
			stderr += chunk.toString();
			output += chunk.toString();
		}
		if (echo) process.stderr.write(chunk);
	});
	let timedOut = false;
	const timer =
		timeoutMs === undefined
			? undefined
			: setTimeout(() => {
					timedOut = true;
					const note = `\n[e2e] timed out after ${timeoutMs} ms\n`;
					stderr += note;
					output += note;
					void stopChild(child, 2_000);
				}, timeoutMs);
	const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done, fail) => {
		child.once('error', fail);
		child.once('close', (exitCode, exitSignal) => done([exitCode, exitSignal]));
	});
	if (timer) clearTimeout(timer);
	if (log) await new Promise<void>((done) => log.end(() => done()));
	return { code, signal, timedOut, stdout, stderr, output };
}
