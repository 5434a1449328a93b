import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

/**
 * Stand-in for n8n-nodes-base.if 2.x: items whose conditions hold go to the first output (true),
 * the others to the second (false). The conditions are evaluated by n8n-core itself (a `filter`
 * parameter read with `extractValue`), as the real node does.
 */
export class IfStandIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'If (harness)',
		name: 'if',
		group: ['transform'],
		version: [2, 2.1, 2.2],
		description: 'Routes items by a condition',
		defaults: { name: 'If' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['true', 'false'],
		properties: [
			{ displayName: 'Conditions', name: 'conditions', type: 'filter', default: {} },
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				default: {},
				options: [],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const passed: INodeExecutionData[] = [];
		const failed: INodeExecutionData[] = [];
		this.getInputData().forEach((item, itemIndex) => {
			const holds = this.getNodeParameter('conditions', itemIndex, false, {
				extractValue: true,
			}) as boolean;
			(holds ? passed : failed).push({ ...item, pairedItem: { item: itemIndex } });
		});
		return [passed, failed];
	}
}
