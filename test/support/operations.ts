import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { Simulator } from '../../simulator';
import { runWorkflow, type HarnessCredential, type WorkflowJson } from '../harness';
import { apiKeyCredential, demoUser, NODE_NAME, type TestRun } from './workflows';

/** The user with every right in the demo world: scope never gets in the way. */
export const ROOT = demoUser('root.ops');

/** Start → ECGridOS (version 2) with these parameters and node settings. */
export function operationWorkflow(
	parameters: INodeParameters,
	settings: IDataObject = {},
): WorkflowJson {
	return {
		name: 'ECGridOS test: one operation',
		nodes: [
			{
				parameters: {},
				id: 'op-start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
			},
			{
				parameters,
				id: 'op-node',
				name: NODE_NAME,
				type: 'n8n-nodes-ecgridos.ecGridOs',
				typeVersion: 2,
				position: [220, 0],
				credentials: {
					ecGridOsApi: { id: 'apiKeyCredential', name: 'ECGridOS API key' },
					ecGridOsLoginApi: { id: 'loginCredential', name: 'ECGridOS login' },
				},
				...settings,
			},
		],
		connections: { Start: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		id: 'ecgridosTestOperation',
	} as WorkflowJson;
}

/** A resource locator value "By ID". */
export const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });

/** An input item holding a file in its `data` binary property. */
export function fileItem(content: Buffer, fileName = 'file.edi', json: IDataObject = {}) {
	return {
		json,
		binary: {
			data: { data: content.toString('base64'), mimeType: 'application/octet-stream', fileName },
		},
	} satisfies INodeExecutionData;
}

export interface OperationRun extends TestRun {
	outputs: INodeExecutionData[];
}

/** Runs one ECGridOS operation as the root user (or another credential) over the items given. */
export async function runOperation(
	simulator: Simulator,
	parameters: INodeParameters,
	inputs: INodeExecutionData[] = [{ json: {} }],
	{
		credential = apiKeyCredential(simulator, simulator.world.apiKeyOf(ROOT.userId)!),
		settings = {},
	}: { credential?: HarnessCredential; settings?: IDataObject } = {},
): Promise<OperationRun> {
	const result = await runWorkflow(operationWorkflow(parameters, settings), {
		credentials: [credential],
		inputs,
	});
	const outputs = result.error ? [] : result.outputOf(NODE_NAME);
	return Object.assign(result, { outputs, items: outputs.map((item) => item.json) });
}
