import { FrameworkFault, missingParameter } from '../errors';
import { ENUM_TYPES } from '../metadata';
import type { WsdlField, WsdlOperation } from '../metadata';
import type { Binding } from '../types';
import type { XmlElement } from './xml-tree';

/** One parameter as it arrived: element text (SOAP) or form/query value (HTTP). */
export interface RawArgument {
	text: string;
	/** `xsi:nil="true"` (SOAP only). */
	nil: boolean;
	/** The element itself, for complex-typed parameters (SOAP only). */
	element?: XmlElement;
	/** Every value of a repeated form/query field, in order (HTTP only). */
	values?: string[];
}

interface IntegerRange {
	clrName: string;
	min: bigint;
	max: bigint;
}

const INTEGER_TYPES: Record<string, IntegerRange> = {
	byte: { clrName: 'SByte', min: -128n, max: 127n },
	unsignedByte: { clrName: 'Byte', min: 0n, max: 255n },
	short: { clrName: 'Int16', min: -32768n, max: 32767n },
	unsignedShort: { clrName: 'UInt16', min: 0n, max: 65535n },
	int: { clrName: 'Int32', min: -2147483648n, max: 2147483647n },
	unsignedInt: { clrName: 'UInt32', min: 0n, max: 4294967295n },
	long: { clrName: 'Int64', min: -9223372036854775808n, max: 9223372036854775807n },
	unsignedLong: { clrName: 'UInt64', min: 0n, max: 18446744073709551615n },
};

const FLOAT_TYPES: Record<string, string> = {
	float: 'Single',
	double: 'Double',
	decimal: 'Decimal',
};

/**
 * Check every WSDL parameter is present and convert it to its JS value, the way ASMX's
 * deserializers would refuse it. The simulator is stricter than ASMX on one point: a missing
 * SOAP parameter is a fault (ASMX would pass null/0), because the ECGridOS docs say "send every
 * element" and a client that forgets one is buggy.
 */
export function readArguments(
	operation: WsdlOperation,
	raw: ReadonlyMap<string, RawArgument>,
	binding: Binding,
): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const field of operation.parameters) {
		const argument = raw.get(field.name);
		if (!argument && isByteArray(field, binding)) throw missingByteArray();
		if (!argument) throw missingParameter(field.name);
		values[field.name] = convertArgument(field, argument, binding);
	}
	return values;
}

function convertArgument(field: WsdlField, argument: RawArgument, binding: Binding): unknown {
	if (argument.nil) return null;
	const text = argument.text;
	const type = field.type;
	if (type === 'string') return text;
	const integer = INTEGER_TYPES[type];
	if (integer) return toInteger(field.name, text, integer, binding);
	if (type in FLOAT_TYPES) return toFloat(field.name, text, FLOAT_TYPES[type], binding);
	if (type === 'boolean') return toBoolean(field.name, text, binding);
	if (type === 'dateTime') return toDate(field.name, text, binding);
	if (isByteArray(field, binding))
		return fromByteFields(field.name, argument.values ?? [text], binding);
	if (type === 'base64Binary') return toBytes(field.name, text, binding);
	const names = ENUM_TYPES[type];
	if (names) return toEnum(field.name, text, type, names, binding);
	// Complex types: handlers that need them read the element themselves.
	return argument.element ?? text;
}

function toInteger(
	name: string,
	text: string,
	range: IntegerRange,
	binding: Binding,
): number | bigint {
	// XmlConvert / Int32.Parse both allow surrounding whitespace and a sign, nothing else.
	if (!/^\s*[+-]?\d+\s*$/.test(text)) throw badFormat(name, range.clrName, binding);
	const big = BigInt(text.trim());
	if (big < range.min || big > range.max) {
		throw conversionFault(
			name,
			range.clrName,
			binding,
			`System.OverflowException: Value was either too large or too small for an ${range.clrName}.`,
		);
	}
	const asNumber = Number(big);
	return Number.isSafeInteger(asNumber) ? asNumber : big;
}

function toFloat(name: string, text: string, clrName: string, binding: Binding): number {
	const trimmed = text.trim();
	if (clrName !== 'Decimal') {
		if (trimmed === 'INF') return Infinity;
		if (trimmed === '-INF') return -Infinity;
		if (trimmed === 'NaN') return NaN;
	}
	if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) {
		throw badFormat(name, clrName, binding);
	}
	return Number(trimmed);
}

function toBoolean(name: string, text: string, binding: Binding): boolean {
	const trimmed = text.trim();
	// XmlConvert takes true/false/1/0; Boolean.Parse (GET/POST) takes True/False in any case.
	if (binding === 'soap11' || binding === 'soap12') {
		if (trimmed === 'true' || trimmed === '1') return true;
		if (trimmed === 'false' || trimmed === '0') return false;
	} else {
		if (trimmed.toLowerCase() === 'true') return true;
		if (trimmed.toLowerCase() === 'false') return false;
	}
	throw conversionFault(
		name,
		'Boolean',
		binding,
		'System.FormatException: String was not recognized as a valid Boolean.',
	);
}

function toDate(name: string, text: string, binding: Binding): Date {
	const trimmed = text.trim();
	const date = new Date(trimmed);
	if (
		!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(trimmed) ||
		isNaN(date.getTime())
	) {
		throw conversionFault(
			name,
			'DateTime',
			binding,
			'System.FormatException: The string was not recognized as a valid DateTime.',
		);
	}
	return date;
}

function toBytes(name: string, text: string, binding: Binding): Buffer {
	const compact = text.replace(/\s+/g, '');
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) {
		throw conversionFault(
			name,
			'Byte[]',
			binding,
			'System.FormatException: The input is not a valid Base-64 string.',
		);
	}
	return Buffer.from(compact, 'base64');
}

/**
 * The WSDL's HTTP bindings type a base64Binary parameter as a `StringArray`: ASMX reads it as
 * the field repeated, one decimal byte each, and parses each with Byte.Parse.
 */
function isByteArray(field: WsdlField, binding: Binding): boolean {
	return field.type === 'base64Binary' && (binding === 'httpGet' || binding === 'httpPost');
}

function fromByteFields(name: string, values: readonly string[], binding: Binding): Buffer {
	const bytes = Buffer.alloc(values.length);
	values.forEach((value, index) => {
		bytes[index] = toInteger(name, value, INTEGER_TYPES.unsignedByte, binding) as number;
	});
	return bytes;
}

/** ASMX asks the form for the array's values without checking it got any. */
function missingByteArray(): FrameworkFault {
	return new FrameworkFault(
		'Server',
		'Object reference not set to an instance of an object.',
		'System.NullReferenceException: Object reference not set to an instance of an object.\r\n' +
			'   at System.Web.Services.Protocols.ValueCollectionParameterReader.Read(NameValueCollection collection)',
	);
}

function toEnum(
	name: string,
	text: string,
	type: string,
	names: readonly string[],
	binding: Binding,
): string {
	if (names.includes(text)) return text;
	// The bad value is not echoed: the simulator never repeats arbitrary input in its errors.
	throw conversionFault(
		name,
		type,
		binding,
		`System.InvalidOperationException: Instance validation error: the value is not a valid ${type}.`,
	);
}

function badFormat(name: string, clrName: string, binding: Binding): FrameworkFault {
	return conversionFault(
		name,
		clrName,
		binding,
		'System.FormatException: Input string was not in a correct format.',
	);
}

/** SOAP: XmlSerializer's "error in XML document"; GET/POST: the ArgumentException of ASMX. */
function conversionFault(
	name: string,
	clrName: string,
	binding: Binding,
	inner: string,
): FrameworkFault {
	const innerMessage = inner.slice(inner.indexOf(': ') + 2);
	if (binding === 'soap11' || binding === 'soap12') {
		return new FrameworkFault(
			'Client',
			`Server was unable to read request. ---> There is an error in XML document (element ${name}). ---> ${innerMessage}`,
		);
	}
	return new FrameworkFault(
		'Client',
		innerMessage,
		`System.ArgumentException: Cannot convert the value of ${name} to System.${clrName}.\r\n` +
			`Parameter name: type ---> ${inner}`,
	);
}
