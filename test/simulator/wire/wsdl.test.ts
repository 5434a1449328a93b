import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { OPERATIONS } from '../../../nodes/EcGridOs/soap/wsdl/operations.generated';
import { parseDocument } from '../client';
import type { Node } from '../client';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());

const named = (node: Node, local: string) => node.children.filter((c) => c.local === local);

test('GET ?WSDL serves a WSDL 1.1 document with 221 operations in each of the four bindings', async () => {
	const reply = await fetch(`${sim.url}?WSDL`);
	expect(reply.status).toBe(200);
	expect(reply.headers.get('content-type')).toMatch(/^text\/xml/);
	const wsdl = await parseDocument(await reply.text());
	expect([wsdl.local, wsdl.uri]).toEqual(['definitions', 'http://schemas.xmlsoap.org/wsdl/']);

	const bindings = named(wsdl, 'binding');
	expect(bindings.map((b) => b.attributes.name)).toEqual([
		'ECGridOS_x0020_API_x0020_v4Soap',
		'ECGridOS_x0020_API_x0020_v4Soap12',
		'ECGridOS_x0020_API_x0020_v4HttpGet',
		'ECGridOS_x0020_API_x0020_v4HttpPost',
	]);
	const names = Object.keys(OPERATIONS).sort();
	for (const binding of bindings) {
		const operations = named(binding, 'operation').map((o) => o.attributes.name);
		expect(operations.sort()).toEqual(names);
	}
	expect(named(wsdl, 'portType').map((p) => named(p, 'operation').length)).toEqual([221, 221, 221]);
	expect(named(wsdl, 'message')).toHaveLength(221 * 6);

	const soap = bindings[0].children.find(
		(c) => c.local === 'operation' && c.attributes.name === 'Login',
	)!;
	expect(soap.children[0].attributes.soapAction).toBe('https://os.ecgrid.io/Login');
	const port = named(named(wsdl, 'service')[0], 'port')[0];
	expect(port.children[0].attributes.location).toBe(sim.url);
});

test('the schema declares every operation wrapper, complex type and enum of the metadata', async () => {
	const wsdl = await parseDocument(await (await fetch(`${sim.url}?wsdl`)).text());
	const schema = named(wsdl, 'types')[0].children[0];
	const elements = new Set(named(schema, 'element').map((e) => e.attributes.name));
	for (const name of Object.keys(OPERATIONS)) {
		expect(elements.has(name) && elements.has(`${name}Response`)).toBe(true);
	}
	const login = named(schema, 'element').find((e) => e.attributes.name === 'Login')!;
	const parameters = login.children[0].children[0].children.map((c) => c.attributes.name);
	expect(parameters).toEqual(['LoginName', 'Password']);
	const status = named(schema, 'simpleType').find((t) => t.attributes.name === 'ParcelStatus')!;
	expect(status.children[0].children.map((e) => e.attributes.value)).toContain('InBoxTransferred');
	expect(elements.has('DataSet')).toBe(true);
});

test('the repository’s own generator reads the served WSDL back into the same metadata', async () => {
	const repo = resolve(__dirname, '..', '..', '..');
	const dir = mkdtempSync(join(tmpdir(), 'ecgridos-wsdl-'));
	try {
		writeFileSync(join(dir, 'served.wsdl'), await (await fetch(`${sim.url}?WSDL`)).text());
		execFileSync(
			process.execPath,
			[
				'--import',
				'tsx',
				'scripts/generate-operations.ts',
				join(dir, 'served.wsdl'),
				join(dir, 'out.ts'),
			],
			{ cwd: repo },
		);
		// Line 2 names the WSDL's build, which only Loren Data's documentation carries.
		const body = (text: string) => text.split('\n').slice(2).join('\n');
		const committed = readFileSync(
			join(repo, 'nodes/EcGridOs/soap/wsdl/operations.generated.ts'),
			'utf8',
		);
		expect(body(readFileSync(join(dir, 'out.ts'), 'utf8'))).toBe(body(committed));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
