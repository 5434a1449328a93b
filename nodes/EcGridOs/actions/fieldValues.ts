import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { fieldLabel } from '../catalog/fields';
import type { FieldSpec } from '../catalog/parameters';
import type { FieldOverride } from '../catalog/types';
import { RANGE_END, RANGE_START, isRequired } from '../description/fieldProperty';
import type { ParameterValue } from '../soap';
import { LONG_MAX, longFromValue, longOf } from '../soap/longInteger';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back an empty range start reaches. */
export const DEFAULT_RANGE_DAYS = 30;

export interface FieldReader {
	context: IExecuteFunctions;
	itemIndex: number;
	/** The time empty range fields resolve against, fixed once per execution. */
	now: Date;
}

function shown(raw: unknown): string {
	if (raw === undefined || raw === null || raw === '') return 'nothing';
	return JSON.stringify(raw)?.slice(0, 80) ?? String(raw);
}

function invalid(
	{ context, itemIndex }: FieldReader,
	spec: FieldSpec,
	raw: unknown,
	rule: string,
): NodeOperationError {
	const label = fieldLabel(spec.wsdlName);
	return new NodeOperationError(
		context.getNode(),
		`Invalid ${label} in item ${itemIndex}: got ${shown(raw)}`,
		{ itemIndex, description: `${rule} Check the ${label} field or the expression that fills it.` },
	);
}

function readRaw({ context, itemIndex }: FieldReader, spec: FieldSpec): unknown {
	return context.getNodeParameter(spec.property, itemIndex, undefined, {
		extractValue: spec.kind === 'locator',
	}) as unknown;
}

function integer(text: unknown): number | undefined {
	if (typeof text === 'number') return Number.isInteger(text) ? text : undefined;
	if (typeof text === 'string' && /^\s*-?\d+\s*$/.test(text)) return Number(text);
	return undefined;
}

/**
 * A long (ParcelID, InterchangeID …) as the workflow form longInteger.ts gives results: a number
 * up to 2^53, text beyond. A number past 2^53 is refused: it has already lost digits.
 */
function readLong(
	reader: FieldReader,
	spec: FieldSpec,
	raw: unknown,
	minimum: number,
): number | string {
	const value = longFromValue(typeof raw === 'string' ? raw.trim() : raw);
	if (value === undefined || value < BigInt(Math.max(spec.range![0], minimum))) {
		const lost = typeof raw === 'number' && Number.isInteger(raw) && !Number.isSafeInteger(raw);
		throw invalid(
			reader,
			spec,
			raw,
			lost
				? 'A number past 2^53 (9007199254740991) has lost its last digits: give the ID as text, as ECGridOS results give it (e.g. "9007199254740993").'
				: `It must be a whole number from ${Math.max(spec.range![0], minimum)} to ${LONG_MAX}.`,
		);
	}
	return longOf(value);
}

function readInteger(
	reader: FieldReader,
	spec: FieldSpec,
	raw: unknown,
	minimum: number,
): number | string {
	if (spec.wsdlType === 'long') return readLong(reader, spec, raw, minimum);
	const [low, high] = spec.range!;
	const from = Math.max(low, minimum);
	const value = integer(raw);
	if (value === undefined || value < from || value > high) {
		throw invalid(reader, spec, raw, `It must be a whole number from ${from} to ${high}.`);
	}
	return value;
}

function isEmpty(raw: unknown): boolean {
	return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/**
 * Text that names its zone at its end: Z, an offset, or GMT/UTC with one, as JavaScript's Date
 * text has it before the zone's name (`… GMT+0100 (Central European Standard Time)`).
 */
const NAMES_ZONE = /(Z|[+-]\d\d:?\d\d|\b(GMT|UTC)([+-]\d\d:?\d\d)?(\s*\([^()]*\))?)$/i;

function readDate(reader: FieldReader, spec: FieldSpec, raw: unknown): Date {
	if (isEmpty(raw)) {
		if (RANGE_START.test(spec.wsdlName))
			return new Date(reader.now.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
		if (RANGE_END.test(spec.wsdlName)) return reader.now;
		throw invalid(reader, spec, raw, 'It needs a date and time.');
	}
	const text =
		raw instanceof Date
			? raw.toISOString()
			: typeof (raw as { toISO?: unknown }).toISO === 'function'
				? String((raw as { toISO: () => string }).toISO())
				: String(raw);
	// A picked date has no zone: ECGridOS times are UTC, so it is read as UTC. A Z after a zone
	// already named would be read instead of it.
	const trimmed = text.trim();
	const date = new Date(
		/^\d{4}-\d\d-\d\d$/.test(trimmed)
			? `${trimmed}T00:00:00Z`
			: NAMES_ZONE.test(trimmed)
				? trimmed
				: `${trimmed}Z`,
	);
	if (Number.isNaN(date.getTime()))
		throw invalid(reader, spec, raw, 'It must be a date and time such as 2026-12-01T09:30:00Z.');
	return date;
}

/**
 * Reads one field for one item and checks it against its WSDL type, so that nothing invalid is
 * sent. Returns undefined for an empty optional scope field (the plain call is used then).
 */
export function readField(
	reader: FieldReader,
	spec: FieldSpec,
	override: FieldOverride = {},
	scope = false,
): ParameterValue | undefined {
	const raw = readRaw(reader, spec);
	switch (spec.kind) {
		case 'locator': {
			if (isEmpty(raw)) {
				if (scope) return undefined;
				if (!isRequired(spec, override, scope)) return 0;
				throw invalid(reader, spec, raw, 'It needs an ID: pick one from the list or enter it.');
			}
			if (spec.wsdlType === 'string') return String(raw).trim();
			return readInteger(reader, spec, raw, 1);
		}
		case 'integer':
			return readInteger(reader, spec, raw, Number.MIN_SAFE_INTEGER);
		case 'boolean': {
			// xs:boolean's own forms (true, false, 1, 0), as spreadsheets and other systems give them.
			const flag = typeof raw === 'string' ? raw.trim().toLowerCase() : raw;
			if (flag === true || flag === 'true' || flag === 1 || flag === '1') return true;
			if (flag === false || flag === 'false' || flag === 0 || flag === '0') return false;
			throw invalid(reader, spec, raw, 'It must be true or false (or 1 or 0).');
		}
		case 'dateTime':
			return readDate(reader, spec, raw);
		case 'enum': {
			// By name, in any case (no two names of one WSDL enum differ only in case): sent as
			// the WSDL spells it, since ASMX reads enum names case-sensitively.
			const wanted = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
			const name = spec.enumValues!.find((value) => value.toLowerCase() === wanted);
			if (name !== undefined) return name;
			throw invalid(reader, spec, raw, `It must be one of ${spec.enumValues!.join(', ')}.`);
		}
		case 'string':
			if (raw === undefined || raw === null) return '';
			if (typeof raw === 'object') throw invalid(reader, spec, raw, 'It must be text.');
			return String(raw);
	}
}
