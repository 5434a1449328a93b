/** The canvas subtitle, evaluated as n8n's editor evaluates it. */
import { Workflow, type INode, type INodeTypes } from 'n8n-workflow';

import { EcGridOs } from '../../nodes/EcGridOs/EcGridOs.node';
import { PLANS } from '../../nodes/EcGridOs/description/plans';
import { RESOURCES } from '../../nodes/EcGridOs/catalog/resources';

const nodeType = new EcGridOs();
const nodeTypes = {
	getByName: () => nodeType,
	getByNameAndVersion: () => nodeType,
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;

function subtitleOf(parameters: Record<string, string>): unknown {
	const node: INode = {
		id: 'node',
		name: 'ECGridOS',
		type: 'n8n-nodes-ecgridos.ecGridOs',
		typeVersion: 2,
		position: [0, 0],
		parameters,
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(
		node,
		nodeType.description.subtitle!,
		'internal',
		{},
	);
}

describe('the canvas subtitle', () => {
	it('shows the operation and resource in the words the user picked them by', () => {
		expect(subtitleOf({ resource: 'parcel', operation: 'getManyInInBox' })).toBe(
			'Get Many in InBox: Parcel',
		);
		expect(subtitleOf({ resource: 'tradingPartner', operation: 'get' })).toBe(
			'Get: Trading Partner',
		);
	});

	it.each(PLANS.map((plan) => [plan.resource, plan.operation] as const))(
		'names %s → %s without internal values',
		(resource, operation) => {
			const names = RESOURCES.find((entry) => entry.value === resource)!;
			expect(subtitleOf({ resource, operation })).toBe(
				`${names.operations[operation].name}: ${names.name}`,
			);
		},
	);

	it('falls back to the values for a combination it does not know', () => {
		expect(subtitleOf({ resource: 'parcel', operation: 'gone' })).toBe('gone: parcel');
	});
});
