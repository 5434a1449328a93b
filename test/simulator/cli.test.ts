import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

import { DEMO_USERS } from '../../simulator';

const ROOT = resolve(__dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

function startCli(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams {
	return spawn(TSX, ['simulator/cli.ts', ...args], {
		cwd: ROOT,
		env: { ...process.env, ...env },
	});
}

/** Resolves with the stdout seen once `pattern` appears. */
function waitForOutput(child: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<string> {
	return new Promise((resolvePromise, reject) => {
		let output = '';
		const timer = setTimeout(() => reject(new Error(`timed out; saw: ${output}`)), 20_000);
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			if (pattern.test(output)) {
				clearTimeout(timer);
				resolvePromise(output);
			}
		});
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`exited with ${code}; saw: ${output}`));
		});
	});
}

function exitCode(child: ChildProcessWithoutNullStreams): Promise<number | null> {
	return new Promise((resolvePromise) => {
		if (child.exitCode !== null) resolvePromise(child.exitCode);
		else child.on('exit', (code) => resolvePromise(code));
	});
}

test('prints the endpoint and demo key, serves, and stops on SIGTERM', async () => {
	const child = startCli(['--port', '0']);
	try {
		const output = await waitForOutput(child, /Demo API key.*\n/);
		const url = /listening on (http:\/\/127\.0\.0\.1:\d+\/v4\.1\/prod\/ECGridOS\.asmx)/.exec(
			output,
		)?.[1];
		expect(url).toBeDefined();
		expect(output).toContain(DEMO_USERS[0].apiKey);

		const reply = await fetch(`${url}/Version`);
		expect(reply.status).toBe(200);
		expect(await reply.text()).toContain('simulator');
	} finally {
		const exited = exitCode(child);
		child.kill('SIGTERM');
		expect(await exited).toBe(0);
	}
});

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
	const port = (server.address() as AddressInfo).port;
	await new Promise<void>((r) => server.close(() => r()));
	return port;
}

test('ECGRIDOS_SIM_PORT picks the port', async () => {
	const port = await freePort();
	const child = startCli([], { ECGRIDOS_SIM_PORT: String(port) });
	try {
		const output = await waitForOutput(child, /Demo API key/);
		expect(output).toContain(`http://127.0.0.1:${port}/v4.1/prod/ECGridOS.asmx`);
	} finally {
		const exited = exitCode(child);
		child.kill('SIGINT');
		expect(await exited).toBe(0);
	}
});

test('a bad port fails fast', async () => {
	const bad = startCli([], { ECGRIDOS_SIM_PORT: 'not-a-port' });
	let stderr = '';
	bad.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	expect(await exitCode(bad)).toBe(1);
	expect(stderr).toMatch(/Invalid port/);
});
