import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readEdi, readItems, type SplitBy } from '../../shared/edi';
import { contentOf } from './input';

export const readProperties: INodeProperties[] = [
	{
		displayName: 'Output One Item Per',
		name: 'splitBy',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { operation: ['read'] } },
		options: [
			{ name: 'Transaction Set / Message', value: 'set' },
			{ name: 'Functional Group', value: 'group' },
			{ name: 'Interchange', value: 'interchange' },
		],
		default: 'set',
		description: 'How to split a file into items; each item carries its envelope context',
	},
	{
		displayName: 'Options',
		name: 'readOptions',
		type: 'collection',
		placeholder: 'Add Option',
		displayOptions: { show: { operation: ['read'] } },
		default: {},
		options: [
			{
				displayName: 'Validate Structure',
				name: 'validateStructure',
				type: 'boolean',
				default: true,
				description:
					'Whether to check the segments of known transaction sets and messages (order, repeats, mandatory segments and elements); envelopes are always checked',
			},
		],
	},
];

/** Read: one item per set (group, interchange) to Valid or Invalid, paired to the input item. */
export async function read(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<[INodeExecutionData[], INodeExecutionData[]]> {
	const content = await contentOf(this, itemIndex);
	const splitBy = this.getNodeParameter('splitBy', itemIndex, 'set') as SplitBy;
	const { validateStructure = true } = this.getNodeParameter('readOptions', itemIndex, {}) as {
		validateStructure?: boolean;
	};
	const valid: INodeExecutionData[] = [];
	const invalid: INodeExecutionData[] = [];
	for (const json of readItems(readEdi(content, { validateStructure }), splitBy)) {
		(json.valid ? valid : invalid).push({
			json: json as INodeExecutionData['json'],
			pairedItem: { item: itemIndex },
		});
	}
	return [valid, invalid];
}
