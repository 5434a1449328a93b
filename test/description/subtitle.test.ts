/** The canvas subtitle, evaluated as n8n's editor evaluates it. */
import {
	Workflow,
	type INode,
	type INodeParameters,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypes,
} from 'n8n-workflow';

import { EcGridEdi } from '../../nodes/EcGridEdi/EcGridEdi.node';
import { EcGridOs } from '../../nodes/EcGridOs/EcGridOs.node';
import { PLANS } from '../../nodes/EcGridOs/description/plans';
import { RESOURCES } from '../../nodes/EcGridOs/catalog/resources';
import { EcGridOsTrigger } from '../../nodes/EcGridOsTrigger/EcGridOsTrigger.node';
import { cronFor } from '../../nodes/EcGridOsTrigger/schedule';

function subtitleOfNode(nodeType: INodeType, parameters: INodeParameters): unknown {
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const { name, defaultVersion, version } = nodeType.description;
	const node: INode = {
		id: 'node',
		name: 'node',
		type: `n8n-nodes-ecgridos.${name}`,
		typeVersion: defaultVersion ?? (version as number),
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

const subtitleOf = (parameters: Record<string, string>) =>
	subtitleOfNode(new EcGridOs(), parameters);

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

describe("the ECGrid EDI node's canvas subtitle", () => {
	const nodeType = new EcGridEdi();
	const operations = nodeType.description.properties.find(
		(property) => property.name === 'operation',
	)!.options as INodePropertyOptions[];

	it.each(operations.map(({ value, name }) => [value, name]))(
		'names %s as the Operation list does: %s',
		(operation, name) => {
			expect(subtitleOfNode(nodeType, { operation: operation as string })).toBe(name);
		},
	);

	it('says Create Acknowledgment, not createAcknowledgment', () => {
		expect(subtitleOfNode(nodeType, { operation: 'createAcknowledgment' })).toBe(
			'Create Acknowledgment',
		);
	});
});

describe("the ECGridOS Trigger's canvas subtitle", () => {
	const nodeType = new EcGridOsTrigger();

	/** How often the cron the trigger registers fires, in the subtitle's words. */
	function scheduled(pollSeconds: number): string {
		const [seconds, minutes, hours] = cronFor(pollSeconds).split(' ');
		if (seconds.startsWith('*/')) return `Every ${seconds.slice(2)} s`;
		if (minutes.startsWith('*/')) return `Every ${minutes.slice(2)} min`;
		expect([seconds, minutes, hours]).toEqual(['0', '0', '*']);
		return 'Every 60 min';
	}

	it.each([1, 30, 45, 59, 60, 90, 119, 150, 300, 3599, 3600])(
		'says how often %s seconds really poll',
		(pollInterval) => {
			expect(subtitleOfNode(nodeType, { pollInterval })).toBe(scheduled(pollInterval));
		},
	);

	it('says a minute for 90 s, which polls at the top of each minute', () => {
		expect(subtitleOfNode(nodeType, { pollInterval: 90 })).toBe('Every 1 min');
		expect(subtitleOfNode(nodeType, { pollInterval: 30 })).toBe('Every 30 s');
	});

	it('says what the trigger does with a value the editor would not let through', () => {
		// An expression can give them: readSettings reads 0 as 60 and cronFor caps at an hour.
		expect(subtitleOfNode(nodeType, { pollInterval: 0 })).toBe('Every 1 min');
		expect(subtitleOfNode(nodeType, { pollInterval: 7200 })).toBe('Every 60 min');
		expect(subtitleOfNode(nodeType, {})).toBe('Every 1 min');
	});
});
