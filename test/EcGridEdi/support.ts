import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runWorkflow, type WorkflowJson, type WorkflowRunResult } from '../harness';
import { fileItem } from '../support/operations';

export const EDI_NODE = 'ECGrid EDI';

/** Start → ECGrid EDI with these parameters and node settings. */
export function ediWorkflow(parameters: INodeParameters, settings: IDataObject = {}): WorkflowJson {
	return {
		name: 'ECGrid EDI test',
		nodes: [
			{
				parameters: {},
				id: 'edi-start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
			},
			{
				parameters,
				id: 'edi-node',
				name: EDI_NODE,
				type: 'n8n-nodes-ecgridos.ecGridEdi',
				typeVersion: 1,
				position: [220, 0],
				...settings,
			},
		],
		connections: { Start: { main: [[{ node: EDI_NODE, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		id: 'ecgridEdiTest',
	} as WorkflowJson;
}

/** Start → ECGrid EDI (Read) → ECGrid EDI (Write): Read's valid sets go straight to Write. */
export function readThenWrite(write: INodeParameters): WorkflowJson {
	const workflow = ediWorkflow({ operation: 'read' });
	workflow.nodes.push({
		parameters: write,
		id: 'edi-write',
		name: 'Write',
		type: 'n8n-nodes-ecgridos.ecGridEdi',
		typeVersion: 1,
		position: [440, 0],
	});
	(workflow.connections as IDataObject)['ECGrid EDI'] = {
		main: [[{ node: 'Write', type: 'main', index: 0 }], []],
	};
	return workflow;
}

export interface EdiRun extends WorkflowRunResult {
	/** Each output of the node's run (Read: valid, invalid). */
	outputs: INodeExecutionData[][];
}

/** Runs the node once over these input items. */
export async function runEdi(
	parameters: INodeParameters,
	inputs: INodeExecutionData[],
	options: { settings?: IDataObject; executionId?: string } = {},
): Promise<EdiRun> {
	const result = await runWorkflow(ediWorkflow(parameters, options.settings), {
		inputs,
		executionId: options.executionId,
	});
	const runs = result.run.data.resultData.runData[EDI_NODE] ?? [];
	const outputs = (runs[runs.length - 1]?.data?.main ?? []).map((output) => output ?? []);
	return Object.assign(result, { outputs });
}

export { fileItem };
