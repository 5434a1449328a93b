import type { IDataObject } from 'n8n-workflow';

import { camelName } from '../catalog/naming';
import { recordTypeOf, type OperationPlan } from '../catalog/plan';
import { SIMPLIFIED_FIELDS } from '../catalog/simplify';
import { UnreadableResponseError, type ResultValue } from '../soap';

/** Fields that echo the caller's key or session: never shown. */
const SECRET_FIELDS = new Set(['SessionID']);

type Json = IDataObject[string];

/**
 * WSDL field names become camelCase, all the way down; secret echoes are dropped; bytes
 * (base64Binary) show as base64 text, as the reply carried them.
 */
export function toJson(value: ResultValue, only?: readonly string[]): Json {
	if (Array.isArray(value)) return value.map((element) => toJson(element));
	if (Buffer.isBuffer(value)) return value.toString('base64');
	if (value === null || typeof value !== 'object') return value;
	const object: IDataObject = {};
	for (const [name, field] of Object.entries(value)) {
		if (SECRET_FIELDS.has(name) || (only && !only.includes(name))) continue;
		object[camelName(name)] = toJson(field);
	}
	return object;
}

function asRecord(value: Json, what: string): IDataObject {
	if (value === null) return {};
	if (typeof value !== 'object' || Array.isArray(value))
		throw new UnreadableResponseError(
			`ECGridOS returned ${what} that is not a record`,
			'unexpected',
			200,
		);
	return value as IDataObject;
}

export interface ShapeOptions {
	simplify: boolean;
}

/** The element type's short field list, when the user asked for Simplify. */
function shortList(plan: OperationPlan, options: ShapeOptions): readonly string[] | undefined {
	if (!options.simplify) return undefined;
	const type = recordTypeOf(plan.result);
	return type ? SIMPLIFIED_FIELDS[type] : undefined;
}

/** `ParcelIDInfo` → `parcelId`, `MailboxInfo` → `mailboxId`: the field naming the record. */
function ownIdOf(recordType: string | undefined): string | undefined {
	return recordType && camelName(`${recordType.replace(/(ID)?Info$/, '')}ID`);
}

const IDENTIFYING = /I[Dd](From|To)?$/;

/**
 * The record's own ID first, then its other IDs, then the rest, each in WSDL order: the Table
 * view shows columns in this order, and the WSDL often puts the ID last (ParcelIDInfo).
 */
function identifyingFirst(record: IDataObject, ownId: string | undefined): IDataObject {
	const rank = (name: string) => (name === ownId ? 0 : IDENTIFYING.test(name) ? 1 : 2);
	const names = Object.keys(record);
	const ordered = names
		.map((name, index) => ({ name, index }))
		.sort((a, b) => rank(a.name) - rank(b.name) || a.index - b.index);
	return Object.fromEntries(ordered.map(({ name }) => [name, record[name]]));
}

/** The record's own fields win; the item's identity fills in what the record does not say. */
function withIdentity(identity: IDataObject, record: IDataObject, ownId?: string): IDataObject {
	return identifyingFirst({ ...identity, ...record }, ownId);
}

/** The elements of a list or of one page of a paged collection. */
export function elementsOf(plan: OperationPlan, result: ResultValue): ResultValue[] {
	if (result === null) return [];
	if (plan.result.kind === 'pagedList') {
		const page = result as Record<string, ResultValue>;
		const list = page[plan.result.listField];
		return Array.isArray(list) ? list : [];
	}
	if (!Array.isArray(result))
		throw new UnreadableResponseError('ECGridOS returned no list', 'unexpected', 200);
	return result;
}

/**
 * A decoded result as n8n items: one per list element or DataSet row, `{ success }` for a
 * boolean, `{ <resultName>: value }` for a scalar, the record itself otherwise.
 */
export function shapeResult(
	plan: OperationPlan,
	result: ResultValue,
	identity: IDataObject,
	options: ShapeOptions,
): IDataObject[] {
	const only = shortList(plan, options);
	const ownId = ownIdOf(recordTypeOf(plan.result));
	switch (plan.result.kind) {
		case 'none':
			return [{ ...identity }];
		case 'boolean':
			return [{ ...identity, success: result === true }];
		case 'scalar':
			return [{ ...identity, [plan.entry.resultName ?? 'result']: toJson(result) }];
		case 'record':
			return [withIdentity(identity, asRecord(toJson(result, only), 'a record'), ownId)];
		case 'list':
		case 'pagedList':
			return elementsOf(plan, result).map((element) =>
				withIdentity(identity, asRecord(toJson(element, only), 'a list element'), ownId),
			);
		case 'dataSet':
			return (Array.isArray(result) ? result : []).map((row) =>
				withIdentity(identity, asRecord(toJson(row), 'a row')),
			);
	}
}
