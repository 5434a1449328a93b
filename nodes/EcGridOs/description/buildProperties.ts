import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { recordTypeOf, type OperationPlan } from '../catalog/plan';
import { RESOURCES } from '../catalog/resources';
import { SIMPLIFIED_FIELDS } from '../catalog/simplify';
import { sentences } from '../soap';
import { EXTRA_FIELDS } from './extraFields';
import { fieldProperty, type FieldProperty } from './fieldProperty';
import { PLANS } from './plans';

/**
 * Version 1 kept API Key → Generate as the node's default; saved workflows leave defaults out,
 * so those defaults must not change under them. Version 2 opens on a read.
 */
type Show = NonNullable<IDisplayOptions['show']>;
const V1: Show = { '@version': [1] };
const V2: Show = { '@version': [2] };
export const V2_DEFAULT = { resource: 'session', operation: 'getCurrentUser' } as const;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

function resourceProperties(): INodeProperties[] {
	const options = RESOURCES.map(({ name, value }) => ({ name, value })).sort(byName);
	const property = (show: Show, value: string): INodeProperties => ({
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options,
		default: value,
		displayOptions: { show },
	});
	return [property(V1, 'apiKey'), property(V2, V2_DEFAULT.resource)];
}

function operationOption(plan: OperationPlan): INodePropertyOptions {
	const { name, action, description, destroys } = plan.entry;
	return {
		name,
		value: plan.operation,
		// The node picker lists actions, and n8n makes an AI agent's tool description from the
		// action alone: a short flag there, what is lost in the description and the notice.
		action: destroys ? `${action} (destructive)` : action,
		description: destroys ? sentences(description, `Destructive: ${destroys}`) : description,
	};
}

function operationProperties(): INodeProperties[] {
	return RESOURCES.flatMap((resource) => {
		const options = PLANS.filter((plan) => plan.resource === resource.value)
			.map(operationOption)
			.sort(byName);
		const property = (extra: Show, value: string): INodeProperties => ({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value], ...extra } },
			options,
			default: value,
		});
		if (resource.value === 'apiKey')
			return [property(V1, 'generate'), property(V2, resource.defaultOperation)];
		return [property({}, resource.defaultOperation)];
	});
}

/** The fields one operation shows, before grouping: each paired with the plan it belongs to. */
function fieldsOf(plan: OperationPlan): FieldProperty[] {
	const overrides = plan.entry.fields ?? {};
	const properties: FieldProperty[] = [];
	if (plan.entry.destroys) {
		properties.push({
			displayName: plan.entry.destroys,
			name: 'destructiveNotice',
			type: 'notice',
			default: '',
		});
	}
	for (const spec of plan.fields) properties.push(fieldProperty(spec, overrides[spec.wsdlName]));
	for (const spec of plan.scope)
		properties.push(fieldProperty(spec, overrides[spec.wsdlName], true));
	properties.push(...(EXTRA_FIELDS[`${plan.resource}.${plan.operation}`] ?? []));
	if (plan.content) {
		properties.push({
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field holding the file to send',
		});
	}
	if (plan.variants.includes('noUpdate')) {
		properties.push({
			displayName: 'Mark as Downloaded',
			name: 'markAsDownloaded',
			type: 'boolean',
			default: true,
			description:
				'Whether ECGrid records the download. Off reads the file without changing anything in ECGrid.',
		});
	}
	if (plan.variants.includes('base64')) {
		// Moved under Options; kept, hidden, so workflows saved with it still run as they did.
		properties.push({
			displayName: 'Use Base64 Text Call',
			name: 'useBase64TextCall',
			type: 'hidden',
			default: false,
		});
	}
	if (plan.result.kind === 'list' || plan.result.kind === 'pagedList') {
		properties.push(
			{
				displayName: 'Return All',
				name: 'returnAll',
				type: 'boolean',
				default: false,
				description: 'Whether to return all results or only up to a given limit',
			},
			{
				displayName: 'Limit',
				name: 'limit',
				type: 'number',
				default: 50,
				typeOptions: { minValue: 1 },
				description: 'Max number of results to return',
			},
		);
	}
	const recordType = recordTypeOf(plan.result);
	if (recordType && SIMPLIFIED_FIELDS[recordType]) {
		properties.push({
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: true,
			description: `Whether to return only the main fields (${SIMPLIFIED_FIELDS[recordType].join(', ')}) instead of the whole record`,
		});
	}
	return properties;
}

/**
 * One property per resource and identical field, shown for every operation that has it: far
 * smaller than a copy per operation, and one name keeps one type across operations.
 */
function fieldProperties(): INodeProperties[] {
	const groups = new Map<string, { property: FieldProperty; operations: string[] }>();
	for (const plan of PLANS) {
		for (const property of fieldsOf(plan)) {
			const key = `${plan.resource}\u0000${JSON.stringify(property)}`;
			const group = groups.get(key) ?? { property, operations: [] };
			group.operations.push(plan.operation);
			groups.set(key, group);
		}
	}
	return [...groups.entries()].map(([key, { property, operations }]) => {
		const resource = key.slice(0, key.indexOf('\u0000'));
		const show: Record<string, unknown[]> = { resource: [resource], operation: operations };
		if (property.name === 'limit') show.returnAll = [false];
		return { ...property, displayOptions: { show } } as INodeProperties;
	});
}

/** Resource, operation and field properties of every catalog operation. */
export function buildProperties(): INodeProperties[] {
	return [...resourceProperties(), ...operationProperties(), ...fieldProperties()];
}
