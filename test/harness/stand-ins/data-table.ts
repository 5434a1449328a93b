import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import {
	DataTableError,
	toJson,
	type DataTableStore,
	type RowCondition,
	type RowFilter,
} from '../data-tables';

interface Condition {
	keyName: string;
	condition?: RowCondition['condition'] | 'isTrue' | 'isFalse';
	keyValue?: unknown;
}

/** The operations that pass the input item on when a row matches (or does not). */
const EXISTS = { rowExists: true, rowNotExists: false } as const;

/**
 * Stand-in for n8n-nodes-base.dataTable 1.1, resource "row": Insert, Get, Update, Upsert, Delete,
 * If Row Exists, If Row Does Not Exist, with the node's own parameters (table by name or id,
 * columns "defineBelow" or "autoMapInputData", conditions with Must Match any/all) over the
 * harness's in-memory tables. As in n8n, If Row (Does Not) Exist compare for equality only (the
 * node hides the condition there), and Update/Upsert/Delete need a condition.
 */
const DESCRIPTION: INodeTypeDescription = {
	displayName: 'Data Table (harness)',
	name: 'dataTable',
	group: ['input', 'transform'],
	version: [1, 1.1],
	description: 'Rows in the harness tables',
	defaults: { name: 'Data table' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	properties: [
		{ displayName: 'Resource', name: 'resource', type: 'hidden', default: 'row' },
		{ displayName: 'Operation', name: 'operation', type: 'string', default: 'insert' },
		{
			displayName: 'Data Table',
			name: 'dataTableId',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			modes: [
				{ displayName: 'From List', name: 'list', type: 'string' },
				{ displayName: 'By Name', name: 'name', type: 'string' },
				{ displayName: 'ID', name: 'id', type: 'string' },
			],
		},
		{
			displayName: 'Columns',
			name: 'columns',
			type: 'resourceMapper',
			default: { mappingMode: 'defineBelow', value: null },
			typeOptions: {
				resourceMapper: { resourceMapperMethod: 'none', mode: 'add' },
			},
		},
		{ displayName: 'Must Match', name: 'matchType', type: 'string', default: 'anyCondition' },
		{
			displayName: 'Conditions',
			name: 'filters',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			options: [
				{
					displayName: 'Conditions',
					name: 'conditions',
					values: [
						{ displayName: 'Column', name: 'keyName', type: 'string', default: 'id' },
						{ displayName: 'Condition', name: 'condition', type: 'string', default: 'eq' },
						{ displayName: 'Value', name: 'keyValue', type: 'string', default: '' },
					],
				},
			],
		},
		{ displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false },
		{ displayName: 'Limit', name: 'limit', type: 'number', default: 50 },
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			default: {},
			options: [],
		},
	],
};

/** The stand-in over `store`: every run of the workflow sees the same tables. */
export function createDataTableStandIn(store: DataTableStore): INodeType {
	return {
		description: DESCRIPTION,
		async execute(this: IExecuteFunctions) {
			return [runRows(this, store)];
		},
	};
}

function runRows(context: IExecuteFunctions, store: DataTableStore): INodeExecutionData[] {
	const output: INodeExecutionData[] = [];
	const items = context.getInputData();
	const operation = context.getNodeParameter('operation', 0) as string;
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const rows = runRow(context, store, operation, itemIndex);
			if (rows === 'pass') output.push({ ...items[itemIndex], pairedItem: { item: itemIndex } });
			else output.push(...rows.map((json) => ({ json, pairedItem: { item: itemIndex } })));
		} catch (error) {
			const failure =
				error instanceof DataTableError
					? new NodeOperationError(context.getNode(), error.message, { itemIndex })
					: error;
			if (!context.continueOnFail()) throw failure;
			output.push({ json: { error: (failure as Error).message }, pairedItem: { item: itemIndex } });
		}
	}
	return output;
}

function runRow(
	context: IExecuteFunctions,
	store: DataTableStore,
	operation: string,
	itemIndex: number,
): IDataObject[] | 'pass' {
	const locator = context.getNodeParameter('dataTableId', itemIndex) as {
		mode: string;
		value: string;
	};
	const table = locator.mode === 'name' ? store.byName(locator.value) : store.byId(locator.value);
	const filter = () => filterOf(context, itemIndex, operation in EXISTS);
	const data = () => dataOf(context, itemIndex);
	switch (operation) {
		case 'insert':
			return [toJson(table.insert(data()))];
		case 'get': {
			const rows = table.select(filter()).map(toJson);
			const returnAll = context.getNodeParameter('returnAll', itemIndex) as boolean;
			return returnAll
				? rows
				: rows.slice(0, context.getNodeParameter('limit', itemIndex) as number);
		}
		case 'update':
			return table.update(required(context, filter()), data()).map(toJson);
		case 'upsert': {
			const updated = table.update(required(context, filter()), data());
			return (updated.length > 0 ? updated : [table.insert(data())]).map(toJson);
		}
		case 'deleteRows':
			return table.remove(required(context, filter())).map(toJson);
		case 'rowExists':
		case 'rowNotExists': {
			const found = table.select(required(context, filter())).length > 0;
			return found === EXISTS[operation] ? 'pass' : [];
		}
		default:
			throw new NodeOperationError(
				context.getNode(),
				`The harness Data Table does not support operation "${operation}"`,
			);
	}
}

function required(context: IExecuteFunctions, filter: RowFilter): RowFilter {
	if (filter.filters.length === 0)
		throw new NodeOperationError(context.getNode(), 'At least one condition is required');
	return filter;
}

function filterOf(context: IExecuteFunctions, itemIndex: number, equalityOnly: boolean): RowFilter {
	const conditions = context.getNodeParameter('filters.conditions', itemIndex, []) as Condition[];
	const matchType = context.getNodeParameter('matchType', itemIndex) as string;
	return {
		type: matchType === 'allConditions' ? 'and' : 'or',
		filters: conditions.map(({ keyName, condition = 'eq', keyValue }) => {
			if (equalityOnly) return { columnName: keyName, condition: 'eq', value: keyValue };
			if (condition === 'isTrue' || condition === 'isFalse')
				return { columnName: keyName, condition: 'eq', value: condition === 'isTrue' };
			return { columnName: keyName, condition, value: keyValue };
		}),
	};
}

function dataOf(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const mode = context.getNodeParameter('columns.mappingMode', itemIndex) as string;
	if (mode === 'autoMapInputData') {
		const {
			id: _id,
			createdAt: _created,
			updatedAt: _updated,
			...data
		} = context.getInputData()[itemIndex].json;
		return data;
	}
	return (context.getNodeParameter('columns.value', itemIndex, {}) ?? {}) as IDataObject;
}
