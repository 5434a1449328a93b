import { decodeBase64, decodeBase64InPlace } from './base64';
import { decodeDataSet } from './dataset';
import { utcDateTime } from './dateTime';
import { LONG_MAX, LONG_MIN, longFromText, longFromValue } from './longInteger';
import type { WsdlField } from './wsdl/types';
import { COMPLEX_TYPES, ENUM_TYPES } from './wsdl/operations.generated';
import { isNil, type XmlElement } from './xml';

/** A parameter value as the caller hands it over; dates may be Date objects, files Buffers. */
export type ParameterValue = string | number | boolean | Date | Buffer;

/** A decoded result: JSON-safe but for base64Binary values, which are their bytes. */
export type ResultValue =
	string | number | boolean | null | Buffer | ResultValue[] | { [field: string]: ResultValue };

/**
 * The XSD integer types' ranges; long's is what the editor's number field holds exactly, while
 * an expression may give any long as text (see longInteger.ts).
 */
export const INTEGER_RANGES: Readonly<Record<string, [number, number]>> = {
	int: [-2147483648, 2147483647],
	short: [-32768, 32767],
	unsignedByte: [0, 255],
	long: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/** Thrown for a value the WSDL type cannot carry: a caller bug, checked before anything is sent. */
export class ParameterTypeError extends Error {}

/** Renders one parameter as the text the wire carries (escaping is the binding's job). */
export function encodeValue(field: WsdlField, value: ParameterValue): string {
	if (field.type === 'long') {
		const long = longFromValue(value);
		if (long === undefined)
			throw new ParameterTypeError(
				`${field.name} must be a whole number between ${LONG_MIN} and ${LONG_MAX}, past 2^53 given as text`,
			);
		return long.toString();
	}
	const range = INTEGER_RANGES[field.type];
	if (range) {
		const number =
			typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
		if (
			typeof number !== 'number' ||
			!Number.isInteger(number) ||
			number < range[0] ||
			number > range[1]
		) {
			throw new ParameterTypeError(
				`${field.name} must be a whole number between ${range[0]} and ${range[1]}`,
			);
		}
		return String(number);
	}
	if (field.type === 'boolean') {
		if (typeof value !== 'boolean')
			throw new ParameterTypeError(`${field.name} must be true or false`);
		return String(value);
	}
	if (field.type === 'dateTime' && value instanceof Date) return value.toISOString();
	const enumValues = ENUM_TYPES[field.type];
	if (enumValues && !enumValues.includes(String(value))) {
		throw new ParameterTypeError(`${field.name} must be one of ${enumValues.join(', ')}`);
	}
	return String(value);
}

/** A result value its WSDL type cannot carry: the reply is not a well-formed ECGridOS answer. */
export class MalformedValueError extends Error {}

const quoted = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** base64Binary as bytes; a long run that arrived as bytes is decoded where it lies. */
function decodeBinary(element: XmlElement): Buffer {
	const bytes = element.run ? decodeBase64InPlace(element.run.take()) : decodeBase64(element.text);
	if (!bytes) throw new MalformedValueError(`a <${element.name}> value that is not base64`);
	return bytes;
}

function decodeScalar(type: string, element: XmlElement): ResultValue {
	if (Object.keys(element.children).length > 0) {
		throw new MalformedValueError(`markup inside the <${element.name}> value (a ${type})`);
	}
	if (type === 'base64Binary') return decodeBinary(element);
	const text = element.text;
	const malformed = (what: string) =>
		new MalformedValueError(`<${element.name}> ${quoted(text)}, which is not ${what}`);
	const trimmed = text.trim();
	const range = INTEGER_RANGES[type];
	if (range) {
		if (!/^[+-]?\d+$/.test(trimmed)) throw malformed('a whole number');
		if (type === 'long') {
			const long = longFromText(trimmed);
			if (long === undefined) throw malformed('a long');
			return long;
		}
		const number = Number(trimmed);
		if (number < range[0] || number > range[1]) throw malformed(`a ${type}`);
		return number;
	}
	switch (type) {
		case 'dateTime':
			return utcDateTime(trimmed);
		case 'boolean':
			if (trimmed === 'true' || trimmed === '1') return true;
			if (trimmed === 'false' || trimmed === '0') return false;
			throw malformed('true or false');
		case 'float':
		case 'double':
		case 'decimal': {
			// XML Schema's INF and NaN have no JSON form: kept as sent.
			if (type !== 'decimal' && /^(-?INF|NaN)$/.test(trimmed)) return trimmed;
			if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) throw malformed('a number');
			return Number(trimmed);
		}
		default:
			return text;
	}
}

/** Generic fallback (DataSets, unknown types): element text, or an object of its children. */
function decodeUntyped(element: XmlElement): ResultValue {
	const entries = Object.entries(element.children);
	if (entries.length === 0) return element.text;
	const object: { [field: string]: ResultValue } = {};
	for (const [name, occurrences] of entries) {
		const values = occurrences.map(decodeUntyped);
		object[name] = values.length === 1 ? values[0] : values;
	}
	return object;
}

/** Decodes an element as the WSDL type says: numbers, booleans, enums, complex types, arrays. */
export function decodeElement(type: string, element: XmlElement): ResultValue {
	if (isNil(element)) return null;
	const fields = COMPLEX_TYPES[type];
	if (type === 'DataSet') return decodeDataSet(element);
	if (!fields) return type === 'anyType' ? decodeUntyped(element) : decodeScalar(type, element);
	// ArrayOfX: one repeated field; the result is the list itself.
	if (fields.length === 1 && fields[0].maxOccurs === 'unbounded') {
		return (element.children[fields[0].name] ?? []).map((item) =>
			decodeElement(fields[0].type, item),
		);
	}
	const object: { [field: string]: ResultValue } = {};
	for (const field of fields) {
		const occurrences = element.children[field.name];
		if (!occurrences) continue;
		const values = occurrences.map((item) => decodeElement(field.type, item));
		object[field.name] = field.maxOccurs === 'unbounded' ? values : values[0];
	}
	return object;
}
