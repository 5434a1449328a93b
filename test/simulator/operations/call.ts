/** Test helpers: call an operation over the wire and read its result as plain data. */
import type { Binding, Simulator } from '../../../simulator';
import { DEMO_USERS } from '../../../simulator';
import { callOperation, readResult, readSoap } from '../client';
import type { Node, Params } from '../client';
import { ENUM_TYPES, OPERATIONS } from '../../../nodes/EcGridOs/soap/wsdl/operations.generated';

const DEFAULTS: Record<string, string | number> = {
	string: '',
	boolean: 'false',
	base64Binary: '',
};

/** Every WSDL parameter in order: the given value, else a neutral default (0, '', wide dates). */
export function fill(operation: string, given: Params): Params {
	const params: Params = {};
	for (const field of OPERATIONS[operation].parameters) {
		if (Object.hasOwn(given, field.name)) params[field.name] = given[field.name];
		else if (field.type === 'dateTime') {
			params[field.name] = /End/.test(field.name) ? '2100-01-01T00:00:00Z' : '2000-01-01T00:00:00Z';
		} else if (ENUM_TYPES[field.type]) {
			const names = ENUM_TYPES[field.type];
			params[field.name] = names.includes('NoChange') ? 'NoChange' : names[0];
		} else params[field.name] = DEFAULTS[field.type] ?? 0;
	}
	return params;
}

export const keyOf = (loginName: string) =>
	DEMO_USERS.find((u) => u.loginName === loginName)!.apiKey;

/** Element → text for leaves, object for records, arrays for repeated children. */
export function plain(node: Node): unknown {
	if (node.children.length === 0) return node.text;
	const record: Record<string, unknown> = {};
	for (const child of node.children) {
		const value = plain(child);
		if (Object.hasOwn(record, child.local)) {
			const existing = record[child.local];
			record[child.local] = Array.isArray(existing) ? [...existing, value] : [existing, value];
		} else {
			record[child.local] = value;
		}
	}
	return record;
}

/** The items of an ArrayOf… result or list element, always as an array. */
export function items(node: Node | undefined): Record<string, unknown>[] {
	return (node?.children ?? []).map((c) => plain(c) as Record<string, unknown>);
}

export interface CallOptions {
	as?: string;
	binding?: Binding;
}

/** Calls with the given user's key (default the network admin); throws on a fault. */
export async function call(
	sim: Simulator,
	operation: string,
	params: Params = {},
	options: CallOptions = {},
): Promise<Node> {
	const binding = options.binding ?? 'soap11';
	const all = fill(operation, { SessionID: keyOf(options.as ?? 'net.admin'), ...params });
	const reply = await callOperation(binding, sim.url, operation, all);
	if (reply.status !== 200) throw new Error(`${operation} ${reply.status}: ${reply.body}`);
	return readResult(binding, reply, operation);
}

/** The RetCode name-bearing ErrorInfo of a refused SOAP 1.1 call. */
export async function refusal(
	sim: Simulator,
	operation: string,
	params: Params,
	options: CallOptions = {},
): Promise<Record<string, string>> {
	const all = fill(operation, { SessionID: keyOf(options.as ?? 'net.admin'), ...params });
	const reply = await callOperation('soap11', sim.url, operation, all);
	expect(reply.status).toBe(500);
	const outcome = await readSoap(reply.body, operation);
	if (!outcome.fault?.errorInfo) throw new Error(`no ErrorInfo: ${reply.body}`);
	return outcome.fault.errorInfo;
}
