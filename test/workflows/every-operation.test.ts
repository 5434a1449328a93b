/**
 * Walks every WSDL operation through the node: for each call a catalog operation folds, on every
 * binding, the node's request must pass the simulator's validation, and a schema-valid reply
 * (generated from the WSDL types) must come out with every field, typed.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { camelName } from '../../nodes/EcGridOs/catalog/naming';
import type { FieldSpec } from '../../nodes/EcGridOs/catalog/parameters';
import type { OperationPlan } from '../../nodes/EcGridOs/catalog/plan';
import type { CallVariant } from '../../nodes/EcGridOs/catalog/types';
import { PLANS } from '../../nodes/EcGridOs/description/plans';
import { BINDINGS, type Binding } from '../../nodes/EcGridOs/soap';
import { COMPLEX_TYPES, OPERATIONS } from '../../nodes/EcGridOs/soap/wsdl/operations.generated';
import { generatedHandler } from '../../simulator/operations/generated';
import type { DataSetValue } from '../../simulator/types';
import { byId, fileItem, ROOT, runOperation } from '../support/operations';
import { loginCredential, useSimulator } from '../support/workflows';

const sim = useSimulator();
const NETWORK_ID = ROOT.networkId;
const MAILBOX_ID = ROOT.mailboxId;

function valueFor(spec: FieldSpec): unknown {
	switch (spec.kind) {
		case 'locator':
			if (spec.locator === 'mailbox') return byId(MAILBOX_ID);
			if (spec.locator === 'network') return byId(NETWORK_ID);
			return byId(ROOT.userId);
		case 'integer':
			return Math.max(1, spec.range![0]);
		case 'boolean':
			return true;
		case 'dateTime':
			return '2026-11-01T08:30:00Z';
		case 'enum':
			return spec.enumValues![spec.enumValues!.length - 1];
		case 'string':
			return `${spec.wsdlName} <&> "value"`;
	}
}

function parametersFor(
	plan: OperationPlan,
	variant: CallVariant,
	binding: Binding,
): INodeParameters {
	const parameters: INodeParameters = {
		resource: plan.resource,
		operation: plan.operation,
		options: {
			binding,
			useBase64TextCall:
				variant === 'base64' || variant === 'exBase64' || variant === 'noUpdateBase64',
		},
		returnAll: true,
		simplify: false,
		replaceOwnKey: true,
		markAsDownloaded: !variant.startsWith('noUpdate'),
	};
	for (const spec of plan.fields) parameters[spec.property] = valueFor(spec) as never;
	if (variant === 'ex' || variant === 'exBase64')
		for (const spec of plan.scope) parameters[spec.property] = valueFor(spec) as never;
	return parameters;
}

/** A reply value as the node should show it: camelCase names, lists flattened, no session echo. */
function expectedOf(type: string, value: unknown): unknown {
	if (value === undefined || value === null) return undefined;
	if (value instanceof Date) return value.getTime();
	if (Buffer.isBuffer(value)) return value.toString('base64');
	if (type === 'DataSet') {
		return (value as DataSetValue).tables.flatMap((table) =>
			table.rows.map((row) =>
				Object.fromEntries([
					['table', table.name],
					...Object.entries(row).map(([name, cell]) => [camelName(name), expectedOf('', cell)]),
				]),
			),
		);
	}
	const fields = COMPLEX_TYPES[type];
	if (!fields) return value;
	if (fields.length === 1 && fields[0].maxOccurs === 'unbounded') {
		const list = (value as Record<string, unknown[]>)[fields[0].name] ?? [];
		return list.map((element) => expectedOf(fields[0].type, element));
	}
	const record: Record<string, unknown> = {};
	for (const field of fields) {
		if (field.name === 'SessionID') continue;
		const fieldValue = (value as Record<string, unknown>)[field.name];
		const expected = Array.isArray(fieldValue)
			? fieldValue.map((element) => expectedOf(field.type, element))
			: expectedOf(field.type, fieldValue);
		if (expected !== undefined) record[camelName(field.name)] = expected;
	}
	return record;
}

/** Output as comparable values: date texts become times. */
function normalised(value: unknown): unknown {
	if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value))
		return Date.parse(value);
	if (Array.isArray(value)) return value.map(normalised);
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value).map(([key, field]) => [key, normalised(field)]),
		);
	return value;
}

function expectedItems(plan: OperationPlan, operation: string, reply: unknown): unknown[] {
	const result = OPERATIONS[operation].result!;
	switch (plan.result.kind) {
		case 'boolean':
			return [{ success: reply }];
		case 'scalar':
			return [{ [plan.entry.resultName ?? 'result']: expectedOf(result.type, reply) }];
		case 'pagedList': {
			const list = (reply as Record<string, unknown>)[plan.result.listField];
			return expectedOf(
				COMPLEX_TYPES[result.type].find(
					(f) => f.name === (plan.result as { listField: string }).listField,
				)!.type,
				list,
			) as unknown[];
		}
		case 'list':
		case 'dataSet':
			return expectedOf(result.type, reply) as unknown[];
		default: {
			const record = expectedOf(result.type, reply) as Record<string, unknown>;
			if (plan.resource === 'parcel' && plan.operation === 'download') {
				delete record.content;
				delete record.contentBase64String;
			}
			return [record];
		}
	}
}

const CASES = PLANS.flatMap((plan) =>
	(Object.entries(plan.entry.calls) as Array<[CallVariant, string]>).map(
		([variant, operation]) => ({
			name: `${plan.resource} → ${plan.operation} (${operation})`,
			plan,
			variant,
			operation,
		}),
	),
);

const TEXT_FORM: Partial<Record<CallVariant, CallVariant>> = { call: 'base64', ex: 'exBase64' };

/**
 * The call the node makes: over HTTP GET, where a URL cannot carry a byte array, a call that
 * sends bytes gives way to its text (…A) form, and without one the node refuses (undefined).
 */
function sentOver(
	binding: Binding,
	plan: OperationPlan,
	variant: CallVariant,
	operation: string,
): string | undefined {
	const sendsBytes = OPERATIONS[operation].parameters.some((p) => p.type === 'base64Binary');
	if (binding !== 'httpGet' || !sendsBytes) return operation;
	const textForm = TEXT_FORM[variant];
	return textForm && plan.entry.calls[textForm];
}

async function expectRefusedOverGet(plan: OperationPlan, variant: CallVariant): Promise<void> {
	const input: INodeExecutionData = plan.content ? fileItem(Buffer.from('ISA')) : { json: {} };
	const result = await runOperation(sim(), parametersFor(plan, variant, 'httpGet'), [input]);
	const error = result.error as { message?: string; description?: string } | undefined;
	expect(error?.message).toBe(`${plan.entry.name} cannot send a file over HTTP GET in item 0`);
	expect(error?.description).toContain('Choose HTTP POST, SOAP 1.1 or SOAP 1.2');
	expect(sim().requests).toHaveLength(0);
}

describe('every WSDL operation through the node', () => {
	it('covers 220 of the 221 operations (Login is the credential’s)', () => {
		const covered = new Set(CASES.map((entry) => entry.operation));
		expect(covered.size).toBe(220);
		expect(Object.keys(OPERATIONS).filter((name) => !covered.has(name))).toEqual(['Login']);
	});

	describe.each(BINDINGS)('over %s', (binding) => {
		it.each(CASES)('$name', async ({ plan, variant, operation: asked }) => {
			const sent = sentOver(binding, plan, variant, asked);
			if (sent === undefined) return await expectRefusedOverGet(plan, variant);
			const operation = sent;
			const replies: unknown[] = [];
			const generated = generatedHandler(OPERATIONS[operation]);
			sim().register(operation, (context) => {
				const reply = generated(context) as Record<string, unknown> | undefined;
				// One page: the node pages by TotalPages, and a generated count could be thousands.
				if (plan.result.kind === 'pagedList' && reply) reply.TotalPages = 1;
				replies.push(reply);
				return reply;
			});
			const input: INodeExecutionData = plan.content
				? fileItem(Buffer.from([0x49, 0x53, 0x41, 0xff, 0x00, 0x7e]))
				: { json: {} };
			const credential =
				plan.operation === 'logOut'
					? loginCredential(sim(), ROOT.loginName, ROOT.password)
					: undefined;

			const parameters = parametersFor(plan, variant, binding);
			if (credential) parameters.authentication = 'login';
			const result = await runOperation(sim(), parameters, [input], {
				credential,
			});

			expect(result.error).toBeUndefined();
			const requests = sim().requests.filter((request) => request.operation === operation);
			expect(requests.length).toBeGreaterThan(0);
			expect(requests.every((request) => request.binding === binding)).toBe(true);
			expect(replies).toHaveLength(requests.length);
			const expected = expectedItems(plan, operation, replies[0]);
			expect(result.items).toHaveLength(expected.length);
			result.items.forEach((item, index) =>
				expect(normalised(item)).toMatchObject(expected[index] as object),
			);
			if (plan.operation === 'download') {
				const content = (replies[0] as { Content: Buffer }).Content;
				expect(result.outputs[0].binary?.data?.data).toBe(content.toString('base64'));
			}
		});
	});
});
