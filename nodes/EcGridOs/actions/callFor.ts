import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { fieldLabel } from '../catalog/fields';
import type { OperationPlan } from '../catalog/plan';
import { roleOf, type FieldSpec } from '../catalog/parameters';
import type { CallVariant } from '../catalog/types';
import { findPlan } from '../description/plans';
import { getOperation, type OperationCall, type ParameterValue } from '../soap';
import { longFromText } from '../soap/longInteger';
import { readField } from './fieldValues';
import type { OperationInput } from './operation';

/** One item's call: what goes on the wire, and the IDs the item's output should carry. */
export interface PlannedCall {
	call: OperationCall;
	/** Required ID fields, by property name: they name the item in its output and errors. */
	identity: IDataObject;
	/** Content bytes, when the call sends a file or certificate. */
	content?: Buffer;
}

const lower = (name: string) => name.toLowerCase();
const isIdentity = (wsdlName: string) => /I[Dd]$/.test(wsdlName);

/** A set ID: a whole number, or a long past 2^53 as its text (the form results give it in). */
function isIdValue(spec: FieldSpec, id: unknown): id is number | string {
	if (typeof id === 'number') return Number.isSafeInteger(id) && id !== 0;
	return spec.wsdlType === 'long' && typeof id === 'string' && /^-?\d+$/.test(id);
}

/**
 * The item's ID fields as the user gave them, for its error item: best effort, since the
 * failure may be that they are unreadable.
 */
export function identityOf(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const identity: IDataObject = {};
	try {
		const resource = context.getNodeParameter('resource', itemIndex) as string;
		const operation = context.getNodeParameter('operation', itemIndex) as string;
		const plan = findPlan(resource, operation);
		for (const spec of [...(plan?.fields ?? []), ...(plan?.scope ?? [])]) {
			if (!isIdentity(spec.wsdlName)) continue;
			const raw = context.getNodeParameter(spec.property, itemIndex, undefined, {
				extractValue: spec.kind === 'locator',
			}) as unknown;
			const id = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? longFromText(raw) : raw;
			if (isIdValue(spec, id)) identity[spec.property] = id;
		}
	} catch {
		// An unreadable field leaves the identity out; the error item still names the item.
	}
	return identity;
}

/** Options → Use Base64 Text Call, or where workflows saved before it moved there keep it. */
function asksForTextCall({ context, itemIndex }: OperationInput): boolean {
	const options = context.getNodeParameter('options', itemIndex, {}) as {
		useBase64TextCall?: boolean;
	};
	return (
		options.useBase64TextCall ??
		(context.getNodeParameter('useBase64TextCall', itemIndex, false) as boolean)
	);
}

function variantOf(plan: OperationPlan, reader: OperationInput, scoped: boolean): CallVariant {
	const flag = (name: string, fallback: boolean) =>
		reader.context.getNodeParameter(name, reader.itemIndex, fallback) as boolean;
	// A URL cannot carry a byte array (see soap/form.ts): over HTTP GET the text call goes instead.
	const sendsBytes = getOperation(plan.entry.calls.call).parameters.some(
		(parameter) => parameter.type === 'base64Binary',
	);
	const base64 =
		plan.variants.includes('base64') &&
		((sendsBytes && reader.callOptions.binding === 'httpGet') || asksForTextCall(reader));
	const noUpdate = plan.variants.includes('noUpdate') && !flag('markAsDownloaded', true);
	if (noUpdate) return base64 ? 'noUpdateBase64' : 'noUpdate';
	if (scoped) return base64 ? 'exBase64' : 'ex';
	return base64 ? 'base64' : 'call';
}

/**
 * The HTTP bindings carry a byte array only as a form field repeated once per byte: a URL
 * cannot take a file, and a form cannot say "no bytes". Said before anything is sent.
 */
function refuseBytesOverHttp(
	plan: OperationPlan,
	parameters: Record<string, ParameterValue>,
	{ context, itemIndex, callOptions }: OperationInput,
): void {
	const files = Object.values(parameters).filter((value) => Buffer.isBuffer(value));
	const viaGet = callOptions.binding === 'httpGet' && files.length > 0;
	const empty = callOptions.binding === 'httpPost' && files.some((file) => file.length === 0);
	if (!viaGet && !empty) return;
	const what = viaGet ? 'a file over HTTP GET' : 'an empty file over HTTP POST';
	throw new NodeOperationError(
		context.getNode(),
		`${plan.entry.name} cannot send ${what} in item ${itemIndex}`,
		{
			itemIndex,
			description: viaGet
				? 'A URL cannot carry a file. Choose HTTP POST, SOAP 1.1 or SOAP 1.2 under Options → Binding.'
				: 'ECGridOS reads a file over HTTP POST one byte per form field, so it needs at least one byte. Choose SOAP 1.1 or SOAP 1.2 under Options → Binding.',
		},
	);
}

/** Reads the item's fields and picks the WSDL call: Ex when the user set a Network/Mailbox ID. */
export function callFor(
	plan: OperationPlan,
	reader: OperationInput,
	content?: Buffer,
): PlannedCall {
	const overrides = plan.entry.fields ?? {};
	const values = new Map<string, ParameterValue>();
	const identity: IDataObject = {};
	for (const spec of plan.fields) {
		const value = readField(reader, spec, overrides[spec.wsdlName]);
		values.set(lower(spec.wsdlName), value!);
		if (isIdentity(spec.wsdlName) && isIdValue(spec, value)) identity[spec.property] = value;
	}
	const scope = plan.scope.map(
		(spec) => [spec, readField(reader, spec, overrides[spec.wsdlName], true)] as const,
	);
	const set = scope.filter(([, value]) => value !== undefined);
	if (set.length > 0 && set.length < scope.length) {
		const names = scope.map(([spec]) => fieldLabel(spec.wsdlName)).join(' and ');
		throw new NodeOperationError(
			reader.context.getNode(),
			`Set ${names} together in item ${reader.itemIndex}, or leave them all empty`,
			{
				itemIndex: reader.itemIndex,
				description:
					"ECGridOS reads another mailbox's data only when it knows both the network and the mailbox. Empty means the credential's own.",
			},
		);
	}
	for (const [spec, value] of set) {
		values.set(lower(spec.wsdlName), value!);
		identity[spec.property] = value;
	}

	const variant = variantOf(plan, reader, set.length > 0);
	const operation = plan.entry.calls[variant];
	if (!operation) {
		throw new NodeOperationError(
			reader.context.getNode(),
			`${plan.entry.name} has no form for these options in item ${reader.itemIndex}`,
			{ itemIndex: reader.itemIndex },
		);
	}
	const wsdl = getOperation(operation);
	const parameters: Record<string, ParameterValue> = {};
	for (const parameter of wsdl.parameters) {
		const role = roleOf(parameter, wsdl.parameters);
		if (role === 'session' || role === 'paging') continue;
		if (role === 'content') {
			// Bytes for base64Binary (encoded into the envelope as it is built), text for the …A calls.
			const bytes = content ?? Buffer.alloc(0);
			parameters[parameter.name] =
				parameter.type === 'base64Binary' ? bytes : bytes.toString('base64');
		} else if (role === 'contentLength') parameters[parameter.name] = content?.length ?? 0;
		else if (parameter.type === 'base64Binary')
			parameters[parameter.name] = Buffer.from(
				String(values.get(lower(parameter.name)) ?? ''),
				'utf8',
			);
		else parameters[parameter.name] = values.get(lower(parameter.name))!;
	}
	refuseBytesOverHttp(plan, parameters, reader);
	return { call: { operation, parameters }, identity, ...(content ? { content } : {}) };
}
