import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	installBlockOf,
	readmeInstallBlock,
	tarballNameOf,
} from '../../../scripts/e2e/readme-install';

const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as {
	name: string;
	version: string;
};

describe("the README's install-from-tarball block (what npm run e2e runs)", () => {
	it('installs the tarball npm pack makes for this version into ~/.n8n/nodes', async () => {
		const lines = await readmeInstallBlock();
		expect(tarballNameOf(lines)).toBe(`${manifest.name}-${manifest.version}.tgz`);
		expect(lines[0]).toBe('mkdir -p ~/.n8n/nodes && cd ~/.n8n/nodes');
		expect(lines.at(-1)).toMatch(/^npm install \.\/\S+\.tgz --omit=peer --ignore-scripts /);
	});

	it('is found only after its marker, and refuses a README without one', () => {
		const readme = '```sh\necho other\n```\n<!-- install-from-tarball: x -->\n```sh\nA\n\nB\n```\n';
		expect(installBlockOf(readme)).toEqual(['A', 'B']);
		expect(() => installBlockOf('```sh\nA\n```')).toThrow(/no <!-- install-from-tarball:/);
	});

	it('names exactly one tarball', () => {
		expect(() =>
			tarballNameOf(['npm install ./n8n-nodes-ecgridos-1.tgz ./n8n-nodes-ecgridos-2.tgz']),
		).toThrow('names 2 tarballs');
	});
});
