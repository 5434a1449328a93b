import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { REPO_ROOT } from '../harness';

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));

describe('packing from a fresh clone', () => {
	it('builds dist/ first, so the tarball holds the node and both credentials', () => {
		// What a clone holds: the tracked files only, no dist/ (node_modules is linked, as after npm ci).
		const clone = mkdtempSync(join(tmpdir(), 'ecgridos-clone-'));
		try {
			const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' })
				.split('\0')
				.filter((path) => path && !path.startsWith('dist/'));
			for (const path of tracked) {
				cpSync(join(REPO_ROOT, path), join(clone, path), { recursive: true });
			}
			symlinkSync(join(REPO_ROOT, 'node_modules'), join(clone, 'node_modules'));
			const output = execFileSync('npm', ['pack', '--dry-run', '--json'], {
				cwd: clone,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore'],
			});
			// The prepack build prints first; the JSON report is the last thing on stdout.
			const packed = JSON.parse(output.slice(output.lastIndexOf('\n[\n') + 1)) as Array<{
				files: Array<{ path: string }>;
			}>;
			const files = packed[0].files.map((file) => file.path);
			for (const entry of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
				expect(files).toContain(entry);
			}
			expect(files).toContain('dist/nodes/EcGridOs/ecgridos.svg');
			expect(files.filter((path) => path.endsWith('.d.ts'))).toEqual([]);
			expect(files.every((path) => path.startsWith('dist/') || !path.includes('/'))).toBe(true);
			expect(dirname(files.find((path) => path.endsWith('EcGridOs.node.js'))!)).toBe(
				'dist/nodes/EcGridOs',
			);
		} finally {
			rmSync(clone, { recursive: true, force: true });
		}
	}, 180_000);

	it('names its repository, issue tracker and home page, so the README’s images resolve on npm', () => {
		expect(manifest.repository).toEqual({
			type: 'git',
			url: expect.stringMatching(/^git\+https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/),
		});
		const base = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
		expect(manifest.bugs).toEqual({ url: `${base}/issues` });
		expect(manifest.homepage).toBe(`${base}#readme`);
	});
});
