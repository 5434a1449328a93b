/**
 * The services queue mode needs besides n8n: Redis (the job queue) and a throwaway PostgreSQL
 * cluster (n8n's database), each on a loopback port of its own. Debian's packages are installed
 * with apt-get when missing; PostgreSQL runs as the `postgres` user (its server refuses root).
 */
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

import { freePort } from '../n8n-cli';
import { run, startTracked, stopChild, tail, type RunResult } from '../proc';

type Log = (message: string) => void;

function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const versions = readdirSync(root)
		.filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length > 0 ? join(root, versions[0], 'bin') : undefined;
}

function hasCommand(command: string): boolean {
	return existsSync(`/usr/bin/${command}`) || existsSync(`/usr/sbin/${command}`);
}

async function mustRun(
	command: string,
	args: string[],
	timeoutMs = 10 * 60_000,
): Promise<RunResult> {
	const result = await run(command, args, { timeoutMs });
	if (result.code !== 0) {
		throw new Error(
			`${command} ${args.join(' ')} failed (exit ${result.code}):\n${tail(result.output)}`,
		);
	}
	return result;
}

/** Installs Debian's redis-server and postgresql when they are missing. */
export async function ensureDebianPackages(log: Log): Promise<void> {
	const missing: string[] = [];
	if (!hasCommand('redis-server')) missing.push('redis-server');
	if (postgresBinDir() === undefined) missing.push('postgresql');
	if (missing.length === 0) return;
	log(`queue mode needs Debian's ${missing.join(' and ')}: installing with apt-get install -y`);
	if (process.getuid?.() !== 0) {
		throw new Error(`not root: install ${missing.join(' ')} yourself (apt-get install -y ...)`);
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const install = await run('apt-get', ['install', '-y', ...missing], {
		env,
		timeoutMs: 10 * 60_000,
	});
	if (install.code !== 0) {
		await mustRun('apt-get', ['update']);
		const again = await run('apt-get', ['install', '-y', ...missing], {
			env,
			timeoutMs: 10 * 60_000,
		});
		if (again.code !== 0)
			throw new Error(`apt-get install -y ${missing.join(' ')} failed:\n${tail(again.output)}`);
	}
}

export interface Service {
	port: number;
	/** What the process printed (kept for the no-secrets check). */
	output(): string;
	stop(): Promise<void>;
}

export interface Redis extends Service {
	/** Stops the server (its queue is not persisted) and starts a new one on the same port. */
	restart(): Promise<void>;
}

function collect(child: ReturnType<typeof startTracked>): () => string {
	let output = '';
	const keep = (chunk: Buffer): void => {
		output += chunk.toString();
	};
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	return () => output;
}

async function waitFor(
	what: string,
	ready: () => Promise<boolean>,
	output: () => string,
	timeoutMs = 60_000,
) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await ready()) return;
		await new Promise((done) => setTimeout(done, 300));
	}
	throw new Error(`${what} did not become ready within ${timeoutMs} ms:\n${tail(output())}`);
}

export async function startRedis(log: Log): Promise<Redis> {
	const port = await freePort();
	const outputs: Array<() => string> = [];
	let child: ReturnType<typeof startTracked>;
	const launch = async () => {
		child = startTracked(
			'redis-server',
			['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
			{ stdio: ['ignore', 'pipe', 'pipe'] },
		);
		const output = collect(child);
		outputs.push(output);
		await waitFor(
			'redis-server',
			async () => (await run('redis-cli', ['-p', String(port), 'ping'])).stdout.includes('PONG'),
			output,
		);
	};
	await launch();
	log(`redis-server on 127.0.0.1:${port}`);
	return {
		port,
		output: () => outputs.map((output) => output()).join('\n'),
		stop: () => stopChild(child),
		restart: async () => {
			await stopChild(child);
			await launch();
		},
	};
}

export interface Postgres extends Service {
	/** Runs SQL with psql; returns its unaligned, tuples-only output. */
	query(sql: string): Promise<string>;
}

/** A fresh cluster in a temp dir, run as `postgres`; stop() ends it and removes the dir. */
export async function startPostgres(log: Log): Promise<Postgres> {
	const bin = postgresBinDir();
	if (!bin) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql');
	const dir = await mkdtemp(join(tmpdir(), 'ecgridos-e2e-pg-'));
	const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
	const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
	await chown(dir, uid, gid);
	await chmod(dir, 0o700);
	const data = join(dir, 'data');
	const asPostgres = (command: string, args: string[]): [string, string[]] => [
		'runuser',
		['-u', 'postgres', '--', join(bin, command), ...args],
	];
	const init = await run(
		...asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']),
		{
			cwd: dir,
			timeoutMs: 120_000,
		},
	);
	if (init.code !== 0) {
		await rm(dir, { recursive: true, force: true });
		throw new Error(`initdb failed:\n${tail(init.output)}`);
	}
	const port = await freePort();
	const child = startTracked(
		...asPostgres('postgres', [
			'-D',
			data,
			'-p',
			String(port),
			'-k',
			dir,
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'fsync=off',
		]),
		{ cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	const output = collect(child);
	const psql = async (sql: string) =>
		await run(
			'psql',
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(port),
				'-U',
				'postgres',
				'-d',
				'postgres',
				'-At',
				'-v',
				'ON_ERROR_STOP=1',
				'-c',
				sql,
			],
			{
				timeoutMs: 60_000,
			},
		);
	try {
		await waitFor('PostgreSQL', async () => (await psql('select 1')).code === 0, output);
	} catch (error) {
		await stopChild(child);
		await rm(dir, { recursive: true, force: true });
		throw error;
	}
	log(`PostgreSQL (${bin}) on 127.0.0.1:${port}, cluster in ${dir}`);
	return {
		port,
		output,
		async query(sql) {
			const result = await psql(sql);
			if (result.code !== 0) throw new Error(`psql failed: ${tail(result.output)}`);
			return result.stdout;
		},
		async stop() {
			await stopChild(child);
			await rm(dir, { recursive: true, force: true });
		},
	};
}
