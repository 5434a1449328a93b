import type { DataSetValue, DataTable } from '../types';
import { escapeXml } from './xml';

const XS_NS = 'http://www.w3.org/2001/XMLSchema';
const MSDATA_NS = 'urn:schemas-microsoft-com:xml-msdata';
const DIFFGR_NS = 'urn:schemas-microsoft-com:xml-diffgram-v1';

/**
 * A .NET DataSet as ASMX writes it inside the result element: an inline `xs:schema` describing
 * `NewDataSet` (msdata:IsDataSet) with one element per table, then a `diffgr:diffgram` holding one
 * element per row named after its table. Both reset the default namespace to none.
 */
export function encodeDataSet(value: DataSetValue): string {
	const tables = value.tables.map(tableSchema).join('');
	const schema =
		`<xs:schema id="NewDataSet" xmlns="" xmlns:xs="${XS_NS}" xmlns:msdata="${MSDATA_NS}">` +
		'<xs:element name="NewDataSet" msdata:IsDataSet="true" msdata:UseCurrentLocale="true">' +
		`<xs:complexType><xs:choice minOccurs="0" maxOccurs="unbounded">${tables}</xs:choice></xs:complexType>` +
		'</xs:element></xs:schema>';
	const rows = value.tables.flatMap((table) =>
		table.rows.map((row, index) => rowXml(table, row, index)),
	);
	const diffgram =
		`<diffgr:diffgram xmlns:msdata="${MSDATA_NS}" xmlns:diffgr="${DIFFGR_NS}">` +
		(rows.length === 0 ? '' : `<NewDataSet xmlns="">${rows.join('')}</NewDataSet>`) +
		'</diffgr:diffgram>';
	return schema + diffgram;
}

export function isDataSetValue(value: unknown): value is DataSetValue {
	return (
		typeof value === 'object' && value !== null && Array.isArray((value as DataSetValue).tables)
	);
}

function tableSchema(table: DataTable): string {
	const columns = table.columns
		.map((c) => `<xs:element name="${c.name}" type="xs:${c.type}" minOccurs="0" />`)
		.join('');
	return (
		`<xs:element name="${table.name}"><xs:complexType><xs:sequence>${columns}` +
		'</xs:sequence></xs:complexType></xs:element>'
	);
}

function rowXml(table: DataTable, row: Record<string, unknown>, index: number): string {
	const cells = table.columns
		.filter((c) => row[c.name] !== undefined && row[c.name] !== null)
		.map((c) => `<${c.name}>${escapeXml(cell(c.type, row[c.name]))}</${c.name}>`)
		.join('');
	return (
		`<${table.name} diffgr:id="${table.name}${index + 1}" msdata:rowOrder="${index}">` +
		`${cells}</${table.name}>`
	);
}

function cell(type: DataTable['columns'][number]['type'], value: unknown): string {
	if (type === 'dateTime' && value instanceof Date)
		return value.toISOString().replace('.000Z', 'Z');
	if (type === 'boolean') return value ? 'true' : 'false';
	return String(value);
}
