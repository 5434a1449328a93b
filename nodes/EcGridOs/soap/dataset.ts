import { utcDateTime } from './dateTime';
import type { ResultValue } from './values';
import type { XmlElement } from './xml';

/**
 * A .NET DataSet as ASMX sends it: an inline `xs:schema` describing each table's columns, then a
 * `diffgr:diffgram` holding the rows. Decoded to one row object per table row, `table` first,
 * each column typed as the schema says.
 */

type Columns = Map<string, string>;

const first = (element: XmlElement | undefined, name: string) => element?.children[name]?.[0];
const all = (element: XmlElement | undefined, name: string) => element?.children[name] ?? [];
const localType = (type: string | undefined) => (type ?? 'string').replace(/^.*:/, '');

/** Table name → column name → XSD type, in schema order. */
function tablesOf(schema: XmlElement | undefined): Map<string, Columns> {
	const tables = new Map<string, Columns>();
	for (const dataSet of all(schema, 'element')) {
		const choice = first(first(dataSet, 'complexType'), 'choice');
		for (const table of all(choice, 'element')) {
			const columns: Columns = new Map();
			const sequence = first(first(table, 'complexType'), 'sequence');
			for (const column of all(sequence, 'element'))
				columns.set(column.attributes.name, localType(column.attributes.type));
			tables.set(table.attributes.name, columns);
		}
	}
	return tables;
}

function typed(type: string, text: string): ResultValue {
	switch (type) {
		case 'int':
		case 'short':
		case 'long':
		case 'unsignedByte':
		case 'byte': {
			const number = Number(text);
			return Number.isSafeInteger(number) ? number : text;
		}
		case 'decimal':
		case 'double':
		case 'float': {
			const number = Number(text);
			return Number.isFinite(number) ? number : text;
		}
		case 'boolean':
			return text === 'true' || text === '1';
		case 'dateTime':
			return utcDateTime(text.trim());
		default:
			return text;
	}
}

function rowOf(table: string, element: XmlElement, columns: Columns | undefined): ResultValue {
	const row: Record<string, ResultValue> = { table };
	for (const [name, cells] of Object.entries(element.children)) {
		const cell = cells[0];
		row[name] =
			cell.attributes.nil === 'true' ? null : typed(columns?.get(name) ?? 'string', cell.text);
	}
	// Columns the row leaves out are null in the DataSet: keep them, so every row has every column.
	for (const name of columns?.keys() ?? []) if (!(name in row)) row[name] = null;
	return row;
}

export function decodeDataSet(element: XmlElement): ResultValue[] {
	const tables = tablesOf(first(element, 'schema'));
	const diffgram = first(element, 'diffgram');
	const rows: ResultValue[] = [];
	for (const dataSet of Object.values(diffgram?.children ?? {}).flat()) {
		const names = [
			...tables.keys(),
			...Object.keys(dataSet.children).filter((name) => !tables.has(name)),
		];
		for (const table of names)
			for (const row of all(dataSet, table)) rows.push(rowOf(table, row, tables.get(table)));
	}
	return rows;
}
