import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

interface Assignment {
	name: string;
	value: unknown;
	type?: 'string' | 'number' | 'boolean' | 'array' | 'object';
}

/**
 * Stand-in for n8n-nodes-base.set (Edit Fields) 3.3/3.4 in mode "manual": each assignment sets one
 * top-level field (no dot notation), converted to its declared type like n8n does; expressions
 * in values are resolved by n8n-core as usual. Other modes are refused rather than faked.
 */
export class SetStandIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Edit Fields (harness)',
		name: 'set',
		group: ['input'],
		version: [3.3, 3.4],
		description: 'Sets fields on each item',
		defaults: { name: 'Edit Fields' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Mode', name: 'mode', type: 'hidden', default: 'manual' },
			{
				displayName: 'Include Other Input Fields',
				name: 'includeOtherFields',
				type: 'boolean',
				default: false,
			},
			{
				displayName: 'Fields to Set',
				name: 'assignments',
				type: 'assignmentCollection',
				default: {},
			},
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
		const items = this.getInputData();
		if (this.getNodeParameter('mode', 0) !== 'manual') {
			throw new NodeOperationError(
				this.getNode(),
				'The harness Edit Fields supports mode "manual" only',
			);
		}
		return [
			items.map((item, itemIndex) => {
				const assignments = this.getNodeParameter(
					'assignments.assignments',
					itemIndex,
					[],
				) as Assignment[];
				const keepOthers = this.getNodeParameter('includeOtherFields', itemIndex) as boolean;
				const json: IDataObject = keepOthers ? { ...item.json } : {};
				for (const { name, value, type } of assignments) {
					json[name] = convertAssignment.call(this, { name, value, type }, itemIndex);
				}
				return { json, pairedItem: { item: itemIndex } };
			}),
		];
	}
}

/** Converts an assignment's value to its declared type; n8n's Edit Fields refuses what does not fit. */
function convertAssignment(
	this: IExecuteFunctions,
	{ name, value, type }: Assignment,
	itemIndex: number,
): IDataObject[string] {
	const fail = (): never => {
		throw new NodeOperationError(
			this.getNode(),
			`'${name}' expects a ${type} but got '${String(value)}'`,
			{ itemIndex },
		);
	};
	switch (type) {
		case 'number': {
			const number = typeof value === 'string' && value.trim() === '' ? NaN : Number(value);
			return Number.isNaN(number) ? fail() : number;
		}
		case 'boolean':
			return value === true || value === 'true'
				? true
				: value === false || value === 'false'
					? false
					: fail();
		case 'array':
		case 'object': {
			const parsed = typeof value === 'string' ? parseJson(value) : value;
			const ok =
				type === 'array'
					? Array.isArray(parsed)
					: typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
			return ok ? (parsed as IDataObject[string]) : fail();
		}
		default:
			return value === undefined || value === null ? '' : String(value);
	}
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}
