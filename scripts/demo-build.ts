import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
export const BUILT_NODE = join(ROOT, 'dist', 'nodes', 'EcGridOs', 'EcGridOs.node.js');

function newestMtime(dir: string): number {
	if (!existsSync(dir)) return 0;
	return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
		const path = join(dir, entry.name);
		const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
		return Math.max(newest, mtime);
	}, 0);
}

/** Runs `npm run build` when dist/ is missing or older than nodes/ or credentials/. */
export function ensureBuilt(log: (line: string) => void = console.error): void {
	const sources = Math.max(
		newestMtime(join(ROOT, 'nodes')),
		newestMtime(join(ROOT, 'credentials')),
	);
	if (existsSync(BUILT_NODE) && statSync(BUILT_NODE).mtimeMs >= sources) return;
	log('dist/ is missing or stale: running npm run build …');
	const build = spawnSync('npm', ['run', 'build'], {
		cwd: ROOT,
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status})`);
}
