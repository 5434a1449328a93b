import { join } from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DEMO_USERS, startSimulator, type Simulator, type SimulatorOptions } from '../../simulator';
import {
	CredentialStore,
	loadWorkflowFile,
	runWorkflow,
	type HarnessCredential,
	type WorkflowJson,
	type WorkflowRunResult,
} from '../harness';

export const NODE_NAME = 'ECGridOS';

export const demoUser = (loginName: string) => {
	const user = DEMO_USERS.find((candidate) => candidate.loginName === loginName);
	if (!user) throw new Error(`No demo user ${loginName}`);
	return user;
};

/** The network admin's key as the simulator seeds it; tests search every error for it. */
export const ADMIN = demoUser('net.admin');

export function apiKeyCredential(simulator: Simulator, apiKey: string): HarnessCredential {
	return {
		id: 'apiKeyCredential',
		name: 'ECGridOS API key',
		type: 'ecGridOsApi',
		data: { apiKey, baseUrl: simulator.url },
	};
}

export function loginCredential(
	simulator: Simulator,
	loginName: string,
	password: string,
): HarnessCredential {
	return {
		id: 'loginCredential',
		name: 'ECGridOS login',
		type: 'ecGridOsLoginApi',
		data: { loginName, password, baseUrl: simulator.url },
	};
}

/** The test workflow with the ECGridOS node's parameters (and node settings) changed. */
export function generateWorkflow(
	parameters: INodeParameters = {},
	settings: IDataObject = {},
): WorkflowJson {
	const workflow = loadWorkflowFile(
		join(__dirname, '..', 'workflows', 'generate-api-key.workflow.json'),
	);
	const node = workflow.nodes.find((candidate) => candidate.name === NODE_NAME)!;
	Object.assign(node, settings, { parameters: { ...node.parameters, ...parameters } });
	return workflow;
}

export interface TestRun extends WorkflowRunResult {
	items: IDataObject[];
}

export async function run(
	workflow: WorkflowJson,
	items: IDataObject[],
	credentials: CredentialStore | HarnessCredential[],
): Promise<TestRun> {
	const options =
		credentials instanceof CredentialStore ? { credentialStore: credentials } : { credentials };
	const result = await runWorkflow(workflow, { ...options, items });
	const items_ = result.error ? [] : result.outputOf(NODE_NAME).map((item) => item.json);
	return Object.assign(result, { items: items_ });
}

/** Everything a user could see of a run: output items, the run error, its description. */
export function visibleText(result: WorkflowRunResult): string {
	const runData = result.run.data.resultData.runData[NODE_NAME] ?? [];
	return JSON.stringify({ runData, error: result.error });
}

/** Starts a simulator per test file and closes it after; `sim()` gives the current one. */
export function useSimulator(options: SimulatorOptions = {}): () => Simulator {
	let simulator: Simulator | undefined;
	beforeEach(async () => {
		simulator = await startSimulator({ port: 0, ...options });
	});
	afterEach(async () => {
		await simulator?.close();
		simulator = undefined;
	});
	return () => simulator!;
}

export function requestsFor(simulator: Simulator, operation: string) {
	return simulator.requests.filter((request) => request.operation === operation);
}
