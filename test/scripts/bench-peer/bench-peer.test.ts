import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parseTimeReport } from '../../../scripts/bench-peer/measure';
import {
	chainWorkflow,
	nodeWorkflow,
	trivialWorkflow,
} from '../../../scripts/bench-peer/workflows';

const KEY = '0a1b2c3d-0000-4e5f-8a9b-0c1d2e3f4a5b';
/** The SessionID the golden fixture carries (not a GUID, so the chain would refuse it). */
const FIXTURE_SESSION = '0A1B2C3D-FAKE-4E5F-8A9B-0C1D2E3F4A5B';

function nodeNamed(workflow: ReturnType<typeof chainWorkflow>, name: string) {
	const node = workflow.nodes.find((candidate) => candidate.name === name);
	if (!node) throw new Error(`no node ${name}`);
	return node;
}

describe('bench:peer workflows', () => {
	it("posts the same SOAP 1.1 envelope as the node's golden request", () => {
		const fixture = readFileSync(
			join(__dirname, '../../fixtures/GenerateAPIKey__returns_new_key/request.soap11.http'),
			'utf8',
		);
		const goldenBody = fixture.slice(fixture.indexOf('\n\n') + 2).trim();
		const http = nodeNamed(chainWorkflow(10, 8, 'http://127.0.0.1:1/x', KEY), 'HTTP Request');
		const body = String(http.parameters?.body)
			.replace(/^=/, '')
			.replace('{{ $json.userId }}', '1003')
			.replace(KEY, FIXTURE_SESSION);
		expect(body).toBe(goldenBody);
		const headers = (http.parameters?.headerParameters as { parameters: unknown[] }).parameters;
		expect(headers).toEqual([
			{ name: 'SOAPAction', value: '"https://os.ecgrid.io/GenerateAPIKey"' },
		]);
		expect(http.parameters?.options).toEqual({
			batching: { batch: { batchSize: 8, batchInterval: 1 } },
		});
	});

	it('refuses a key that is not a GUID rather than put it in an expression', () => {
		expect(() => chainWorkflow(1, 1, 'http://127.0.0.1:1/x', "x' }}<a>")).toThrow(/not a GUID/);
	});

	it('links every node to the next and asks the node for the concurrency given', () => {
		const node = nodeWorkflow(5000, 8);
		const names = node.nodes.map((n) => n.name);
		expect(names).toEqual(['Start', 'User IDs', 'One Item per User', 'Generate API Key']);
		for (let i = 0; i + 1 < names.length; i++) {
			expect(node.connections[names[i]].main?.[0]?.[0]?.node).toBe(names[i + 1]);
		}
		expect(nodeNamed(node, 'Generate API Key').parameters?.options).toEqual({ concurrency: 8 });
		expect(nodeNamed(node, 'User IDs').parameters?.jsonOutput).toContain('length: 5000');
		expect(trivialWorkflow().nodes.map((n) => n.name)).toEqual(['Start', 'Nothing']);
	});
});

describe('parseTimeReport', () => {
	it("reads GNU time's user, system and max RSS", () => {
		expect(parseTimeReport('1.25 0.50 409600\n')).toEqual({ cpuSeconds: 1.75, maxRssMb: 400 });
	});

	it('takes the last line (GNU time puts "Command exited…" notes before it)', () => {
		const report = 'Command exited with non-zero status 1\n2.00 1.00 1024\n';
		expect(parseTimeReport(report)).toEqual({ cpuSeconds: 3, maxRssMb: 1 });
	});

	it('refuses a report it cannot read', () => {
		expect(() => parseTimeReport('garbage')).toThrow(/unreadable GNU time report/);
	});
});
