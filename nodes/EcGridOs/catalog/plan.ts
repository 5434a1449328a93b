import { getOperation } from '../soap/operations';
import { COMPLEX_TYPES } from '../soap/wsdl/operations.generated';
import type { WsdlField, WsdlOperation } from '../soap/wsdl/types';
import { fieldSpecOf, roleOf, type FieldSpec } from './parameters';
import type { CallVariant, OperationEntry } from './types';

/** How a result becomes n8n items. */
export type ResultShape =
	| { kind: 'none' }
	| { kind: 'boolean' }
	| { kind: 'scalar'; type: string }
	| { kind: 'record'; type: string }
	| { kind: 'list'; elementType: string }
	| { kind: 'pagedList'; listField: string; elementType: string }
	| { kind: 'dataSet' };

export interface Paging {
	/** The page-number parameter (1-based) and the page-size parameter. */
	page: string;
	size: string;
}

/** Everything the description and the executor derive from one catalog entry and the WSDL. */
export interface OperationPlan {
	resource: string;
	operation: string;
	entry: OperationEntry;
	/** Fields of the plain call, in WSDL order. */
	fields: FieldSpec[];
	/** What the Ex call takes beyond the plain call (Network ID, Mailbox ID). */
	scope: FieldSpec[];
	/** The content parameter, if the call carries file or certificate bytes. */
	content?: WsdlField;
	paging?: Paging;
	result: ResultShape;
	variants: CallVariant[];
}

function listElementType(type: string): string | undefined {
	const fields = COMPLEX_TYPES[type];
	return fields?.length === 1 && fields[0].maxOccurs === 'unbounded' ? fields[0].type : undefined;
}

export function resultShapeOf(operation: WsdlOperation): ResultShape {
	const type = operation.result?.type;
	if (!type) return { kind: 'none' };
	if (type === 'boolean') return { kind: 'boolean' };
	if (type === 'DataSet') return { kind: 'dataSet' };
	const fields = COMPLEX_TYPES[type];
	if (!fields) return { kind: 'scalar', type };
	const elementType = listElementType(type);
	if (elementType) return { kind: 'list', elementType };
	const list = fields.find((field) => listElementType(field.type));
	if (list && fields.some((field) => field.name === 'TotalPages')) {
		return { kind: 'pagedList', listField: list.name, elementType: listElementType(list.type)! };
	}
	return { kind: 'record', type };
}

/** The record type a result is made of (the record itself, or a list's elements). */
export function recordTypeOf(result: ResultShape): string | undefined {
	if (result.kind === 'record') return result.type;
	if (result.kind === 'list' || result.kind === 'pagedList') return result.elementType;
	return undefined;
}

function pagingOf(operation: WsdlOperation): Paging | undefined {
	const names = new Set(operation.parameters.map((parameter) => parameter.name));
	if (names.has('PageNo') && names.has('RecordsPerPage'))
		return { page: 'PageNo', size: 'RecordsPerPage' };
	if (names.has('PageNumber') && names.has('PageSize'))
		return { page: 'PageNumber', size: 'PageSize' };
	return undefined;
}

const lower = (name: string) => name.toLowerCase();

export function planOf(resource: string, operation: string, entry: OperationEntry): OperationPlan {
	const call = getOperation(entry.calls.call);
	const fieldsOf = (wsdl: WsdlOperation) =>
		wsdl.parameters.filter((parameter) => roleOf(parameter, wsdl.parameters) === 'field');
	const plain = fieldsOf(call);
	const plainNames = new Set(plain.map((parameter) => lower(parameter.name)));
	const scope = entry.calls.ex
		? fieldsOf(getOperation(entry.calls.ex)).filter(
				(parameter) => !plainNames.has(lower(parameter.name)),
			)
		: [];
	return {
		resource,
		operation,
		entry,
		fields: plain.map(fieldSpecOf),
		scope: scope.map(fieldSpecOf),
		content: call.parameters.find((parameter) => roleOf(parameter, call.parameters) === 'content'),
		paging: pagingOf(call),
		result: resultShapeOf(call),
		variants: Object.keys(entry.calls) as CallVariant[],
	};
}
