/**
 * The README's "install a release tarball" block, read from the README itself so that the e2e
 * installs the package exactly as a user is told to (see install-package.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { repoRoot } from './paths';

export const README_INSTALL_MARKER = '<!-- install-from-tarball:';

/** The shell lines of the fenced block that follows the marker. */
export function installBlockOf(readme: string): string[] {
	const at = readme.indexOf(README_INSTALL_MARKER);
	if (at < 0) throw new Error(`README.md has no ${README_INSTALL_MARKER} block`);
	const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(at));
	if (!block)
		throw new Error('README.md: the install-from-tarball marker has no ```sh block after it');
	return block[1].split('\n').filter((line) => line.trim() !== '');
}

/** The tarball file name the block installs, e.g. `n8n-nodes-ecgridos-0.1.0.tgz`. */
export function tarballNameOf(lines: readonly string[]): string {
	const names = new Set(lines.join(' ').match(/n8n-nodes-ecgridos-[\w.-]+\.tgz/g) ?? []);
	if (names.size !== 1) throw new Error(`README install block names ${names.size} tarballs`);
	return [...names][0];
}

export async function readmeInstallBlock(): Promise<string[]> {
	return installBlockOf(await readFile(join(repoRoot, 'README.md'), 'utf8'));
}
