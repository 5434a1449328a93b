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

/**
 * One interchange of `count` 850s, each rejected (no BEG05, no PO1 loop): more than a spread
 * (`push(...lines)`) takes as arguments, in items, acknowledgment lines and errors alike.
 */
export function manyRejectedOrders(count: number): string {
	const isa =
		'ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*GLOBEXRETAIL   *261207*1200*U*00401*000000501*0*P*>~';
	const sets: string[] = [];
	for (let index = 1; index <= count; index++) {
		const number = String(index).padStart(9, '0');
		sets.push(`ST*850*${number}~BEG*00*SA*PO-${index}~SE*3*${number}~`);
	}
	return `${isa}GS*PO*ACMESUPPLY*GLOBEXRETAIL*20261207*1200*1*X*004010~${sets.join('')}GE*${count}*1~IEA*1*000000501~`;
}

/** The same in EDIFACT: `count` ORDERS whose UNT01 miscounts their segments. */
export function manyMiscountedEdifactOrders(count: number): string {
	const messages: string[] = [];
	for (let index = 1; index <= count; index++)
		messages.push(`UNH+${index}+ORDERS:D:96A:UN'BGM+220+PO-${index}+9'UNT+9+${index}'`);
	return `UNB+UNOC:3+ACMESUPPLY:ZZ+GLOBEXRETAIL:ZZ+261207:1200+EF0501'${messages.join('')}UNZ+${count}+EF0501'`;
}
