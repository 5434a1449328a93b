/**
 * The simulator of `npm run bench -- --latency MS`, in a process of its own: a server across the
 * internet does not take the client's CPU, so the bench must not charge the node for it.
 * `bench-overlap-server.ts <latency ms> <archive records>` prints `{"url": …}` on one line, then
 * serves until its stdin closes.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

import { startSimulator } from '../simulator';

export interface ServerProcess {
	url: string;
	close(): Promise<void>;
}

/** Starts this file as a child (same Node and loader flags as the bench) and waits for its URL. */
export async function startServerProcess(
	latencyMs: number,
	records: number,
): Promise<ServerProcess> {
	const child = spawn(
		process.execPath,
		[...process.execArgv, __filename, String(latencyMs), String(records)],
		{ stdio: ['pipe', 'pipe', 'inherit'] },
	);
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	const url = await new Promise<string>((done, fail) => {
		child.once('error', fail);
		child.once('exit', (code) =>
			fail(new Error(`bench simulator exited ${code} before it listened`)),
		);
		createInterface({ input: child.stdout }).once('line', (line) => {
			done((JSON.parse(line) as { url: string }).url);
		});
	});
	return {
		url,
		async close() {
			child.stdin.end();
			await exited;
		},
	};
}

async function serve(latencyMs: number, records: number): Promise<void> {
	const simulator = await startSimulator({ port: 0, latencyMs, demoParcels: false });
	for (let index = 0; index < records; index++)
		simulator.dropParcel({ fileName: `p${index}.edi`, content: Buffer.from('ISA*00') });
	process.stdout.write(`${JSON.stringify({ url: simulator.url })}\n`);
	process.stdin.resume();
	process.stdin.once('end', () => void simulator.close().then(() => process.exit(0)));
}

if (require.main === module) {
	const [latencyMs, records] = process.argv.slice(2).map(Number);
	serve(latencyMs, records).catch((error: unknown) => {
		process.stderr.write(
			`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
		);
		process.exit(1);
	});
}
