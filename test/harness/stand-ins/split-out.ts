import { deepCopy, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

/**
 * Stand-in for n8n-nodes-base.splitOut 1: one top-level field, include "noOtherFields" or
 * "allOtherFields", optional destination field name, Include Binary (the input item's binary
 * data on every new item, as n8n puts it there). Object elements become the item (when no
 * destination is named), anything else lands under the field's name, as in n8n.
 */
export class SplitOutStandIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Split Out (harness)',
		name: 'splitOut',
		group: ['transform'],
		version: 1,
		description: 'Turns a list inside each item into separate items',
		defaults: { name: 'Split Out' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Fields To Split Out',
				name: 'fieldToSplitOut',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Include',
				name: 'include',
				type: 'string',
				default: 'noOtherFields',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				default: {},
				options: [
					{
						displayName: 'Destination Field Name',
						name: 'destinationFieldName',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Include Binary',
						name: 'includeBinary',
						type: 'boolean',
						default: false,
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output: INodeExecutionData[] = [];
		this.getInputData().forEach((item, itemIndex) => {
			const field = (this.getNodeParameter('fieldToSplitOut', itemIndex) as string)
				.trim()
				.replace(/^\$json\./, '');
			const include = this.getNodeParameter('include', itemIndex) as string;
			const includeBinary = this.getNodeParameter('options.includeBinary', itemIndex, false);
			const destination = (
				this.getNodeParameter('options.destinationFieldName', itemIndex, '') as string
			).trim();
			if (include !== 'noOtherFields' && include !== 'allOtherFields') {
				throw new NodeOperationError(
					this.getNode(),
					`The harness Split Out does not support include "${include}"`,
				);
			}
			// Like the real node (dot notation on by default), `a.b` reaches into nested objects.
			const value = field
				.split('.')
				.reduce<unknown>((parent, key) => (parent as IDataObject | undefined)?.[key], item.json);
			const elements: unknown[] = Array.isArray(value)
				? value
				: value === undefined
					? []
					: typeof value === 'object' && value !== null
						? Object.values(value)
						: [value];
			// The real node unsets the field, a nested one too, from a deep copy of the item.
			const others = deepCopy(item.json);
			const path = field.split('.');
			const parent = path
				.slice(0, -1)
				.reduce<unknown>((object, key) => (object as IDataObject | undefined)?.[key], others);
			if (typeof parent === 'object' && parent !== null)
				delete (parent as IDataObject)[path[path.length - 1]];
			for (const element of elements) {
				const isObject = typeof element === 'object' && element !== null;
				const split: IDataObject =
					isObject && destination === '' && include === 'noOtherFields'
						? { ...(element as IDataObject) }
						: { [destination || field]: element as IDataObject[string] };
				output.push({
					json: include === 'allOtherFields' ? { ...others, ...split } : split,
					...(includeBinary && item.binary ? { binary: item.binary } : {}),
					pairedItem: { item: itemIndex },
				});
			}
		});
		return [output];
	}
}
