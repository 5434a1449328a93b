import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PackageDirectoryLoader } from 'n8n-core';
import type { INodeProperties } from 'n8n-workflow';

import { REPO_ROOT } from '../harness';

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));

describe('the package as n8n loads it', () => {
	it('is a community node package with xml2js as its only runtime dependency', () => {
		expect(manifest.name).toBe('n8n-nodes-ecgridos');
		expect(manifest.license).toBe('MIT');
		expect(manifest.keywords).toContain('n8n-community-node-package');
		// No declarations: n8n does not read them, and its scanner's credential file-name rule
		// refuses `.d.ts` files under dist/credentials/.
		expect(manifest.files).toEqual(['dist', '!dist/**/*.d.ts']);
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(Object.keys(manifest.dependencies)).toEqual(['xml2js']);
		expect(manifest.engines.node).toBe('>=20');
		expect(manifest.scripts).not.toHaveProperty('prepare');
		expect(manifest.scripts).not.toHaveProperty('postinstall');
	});

	it('loads the node and both credentials from dist/ through n8n-core’s package loader', async () => {
		const loader = new PackageDirectoryLoader(REPO_ROOT);
		await loader.loadAll();

		expect(Object.keys(loader.known.nodes)).toEqual(['ecGridOs', 'ecGridOsTrigger', 'ecGridEdi']);
		expect(Object.keys(loader.known.credentials).sort()).toEqual([
			'ecGridOsApi',
			'ecGridOsLoginApi',
		]);
		const [node, trigger] = loader.types.nodes;
		// n8n types it `<package>.<node>`: n8n-nodes-ecgridos.ecGridOs
		expect(loader.packageName).toBe('n8n-nodes-ecgridos');
		expect(node.name).toBe('ecGridOs');
		expect(node.usableAsTool).toBe(true);
		expect(node.iconUrl).toEqual({
			light: 'icons/n8n-nodes-ecgridos/dist/nodes/EcGridOs/ecgridos.svg',
			dark: 'icons/n8n-nodes-ecgridos/dist/nodes/EcGridOs/ecgridos.dark.svg',
		});
		expect(node.codex?.categories).toEqual(['Development', 'Data & Storage']);
		// The trigger shows the node's own icon files and signs in with the same credentials.
		expect(trigger.name).toBe('ecGridOsTrigger');
		expect(trigger.group).toEqual(['trigger']);
		expect(trigger.iconUrl).toEqual(node.iconUrl);
		expect(trigger.codex?.categories).toEqual(['Development', 'Data & Storage']);
		expect(trigger.credentials?.map((credential) => credential.name)).toEqual(
			node.credentials?.map((credential) => credential.name),
		);
		for (const icon of ['ecgridos.svg', 'ecgridos.dark.svg']) {
			expect(readFileSync(join(REPO_ROOT, 'dist/nodes/EcGridOs', icon), 'utf8')).toMatch(/^<svg/);
		}
		const apiKey = loader.types.credentials.find((type) => type.name === 'ecGridOsApi')!;
		expect(apiKey.properties.find((property) => property.name === 'apiKey')?.typeOptions).toEqual({
			password: true,
		});
		const login = loader.types.credentials.find((type) => type.name === 'ecGridOsLoginApi')!;
		expect(login.properties.find((property) => property.name === 'sessionId')).toMatchObject({
			type: 'hidden',
			typeOptions: { expirable: true },
		});
	});

	it('loads ECGrid EDI without a credential, found by "EDI", "X12", "EDIFACT" and "997"', async () => {
		const loader = new PackageDirectoryLoader(REPO_ROOT);
		await loader.loadAll();
		const edi = loader.types.nodes.find((type) => type.name === 'ecGridEdi')!;
		expect(edi.displayName).toBe('ECGrid EDI');
		expect(edi.credentials ?? []).toEqual([]);
		expect(edi.usableAsTool).toBe(true);
		expect(edi.codex?.alias).toEqual(expect.arrayContaining(['EDI', 'X12', 'EDIFACT', '997']));
		expect(edi.iconUrl).toEqual({
			light: 'icons/n8n-nodes-ecgridos/dist/nodes/EcGridEdi/ecgridedi.svg',
			dark: 'icons/n8n-nodes-ecgridos/dist/nodes/EcGridEdi/ecgridedi.dark.svg',
		});
		for (const icon of ['ecgridedi.svg', 'ecgridedi.dark.svg']) {
			expect(readFileSync(join(REPO_ROOT, 'dist/nodes/EcGridEdi', icon), 'utf8')).toMatch(/^<svg/);
		}
		const operation = edi.properties.find((property) => property.name === 'operation');
		expect(operation?.options?.map((option) => ('value' in option ? option.value : ''))).toEqual([
			'createAcknowledgment',
			'read',
			'readAcknowledgment',
			'write',
		]);
		// Read's two outputs (Valid, Invalid) follow the operation.
		expect(edi.outputs).toEqual(expect.stringContaining('"displayName": "Invalid"'));
	});

	it('warns where a setting can lock a workflow out or leak its key', async () => {
		const loader = new PackageDirectoryLoader(REPO_ROOT);
		await loader.loadAll();
		const { properties } = loader.types.nodes[0];
		const notice = properties.find(
			(property) =>
				property.name === 'destructiveNotice' &&
				property.displayOptions?.show?.resource?.includes('apiKey'),
		);
		expect(notice).toMatchObject({
			type: 'notice',
			displayOptions: { show: { resource: ['apiKey'], operation: ['generate'] } },
		});
		expect(notice?.displayName).toMatch(/key/);
		expect(properties.find((property) => property.name === 'replaceOwnKey')).toMatchObject({
			type: 'boolean',
			default: false,
			displayOptions: { show: { resource: ['apiKey'], operation: ['generate'] } },
		});
		const options = properties.find((property) => property.name === 'options')?.options ?? [];
		const binding = options.find((option) => option.name === 'binding') as INodeProperties;
		const httpGet = binding.options?.find(
			(option) => 'value' in option && option.value === 'httpGet',
		);
		expect(httpGet).toMatchObject({
			name: 'HTTP GET',
			description: expect.stringMatching(/into the URL/),
		});
	});

	it('packs only dist/, package.json, README and LICENSE', () => {
		const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
			cwd: REPO_ROOT,
			encoding: 'utf8',
		});
		const [{ files }] = JSON.parse(output) as Array<{ files: Array<{ path: string }> }>;
		const paths = files.map((file) => file.path);
		expect(paths.filter((path) => !path.startsWith('dist/')).sort()).toEqual([
			'LICENSE',
			'README.md',
			'package.json',
		]);
		expect(paths).toContain('dist/nodes/EcGridOs/EcGridOs.node.js');
		expect(paths).toContain('dist/nodes/EcGridOsTrigger/EcGridOsTrigger.node.js');
		expect(paths).toContain('dist/nodes/EcGridEdi/EcGridEdi.node.js');
		expect(paths).toContain('dist/nodes/shared/edi/read.js');
		expect(paths).toContain('dist/credentials/EcGridOsLoginApi.credentials.js');
		expect(paths.some((path) => path.includes('test/') || path.includes('simulator'))).toBe(false);
	});
});
