import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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

/** Everything the child printed so far, and a wait for a pattern in all of it. */
function collect(child: ChildProcessWithoutNullStreams) {
	let all = '';
	child.stdout.on('data', (chunk: Buffer) => (all += chunk.toString()));
	return {
		text: () => all,
		async waitFor(pattern: RegExp): Promise<string> {
			for (let i = 0; i < 400 && !pattern.test(all); i++)
				await new Promise((r) => setTimeout(r, 50));
			if (!pattern.test(all)) throw new Error(`timed out waiting for ${pattern}; saw: ${all}`);
			return all;
		},
	};
}

function urlOf(output: string): string {
	const url = /listening on (http:\/\/127\.0\.0\.1:\d+\/v4\.1\/prod\/ECGridOS\.asmx)/.exec(
		output,
	)?.[1];
	if (!url) throw new Error(`no URL in ${output}`);
	return url;
}

async function stopped(child: ChildProcessWithoutNullStreams): Promise<void> {
	const exited = exitCode(child);
	child.kill('SIGTERM');
	expect(await exited).toBe(0);
}

test('prints every demo user with login, password and key, then one log line per request without secrets', async () => {
	const child = startCli(['--port', '0']);
	const out = collect(child);
	try {
		const output = await out.waitFor(/Press Ctrl\+C/);
		for (const user of DEMO_USERS) {
			expect(output).toMatch(
				new RegExp(
					`${user.userId}\\s+${user.authLevel}.*${user.loginName}\\s+${user.password}\\s+${user.apiKey}`,
				),
			);
		}
		const url = urlOf(output);
		const key = DEMO_USERS[0].apiKey;
		await fetch(`${url}/WhoAmI?SessionID=${key}`);
		await fetch(`${url}/UserInfo?SessionID=${key}&UserID=2001`);
		await fetch(`${url}/Login?LoginName=net.admin&Password=wrong`);
		const logged = (await out.waitFor(/Login httpGet AccessDenied/)).slice(output.length);
		expect(logged).toMatch(/^\S+Z WhoAmI httpGet ok$/m);
		expect(logged).toMatch(/^\S+Z UserInfo httpGet AccessDenied$/m);
		expect(logged).not.toContain('wrong');
		expect(logged.split(key)).toHaveLength(1);
		const wsdl = await fetch(`${url}?WSDL`);
		expect(await wsdl.text()).toContain('<wsdl:definitions');
	} finally {
		await stopped(child);
	}
});

test('--latency delays every answer', async () => {
	const child = startCli(['--port', '0', '--latency', '300']);
	try {
		const url = urlOf(await waitForOutput(child, /Press Ctrl\+C/));
		const started = Date.now();
		expect((await fetch(`${url}/Version`)).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
	} finally {
		await stopped(child);
	}
});

test('--inbox turns files present at start and arriving later into InBox parcels', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'ecgridos-inbox-'));
	writeFileSync(join(dir, 'first.edi'), 'ISA*first');
	const child = startCli(['--port', '0', '--inbox', dir]);
	const out = collect(child);
	try {
		const output = await out.waitFor(/Press Ctrl\+C/);
		expect(output).toMatch(/InBox 10: first\.edi → parcel \d+ \(9 bytes, X12\)/);
		writeFileSync(join(dir, 'later.txt'), Buffer.from([0xff, 0x00, 0x41]));
		await out.waitFor(/later\.txt → parcel/);
		const admin = urlOf(output).replace('/v4.1/prod/ECGridOS.asmx', '/admin/inbox?mailboxId=10');
		const inBox = (await (await fetch(admin)).json()) as { fileName: string; bytes: number }[];
		expect(inBox.map((p) => [p.fileName, p.bytes]).slice(-2)).toEqual([
			['first.edi', 9],
			['later.txt', 3],
		]);
	} finally {
		await stopped(child);
		rmSync(dir, { recursive: true, force: true });
	}
});
