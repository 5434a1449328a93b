/**
 * Test-side schema check of a reply element against the WSDL metadata: children in WSDL order,
 * no unknown element, every required field present, values typed (integer ranges, booleans,
 * dateTimes, base64, enum names), DataSets in the ASMX shape. Independent of the simulator's code.
 */
import { COMPLEX_TYPES, ENUM_TYPES } from '../../nodes/EcGridOs/soap/wsdl/operations.generated';
import type { WsdlField } from '../../nodes/EcGridOs/soap/wsdl/types';
import type { Node } from './client';

const RANGES: Record<string, [bigint, bigint]> = {
	unsignedByte: [0n, 255n],
	short: [-32768n, 32767n],
	int: [-2147483648n, 2147483647n],
	long: [-9223372036854775808n, 9223372036854775807n],
};

function checkScalar(type: string, text: string, where: string, problems: string[]): void {
	const range = RANGES[type];
	if (range) {
		if (!/^-?\d+$/.test(text) || BigInt(text) < range[0] || BigInt(text) > range[1]) {
			problems.push(`${where}: ${JSON.stringify(text)} is not a ${type}`);
		}
		return;
	}
	if (type === 'boolean' && text !== 'true' && text !== 'false') {
		problems.push(`${where}: ${JSON.stringify(text)} is not a boolean`);
	}
	if (type === 'dateTime' && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(text)) {
		problems.push(`${where}: ${JSON.stringify(text)} is not a UTC dateTime`);
	}
	if (type === 'base64Binary' && !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
		problems.push(`${where}: not base64`);
	}
	if ((type === 'float' || type === 'double') && Number.isNaN(Number(text))) {
		problems.push(`${where}: ${JSON.stringify(text)} is not a number`);
	}
	const names = ENUM_TYPES[type];
	if (names && !names.includes(text))
		problems.push(`${where}: ${JSON.stringify(text)} is not a ${type}`);
}

function checkDataSet(node: Node, where: string, problems: string[]): void {
	const [schema, diffgram] = node.children;
	if (schema?.local !== 'schema' || schema.uri !== 'http://www.w3.org/2001/XMLSchema') {
		problems.push(`${where}: DataSet does not start with xs:schema`);
		return;
	}
	const dataSet = schema.children[0];
	if (dataSet?.attributes.IsDataSet !== 'true') problems.push(`${where}: no msdata:IsDataSet`);
	const tables = new Map<string, Map<string, string>>();
	const choice = dataSet?.children[0]?.children[0];
	for (const table of choice?.children ?? []) {
		const columns = new Map<string, string>();
		for (const column of table.children[0]?.children[0]?.children ?? []) {
			columns.set(column.attributes.name, column.attributes.type.replace(/^xs:/, ''));
		}
		tables.set(table.attributes.name, columns);
	}
	if (tables.size === 0) problems.push(`${where}: DataSet schema has no table`);
	if (diffgram?.local !== 'diffgram') {
		problems.push(`${where}: no diffgr:diffgram after the schema`);
		return;
	}
	for (const row of diffgram.children[0]?.children ?? []) {
		const columns = tables.get(row.local);
		if (!columns) {
			problems.push(`${where}: row ${row.local} has no table in the schema`);
			continue;
		}
		for (const cell of row.children) {
			const type = columns.get(cell.local);
			if (!type) problems.push(`${where}.${row.local}: unknown column ${cell.local}`);
			else checkScalar(type, cell.text, `${where}.${row.local}.${cell.local}`, problems);
		}
	}
}

/** Problems found in `node` read as an element of `type`; [] when it is schema-valid. */
export function checkType(
	type: string,
	node: Node,
	where: string,
	problems: string[] = [],
): string[] {
	if (type === 'DataSet') {
		checkDataSet(node, where, problems);
		return problems;
	}
	const fields = COMPLEX_TYPES[type];
	if (!fields) {
		checkScalar(type, node.text, where, problems);
		return problems;
	}
	let at = 0;
	const seen = new Map<string, number>();
	for (const child of node.children) {
		const index = fields.findIndex((f) => f.name === child.local);
		if (index < 0) {
			problems.push(`${where}: unexpected element ${child.local}`);
			continue;
		}
		if (index < at) problems.push(`${where}: ${child.local} out of WSDL order`);
		at = index;
		seen.set(child.local, (seen.get(child.local) ?? 0) + 1);
		checkType(fields[index].type, child, `${where}.${child.local}`, problems);
	}
	for (const field of fields) {
		const count = seen.get(field.name) ?? 0;
		if (count < field.minOccurs) problems.push(`${where}: required ${field.name} missing`);
		if (field.maxOccurs === 1 && count > 1) problems.push(`${where}: ${field.name} repeated`);
	}
	return problems;
}

/** Fields of a complex type that the element does not carry. */
export function missingFields(type: string, node: Node): string[] {
	const fields: readonly WsdlField[] = COMPLEX_TYPES[type] ?? [];
	return fields.filter((f) => !node.children.some((c) => c.local === f.name)).map((f) => f.name);
}
