import { COMPLEX_TYPES, ENUM_TYPES } from '../metadata';
import type { WsdlField } from '../metadata';
import { encodeDataSet, isDataSetValue } from './dataset';
import { escapeXml } from './xml';

/**
 * Serialize a handler's result the way XmlSerializer would: complex types field by field in WSDL
 * order, enums by name, dateTime as ISO 8601 UTC. Elements carry no prefix: they inherit the
 * `xmlns="https://os.ecgrid.io/"` of the enclosing response element.
 */
export function encodeField(field: WsdlField, value: unknown): string {
	if (value === undefined || value === null) {
		if (field.minOccurs === 0) return '';
		throw new Error(`Simulator handler left required field ${field.name} empty`);
	}
	if (field.maxOccurs !== 1) {
		if (!Array.isArray(value)) throw new Error(`Simulator field ${field.name} needs an array`);
		return value.map((item) => element(field.name, encodeContent(field.type, item))).join('');
	}
	return element(field.name, encodeContent(field.type, value));
}

/** The inside of an element of the given WSDL type. */
export function encodeContent(type: string, value: unknown): string {
	const fields = COMPLEX_TYPES[type];
	if (fields) {
		// An ArrayOf… wrapper may be given as the bare array of its items.
		const wrapped =
			Array.isArray(value) && fields.length === 1 && fields[0].maxOccurs !== 1
				? { [fields[0].name]: value }
				: value;
		const record = (wrapped ?? {}) as Record<string, unknown>;
		return fields.map((f) => encodeField(f, record[f.name])).join('');
	}
	if (type === 'DataSet') {
		if (isDataSetValue(value)) return encodeDataSet(value);
		throw new Error('Simulator DataSet result needs { tables }');
	}
	const names = ENUM_TYPES[type];
	if (names) {
		if (typeof value !== 'string' || !names.includes(value)) {
			throw new Error(`Simulator value is not a ${type} name`);
		}
		return value;
	}
	return escapeXml(encodeScalar(type, value));
}

/** True when the WSDL type is serialized as child elements. */
export function isComplexType(type: string): boolean {
	return Object.hasOwn(COMPLEX_TYPES, type);
}

function encodeScalar(type: string, value: unknown): string {
	if (type === 'dateTime') {
		// XmlSerializer drops an all-zero fraction: 2026-01-02T03:04:05Z.
		return value instanceof Date ? value.toISOString().replace('.000Z', 'Z') : String(value);
	}
	if (type === 'boolean') return value ? 'true' : 'false';
	if (type === 'base64Binary') {
		return Buffer.isBuffer(value) ? value.toString('base64') : String(value);
	}
	if (typeof value === 'number') {
		if (Number.isNaN(value)) return 'NaN';
		if (value === Infinity) return 'INF';
		if (value === -Infinity) return '-INF';
	}
	return String(value);
}

function element(name: string, content: string): string {
	return content === '' ? `<${name} />` : `<${name}>${content}</${name}>`;
}
