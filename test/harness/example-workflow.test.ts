import { join } from 'node:path';

import { loadWorkflowFile, runWorkflow, type HarnessCredential } from './index';
import { DEMO_USERS, startSimulator, type Simulator } from '../../simulator';

// Runs the shipped example against the built node (dist/): `npm run build` first.
const EXAMPLE = join(__dirname, '..', '..', 'examples', 'generate-api-keys.workflow.json');
const ADMIN_KEY = DEMO_USERS.find((user) => user.userId === 1001)?.apiKey ?? '';

describe('examples/generate-api-keys.workflow.json', () => {
	let simulator: Simulator;
	let credential: HarnessCredential;

	beforeEach(async () => {
		simulator = await startSimulator({ port: 0 });
		credential = {
			id: 'ecgridosDemoKey',
			name: 'ECGridOS demo key',
			type: 'ecGridOsApi',
			data: { apiKey: ADMIN_KEY, baseUrl: simulator.url },
		};
	});
	afterEach(async () => await simulator.close());

	it('generates keys for the users in scope and reports the one outside it', async () => {
		const result = await runWorkflow(loadWorkflowFile(EXAMPLE), { credentials: [credential] });

		expect(result.error).toBeUndefined();
		const output = result.outputOf('Generate API Key');
		expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(output.slice(0, 3).map((item) => item.json)).toEqual(
			[1002, 1003, 1004].map((userId) => ({ userId, apiKey: simulator.world.apiKeyOf(userId) })),
		);
		expect(output[3].json.error).toEqual(expect.any(String));
		expect(simulator.requests.map((request) => [request.binding, request.operation])).toEqual(
			Array(4).fill(['soap11', 'GenerateAPIKey']),
		);
	});

	it('never puts the credential key into the run data, errors included', async () => {
		const result = await runWorkflow(loadWorkflowFile(EXAMPLE), { credentials: [credential] });

		expect(JSON.stringify(result.run)).not.toContain(ADMIN_KEY);
	});
});
