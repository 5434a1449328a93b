/**
 * The far end of `npm run bench -- --wan`, in a process of its own (a server across the internet
 * does not take the client's CPU): the simulator on plain HTTP and, in front of it, one TLS link
 * per round-trip time (bench-wan-link.ts). `bench-wan-server.ts <cert dir> <rtt ms,…>` prints
 * `{"urls": {"<rtt>": "https://…"}}` on one line, then serves until its stdin closes.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

import { startSimulator } from '../simulator';
import { identityIn } from './bench-wan-cert';
import { startWanLink } from './bench-wan-link';

export interface WanServer {
	/** The simulator's endpoint behind each round-trip time, by RTT in ms. */
	urls: Record<string, string>;
	close(): Promise<void>;
}

/** Starts this file as a child (same Node and loader flags as the bench) and waits for its URLs. */
export async function startWanServer(certDir: string, rttsMs: number[]): Promise<WanServer> {
	const child = spawn(
		process.execPath,
		[...process.execArgv, __filename, certDir, rttsMs.join(',')],
		{
			stdio: ['pipe', 'pipe', 'inherit'],
		},
	);
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	const urls = await new Promise<Record<string, string>>((done, fail) => {
		child.once('error', fail);
		child.once('exit', (code) =>
			fail(new Error(`WAN bench server exited ${code} before it listened`)),
		);
		createInterface({ input: child.stdout }).once('line', (line) => {
			done((JSON.parse(line) as { urls: Record<string, string> }).urls);
		});
	});
	return {
		urls,
		async close() {
			child.stdin.end();
			await exited;
		},
	};
}

async function serve(certDir: string, rttsMs: number[]): Promise<void> {
	const identity = identityIn(certDir);
	const simulator = await startSimulator({ port: 0 });
	const endpoint = new URL(simulator.url);
	const links = await Promise.all(
		rttsMs.map((rttMs) => startWanLink({ rttMs, targetPort: Number(endpoint.port), identity })),
	);
	const urls = Object.fromEntries(
		rttsMs.map((rttMs, index) => [
			String(rttMs),
			`https://127.0.0.1:${links[index].port}${endpoint.pathname}`,
		]),
	);
	process.stdout.write(`${JSON.stringify({ urls })}\n`);
	process.stdin.resume();
	process.stdin.once('end', () => {
		void Promise.all([...links.map((link) => link.close()), simulator.close()]).then(() =>
			process.exit(0),
		);
	});
}

if (require.main === module) {
	const [certDir, rtts] = process.argv.slice(2);
	serve(certDir, rtts.split(',').map(Number)).catch((error: unknown) => {
		process.stderr.write(
			`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
		);
		process.exit(1);
	});
}
