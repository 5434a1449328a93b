import { join } from 'node:path';
import type { INode, IDataObject } from 'n8n-workflow';

import {
	CredentialStore,
	loadPackage,
	runWorkflow,
	testCredential,
	type HarnessCredential,
	type NodePackage,
	type WorkflowJson,
} from './index';
import { GOOD_KEY, startEchoServer, type EchoServer } from './fixtures/echo-server';

const fixturePackage: NodePackage = loadPackage(join(__dirname, 'fixtures'));

/** Manual Trigger → Harness Echo, as n8n's editor would export it. */
function echoWorkflow(echo: Partial<INode> & { parameters?: IDataObject }): WorkflowJson {
	return {
		name: 'Echo',
		nodes: [
			{
				id: '1',
				name: 'When clicking ‘Execute workflow’',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: '2',
				name: 'Echo',
				type: 'n8n-nodes-harness-fixture.harnessEcho',
				typeVersion: 1,
				position: [200, 0],
				credentials: { harnessEchoApi: { id: 'cred-key', name: 'Echo key' } },
				...echo,
				parameters: { value: '={{ $json.value }}', ...echo.parameters },
			},
		],
		connections: {
			'When clicking ‘Execute workflow’': {
				main: [[{ node: 'Echo', type: 'main', index: 0 }]],
			},
		},
	};
}

describe('workflow harness', () => {
	let server: EchoServer;
	let keyCredential: HarnessCredential;
	let sessionCredential: HarnessCredential;

	beforeEach(async () => {
		server = await startEchoServer();
		keyCredential = {
			id: 'cred-key',
			name: 'Echo key',
			type: 'harnessEchoApi',
			data: { apiKey: GOOD_KEY, baseUrl: server.url, stray: 'not declared' },
		};
		sessionCredential = {
			id: 'cred-session',
			name: 'Echo session',
			type: 'harnessSessionApi',
			data: { user: 'harness', password: 'pw', baseUrl: server.url },
		};
	});
	afterEach(async () => await server.close());

	it('sends real HTTP requests with the credential function authenticate applied', async () => {
		const result = await runWorkflow(echoWorkflow({}), {
			nodePackage: fixturePackage,
			credentials: [keyCredential],
			items: [{ value: 1 }, { value: 2 }],
		});

		expect(result.error).toBeUndefined();
		expect(result.outputOf('Echo').map((item) => item.json.echoed)).toEqual([1, 2]);
		const echoes = server.requests.filter((request) => request.path === '/echo');
		expect(echoes.map((request) => JSON.parse(request.body))).toEqual([{ value: 1 }, { value: 2 }]);
		expect(echoes.every((request) => request.headers['x-api-key'] === GOOD_KEY)).toBe(true);
	});

	it('hands the node declared defaults and drops undeclared fields', async () => {
		const result = await runWorkflow(echoWorkflow({}), {
			nodePackage: fixturePackage,
			credentials: [keyCredential],
		});

		const [item] = result.outputOf('Echo');
		expect(item.json.credentialFields).toEqual(['apiKey', 'baseUrl', 'greeting']);
		expect(item.json.greeting).toBe('hello');
	});

	it('accepts the CUSTOM.<name> node type of a custom-folder install', async () => {
		const result = await runWorkflow(echoWorkflow({ type: 'CUSTOM.harnessEcho' }), {
			nodePackage: fixturePackage,
			credentials: [keyCredential],
		});

		expect(result.outputOf('Echo')).toHaveLength(1);
	});

	it('runs preAuthentication once, stores the token and reuses it on the next run', async () => {
		const store = new CredentialStore([sessionCredential]);
		const workflow = echoWorkflow({
			parameters: { authentication: 'session' },
			credentials: {
				harnessSessionApi: { id: 'cred-session', name: 'Echo session' },
			},
		});

		await runWorkflow(workflow, {
			nodePackage: fixturePackage,
			credentialStore: store,
			items: [{ value: 1 }, { value: 2 }, { value: 3 }],
		});
		const second = await runWorkflow(workflow, {
			nodePackage: fixturePackage,
			credentialStore: store,
		});

		expect(second.error).toBeUndefined();
		expect(server.logins).toBe(1);
		expect(store.updates).toEqual([
			{
				id: 'cred-session',
				type: 'harnessSessionApi',
				data: expect.objectContaining({
					sessionToken: 'token-1',
					user: 'harness',
				}),
			},
		]);
		const echoes = server.requests.filter((request) => request.path === '/echo');
		expect(echoes.map((request) => request.headers.authorization)).toEqual(
			Array(4).fill('Session token-1'),
		);
	});

	it('logs in again after a 401 and stores the new token', async () => {
		const store = new CredentialStore([
			{
				...sessionCredential,
				data: { ...sessionCredential.data, sessionToken: 'stale' },
			},
		]);
		const workflow = echoWorkflow({
			parameters: { authentication: 'session' },
			credentials: {
				harnessSessionApi: { id: 'cred-session', name: 'Echo session' },
			},
		});

		const result = await runWorkflow(workflow, {
			nodePackage: fixturePackage,
			credentialStore: store,
		});

		expect(result.error).toBeUndefined();
		expect(server.logins).toBe(1);
		expect(store.updates.map((update) => update.data.sessionToken)).toEqual(['token-1']);
	});

	it('with Continue On Fail, turns a failed item into an error item paired to its input', async () => {
		const result = await runWorkflow(echoWorkflow({ onError: 'continueRegularOutput' }), {
			nodePackage: fixturePackage,
			credentials: [keyCredential],
			items: [{ value: 1 }, { value: 13 }, { value: 3 }],
		});

		expect(result.error).toBeUndefined();
		const output = result.outputOf('Echo');
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.echoed).toBe(1);
		expect(output[1].json.error).toEqual(expect.any(String));
		expect(output[2].json.echoed).toBe(3);
	});

	it('without Continue On Fail, fails the run and names the failing node', async () => {
		const result = await runWorkflow(echoWorkflow({}), {
			nodePackage: fixturePackage,
			credentials: [keyCredential],
			items: [{ value: 13 }],
		});

		expect(result.error).toMatchObject({
			node: expect.objectContaining({ name: 'Echo' }),
		});
		expect(() => result.outputOf('Missing node')).toThrow('did not run');
	});

	it('runs the Edit Fields and Split Out stand-ins like n8n', async () => {
		const workflow = echoWorkflow({});
		workflow.nodes.splice(1, 0, {
			id: '3',
			name: 'Edit Fields',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [100, 0],
			parameters: {
				assignments: {
					assignments: [
						{
							id: 'a',
							name: 'value',
							value: '={{ [5, 6, 7] }}',
							type: 'array',
						},
						{ id: 'b', name: 'label', value: '=n{{ 1 + 1 }}', type: 'string' },
					],
				},
				options: {},
			},
		});
		workflow.nodes.splice(2, 0, {
			id: '4',
			name: 'Split Out',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [150, 0],
			parameters: {
				fieldToSplitOut: 'value',
				include: 'allOtherFields',
				options: {},
			},
		});
		workflow.connections = {
			'When clicking ‘Execute workflow’': {
				main: [[{ node: 'Edit Fields', type: 'main', index: 0 }]],
			},
			'Edit Fields': {
				main: [[{ node: 'Split Out', type: 'main', index: 0 }]],
			},
			'Split Out': { main: [[{ node: 'Echo', type: 'main', index: 0 }]] },
		};

		const result = await runWorkflow(workflow, {
			nodePackage: fixturePackage,
			credentials: [keyCredential],
		});

		expect(result.error).toBeUndefined();
		expect(result.outputOf('Split Out').map((item) => item.json)).toEqual([
			{ label: 'n2', value: 5 },
			{ label: 'n2', value: 6 },
			{ label: 'n2', value: 7 },
		]);
		expect(result.outputOf('Echo').map((item) => item.json.echoed)).toEqual([5, 6, 7]);
	});

	it('tests a credential through the node testedBy method with real HTTP', async () => {
		const good = await testCredential(keyCredential, {
			nodePackage: fixturePackage,
		});
		const bad = await testCredential(
			{ ...keyCredential, data: { ...keyCredential.data, apiKey: 'wrong' } },
			{ nodePackage: fixturePackage },
		);

		expect(good).toEqual({ status: 'OK', message: 'Connection successful' });
		expect(bad.status).toBe('Error');
		expect(server.requests.filter((request) => request.path === '/whoami')).toHaveLength(2);
	});
});
