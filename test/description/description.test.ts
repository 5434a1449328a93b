import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { OPERATIONS } from '../../nodes/EcGridOs/soap/wsdl/operations.generated';
import { EcGridOs } from '../../nodes/EcGridOs/EcGridOs.node';
import { PLANS } from '../../nodes/EcGridOs/description/plans';

const { description } = new EcGridOs();
const properties = description.properties;
const isVersioned = (property: INodeProperties) =>
	property.displayOptions?.show?.['@version'] !== undefined;

describe('the node description', () => {
	it('has unique resource values and unique operation values per resource', () => {
		const resources = properties.filter((property) => property.name === 'resource');
		for (const resource of resources) {
			const values = (resource.options as INodePropertyOptions[]).map((option) => option.value);
			expect(new Set(values).size).toBe(values.length);
		}
		for (const operation of properties.filter((property) => property.name === 'operation')) {
			const values = (operation.options as INodePropertyOptions[]).map((option) => option.value);
			expect(new Set(values).size).toBe(values.length);
		}
	});

	it('gives every operation a short action sentence for the picker, flagging destructive ones', () => {
		for (const operation of properties.filter((property) => property.name === 'operation')) {
			for (const option of operation.options as INodePropertyOptions[]) {
				expect(option.action).toMatch(/^[A-Z]/);
				expect(option.action).not.toMatch(/destructive:/);
				expect(option.action!.length).toBeLessThanOrEqual(100);
				expect(option.description).toBeTruthy();
			}
		}
		for (const plan of PLANS.filter((candidate) => candidate.entry.destroys)) {
			const operation = properties.find(
				(property) =>
					property.name === 'operation' &&
					property.displayOptions?.show?.resource?.includes(plan.resource),
			)!;
			const option = (operation.options as INodePropertyOptions[]).find(
				(candidate) => candidate.value === plan.operation,
			)!;
			// n8n's tool description for an AI agent is "<action> in ECGridOS": the flag reaches it.
			expect(option.action).toBe(`${plan.entry.action} (destructive)`);
			expect(option.description).toContain(`Destructive: ${plan.entry.destroys}`);
		}
	});

	it('offers Use Base64 Text Call under Options, for the operations with a text call only', () => {
		const options = properties.find((property) => property.name === 'options')!;
		const option = (options.options as INodeProperties[]).find(
			(candidate) => candidate.name === 'useBase64TextCall',
		)!;
		expect(option).toMatchObject({ type: 'boolean', default: false });
		const withTextCall = PLANS.filter((plan) => plan.variants.includes('base64'));
		expect(option.displayOptions?.show?.['/operation']).toEqual([
			...new Set(withTextCall.map((plan) => plan.operation)),
		]);
		// The old top-level field stays, hidden, so saved workflows keep their value.
		const old = properties.filter((property) => property.name === 'useBase64TextCall');
		expect(old.length).toBeGreaterThan(0);
		for (const property of old) expect(property.type).toBe('hidden');
	});

	it('offers Parcel ID as a pick-list of the InBox, or by ID', () => {
		const parcelIds = properties.filter((property) => property.name === 'parcelId');
		expect(parcelIds.length).toBeGreaterThan(0);
		for (const property of parcelIds) {
			expect(property.type).toBe('resourceLocator');
			expect(property.modes?.map((mode) => mode.name)).toEqual(['list', 'id']);
			expect(property.modes?.[0].typeOptions?.searchListMethod).toBe('searchParcels');
		}
		expect(new EcGridOs().methods.listSearch.searchParcels).toBeInstanceOf(Function);
	});

	it('keeps one type and one default per property name, across all operations', () => {
		const seen = new Map<string, string>();
		for (const property of properties.filter((candidate) => !isVersioned(candidate))) {
			// Each resource has its own operation list and default; notices are text, not values.
			if (property.type === 'notice' || property.name === 'operation') continue;
			const shape = JSON.stringify({ type: property.type, default: property.default });
			const first = seen.get(property.name);
			if (first !== undefined)
				expect({ name: property.name, shape }).toEqual({ name: property.name, shape: first });
			seen.set(property.name, shape);
		}
	});

	it('sorts every options list of five or more entries', () => {
		const lists = properties
			.flatMap((property) => [property, ...((property.options ?? []) as INodeProperties[])])
			.filter(
				(property) =>
					property.type === 'options' &&
					Array.isArray(property.options) &&
					property.options.length >= 5,
			);
		for (const list of lists) {
			const names = (list.options as INodePropertyOptions[]).map((option) => option.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});

	it('scopes every property but authentication and options to resources', () => {
		for (const property of properties) {
			if (['authentication', 'options'].includes(property.name)) continue;
			expect(property.displayOptions?.show).toBeDefined();
		}
	});

	it('opens version 2 on a read-only operation, and keeps version 1 as it was', () => {
		const resource = (version: number) =>
			properties.find(
				(property) =>
					property.name === 'resource' &&
					(property.displayOptions?.show?.['@version'] as number[]).includes(version),
			)!;
		expect(resource(1).default).toBe('apiKey');
		expect(resource(2).default).toBe('session');
		const sessionOperation = properties.find(
			(property) =>
				property.name === 'operation' && property.displayOptions?.show?.resource?.[0] === 'session',
		)!;
		expect(sessionOperation.default).toBe('getCurrentUser');
		expect(description.defaultVersion).toBe(2);
	});

	it('reaches every WSDL operation but Login (the Login credential makes that call)', () => {
		const reached = new Set(PLANS.flatMap((plan) => Object.values(plan.entry.calls)));
		const missing = Object.keys(OPERATIONS).filter(
			(name) => !reached.has(name) && name !== 'Login',
		);
		expect(missing).toEqual([]);
	});

	it('stays small enough for the editor', () => {
		const kib = Buffer.byteLength(JSON.stringify(description)) / 1024;
		console.log(`Node description: ${kib.toFixed(0)} KiB`);
		expect(kib).toBeLessThan(400);
	});
});
