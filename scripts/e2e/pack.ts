/** Builds the package and packs it the way `npm publish` would, into a throwaway folder. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './paths';
import { run } from './proc';

/** Files n8n loads through package.json's `n8n` section: a tarball without them is useless. */
const REQUIRED_IN_TARBALL = [
	'package.json',
	'dist/nodes/EcGridOs/EcGridOs.node.js',
	'dist/credentials/EcGridOsApi.credentials.js',
	'dist/credentials/EcGridOsLoginApi.credentials.js',
];

interface PackEntry {
	filename: string;
	files: Array<{ path: string }>;
}

export async function buildPackage(): Promise<void> {
	const result = await run('npm', ['run', 'build'], { cwd: repoRoot, timeoutMs: 10 * 60_000 });
	if (result.code !== 0) {
		throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
	}
}

/** Returns the absolute path of the packed .tgz in `destination`. */
export async function packPackage(destination: string): Promise<string> {
	// The run built dist/ already (buildPackage): prepack's build would only print before the JSON.
	const args = ['pack', '--json', '--ignore-scripts', '--pack-destination', destination];
	const result = await run('npm', args, {
		cwd: repoRoot,
		timeoutMs: 5 * 60_000,
	});
	if (result.code !== 0) throw new Error(`npm pack failed:\n${result.stderr}`);
	// The JSON array starts on a line of its own; anything before it is npm's noise.
	const start = /^\[\s*$/m.exec(result.stdout)?.index ?? result.stdout.indexOf('[');
	const json = result.stdout.slice(start);
	const [entry] = JSON.parse(json) as PackEntry[];
	const packed = new Set(entry.files.map((file) => file.path));
	const missing = REQUIRED_IN_TARBALL.filter((file) => !packed.has(file));
	if (missing.length > 0) throw new Error(`npm pack left out: ${missing.join(', ')}`);
	const leaked = [...packed].filter((file) => /^(test|scripts|nodes|credentials)\//.test(file));
	if (leaked.length > 0)
		throw new Error(`npm pack shipped sources: ${leaked.slice(0, 5).join(', ')}`);
	const tarball = join(destination, entry.filename);
	if (!existsSync(tarball)) throw new Error(`npm pack reported ${tarball} but it is not there`);
	return tarball;
}
