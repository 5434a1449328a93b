/** What the benches that measure in child processes share: starting one, and its peak RSS. */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

/** Runs `node [execArgv] args…` (with `env` added to ours) and parses what it printed as JSON. */
export function jsonFromChild<T>(
	args: string[],
	label: string,
	env: NodeJS.ProcessEnv = {},
): Promise<T> {
	return new Promise((resolve, reject) => {
		const proc = spawn(process.execPath, [...process.execArgv, ...args], {
			stdio: ['ignore', 'pipe', 'inherit'],
			env: { ...process.env, ...env },
		});
		let out = '';
		proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		proc.on('error', reject);
		proc.on('close', (code) =>
			code === 0
				? resolve(JSON.parse(out) as T)
				: reject(new Error(`child ${label} exited ${code}`)),
		);
	});
}

/** Forgets the peak resident memory so far (Linux's /proc: the one place that can). */
export function resetPeak(): void {
	try {
		writeFileSync('/proc/self/clear_refs', '5');
	} catch {
		throw new Error('the memory figures need Linux (/proc/self/clear_refs and VmHWM)');
	}
}

/** Resident memory now and at its peak since the last reset, in bytes. */
export function residentBytes(): { now: number; peak: number } {
	const status = readFileSync('/proc/self/status', 'utf8');
	const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]) * 1024;
	return { now: kib('VmRSS'), peak: kib('VmHWM') };
}
