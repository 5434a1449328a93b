/**
 * Installs the packed tarball into an n8n user folder, the ways n8n can load it:
 *
 * - 'community' (the default): the README's install-from-tarball block, run as written by bash
 *   with HOME at the n8n user folder and the tarball in ~/Downloads; the type is
 *   `n8n-nodes-ecgridos.ecGridOs`.
 * - 'installer': exactly what n8n's own community-package installer does (read from
 *   n8n's CommunityPackagesService): unpack into `<user>/.n8n/nodes/node_modules/<name>`, drop
 *   dev/peer/optional dependencies from its package.json, `npm install` its own dependencies
 *   inside it, then record it in `<user>/.n8n/nodes/package.json`. n8n scans that folder at
 *   start-up; the type is `n8n-nodes-ecgridos.ecGridOs`.
 * - 'custom': `npm install <tarball>` into a folder passed as N8N_CUSTOM_EXTENSIONS; the type
 *   is `CUSTOM.ecGridOs`.
 *
 * Either way the package's own dependencies (xml2js) come from its own install, which is
 * checked by resolving them with plain Node (no NODE_PATH) from the installed dist folder.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';

import { envFor, NPM_CLI, type Runtime } from './install';
import { run } from './proc';
import { readmeInstallBlock, tarballNameOf } from './readme-install';
import { PACKAGE_NAME, type InstallRoute } from './workflows';

/** The flags n8n passes to npm when it installs a community package. */
const N8N_NPM_INSTALL_ARGS = [
	'--audit=false',
	'--fund=false',
	'--bin-links=false',
	'--install-strategy=shallow',
	'--ignore-scripts=true',
	'--package-lock=false',
];

export interface InstalledPackage {
	route: InstallRoute;
	/** Folder of the installed package (has package.json and dist/). */
	packageDir: string;
	/** Env n8n needs to find it (empty for the community route). */
	env: NodeJS.ProcessEnv;
}

interface PackageJson {
	name: string;
	version: string;
	dependencies?: Record<string, string>;
	devDependencies?: unknown;
	peerDependencies?: unknown;
	optionalDependencies?: unknown;
	[key: string]: unknown;
}

async function npm(cwd: string, runtime: Runtime, args: string[]): Promise<void> {
	const result = await run(runtime.node, [NPM_CLI, ...args], {
		cwd,
		env: envFor(runtime),
		timeoutMs: 5 * 60_000,
	});
	if (result.code !== 0) throw new Error(`npm ${args[0]} in ${cwd} failed:\n${result.stderr}`);
}

async function readJson<T>(file: string): Promise<T> {
	return JSON.parse(await readFile(file, 'utf8')) as T;
}

async function installAsCommunityPackage(
	tarball: string,
	userFolder: string,
	runtime: Runtime,
): Promise<InstalledPackage> {
	const nodesFolder = join(userFolder, '.n8n', 'nodes');
	const packageDir = join(nodesFolder, 'node_modules', PACKAGE_NAME);
	await mkdir(packageDir, { recursive: true });
	await writeFile(
		join(nodesFolder, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2),
	);
	const untar = await run('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	if (untar.code !== 0) throw new Error(`tar failed: ${untar.stderr}`);

	const manifestFile = join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } =
		await readJson<PackageJson>(manifestFile);
	void devDependencies;
	void peerDependencies;
	void optionalDependencies;
	await writeFile(manifestFile, JSON.stringify(manifest, null, 2));
	await npm(packageDir, runtime, ['install', ...N8N_NPM_INSTALL_ARGS]);

	const registry = await readJson<PackageJson>(join(nodesFolder, 'package.json'));
	registry.dependencies = { ...registry.dependencies, [PACKAGE_NAME]: manifest.version };
	await writeFile(join(nodesFolder, 'package.json'), JSON.stringify(registry, null, 2));
	return { route: 'installer', packageDir, env: {} };
}

/** The README's lines, verbatim; only where home is and npm's own settings are set around them. */
async function installAsReadmeSays(
	tarball: string,
	userFolder: string,
	runtime: Runtime,
): Promise<InstalledPackage> {
	const lines = await readmeInstallBlock();
	const name = tarballNameOf(lines);
	if (basename(tarball) !== name)
		throw new Error(
			`README.md installs ${name} but npm pack made ${basename(tarball)}: update the README's install block`,
		);
	await mkdir(join(userFolder, 'Downloads'), { recursive: true });
	await copyFile(tarball, join(userFolder, 'Downloads', name));
	const env = envFor(runtime);
	const result = await run('bash', ['-euo', 'pipefail', '-c', lines.join('\n')], {
		cwd: userFolder,
		env: {
			...env,
			HOME: userFolder,
			// The machine's npm settings (registry, proxy) stay those of the real home.
			NPM_CONFIG_USERCONFIG: env.NPM_CONFIG_USERCONFIG ?? join(homedir(), '.npmrc'),
		},
		timeoutMs: 5 * 60_000,
	});
	if (result.code !== 0)
		throw new Error(`The README's install block failed:\n${result.stdout}\n${result.stderr}`);
	const packageDir = join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	return { route: 'community', packageDir, env: {} };
}

async function installAsCustomExtension(
	tarball: string,
	userFolder: string,
	runtime: Runtime,
): Promise<InstalledPackage> {
	const folder = join(userFolder, 'custom-extensions');
	await mkdir(folder, { recursive: true });
	await writeFile(join(folder, 'package.json'), JSON.stringify({ private: true }, null, 2));
	// --omit=peer: n8n-workflow must be n8n's own copy, not a second one beside the package.
	await npm(folder, runtime, ['install', tarball, '--omit=peer', ...N8N_NPM_INSTALL_ARGS]);
	const packageDir = join(folder, 'node_modules', PACKAGE_NAME);
	return { route: 'custom', packageDir, env: { N8N_CUSTOM_EXTENSIONS: packageDir } };
}

/** Proves each runtime dependency resolves from the install itself, with no help from n8n. */
async function checkOwnDependencies(installed: InstalledPackage, runtime: Runtime): Promise<void> {
	const manifest = await readJson<PackageJson>(join(installed.packageDir, 'package.json'));
	const distDir = join(installed.packageDir, 'dist');
	for (const dependency of Object.keys(manifest.dependencies ?? {})) {
		const script = `process.stdout.write(require.resolve(${JSON.stringify(`${dependency}/package.json`)}, { paths: [${JSON.stringify(distDir)}] }))`;
		const env = envFor(runtime);
		delete env.NODE_PATH;
		const result = await run(runtime.node, ['-e', script], { env });
		const resolved = result.stdout.trim();
		if (result.code !== 0 || !resolved.startsWith(join(installed.packageDir, '..'))) {
			throw new Error(
				`${dependency} does not resolve from the installed package (${resolved || result.stderr})`,
			);
		}
	}
}

export async function installPackage(
	route: InstallRoute,
	tarball: string,
	userFolder: string,
	runtime: Runtime,
): Promise<InstalledPackage> {
	const installed =
		route === 'community'
			? await installAsReadmeSays(tarball, userFolder, runtime)
			: route === 'installer'
				? await installAsCommunityPackage(tarball, userFolder, runtime)
				: await installAsCustomExtension(tarball, userFolder, runtime);
	await checkOwnDependencies(installed, runtime);
	return installed;
}
