import { X12_DATE_TIME_ELEMENTS, X12_TAGS_WITH_DATES } from '../structure/x12DateElements';
import { dateTimeText, isInvalidDate, x12DateTime, type DateDigits } from './dates';
import { EdiWriteError } from './errors';
import type { ValueWriter } from './syntax';

/** A segment as Read shapes it: `{ N101: 'ST', N102: 'NAME', DTM01_02: '…' }`, flat lists add `tag`. */
export type ShapedSegment = { [key: string]: unknown };

export const SEGMENT_TAG = /^[A-Z][A-Z0-9]{1,2}$/;

/**
 * A number as EDI writes it: never in exponent notation (`5e-7` is `0.0000005`), which no X12 or
 * EDIFACT numeric element takes. A whole number past 2^53 has already lost digits: refused.
 * A fraction is written to 15 significant digits, all a double holds for sure: a price an
 * expression computed (`4.35 * 100` is 434.99999999999994, `0.1 + 0.2` 0.30000000000000004)
 * is written as the 435 or 0.3 meant, not as 17 digits no element takes.
 */
function numberText(value: number, reference: string): string {
	if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
		throw new EdiWriteError(
			`${reference} is the number ${String(value)}, too big to keep every digit`,
			undefined,
			'Give numbers of more than 15 digits as text, e.g. "12345678901234567890".',
		);
	}
	const text = String(Number.isInteger(value) ? value : Number(value.toPrecision(15)));
	const small = /^(-?)(\d)(?:\.(\d+))?e-(\d+)$/.exec(text);
	if (!small) return text;
	const [, sign, first, rest = '', exponent] = small;
	return `${sign}0.${'0'.repeat(Number(exponent) - 1)}${first}${rest}`;
}

/** The text of one element value; `undefined` when there is none. */
function textOf(value: unknown, reference: string): string | undefined {
	if (typeof value === 'string') return value;
	if (value === null || value === undefined) return undefined;
	if (typeof value === 'number') {
		if (Number.isFinite(value)) return numberText(value, reference);
		throw new EdiWriteError(
			`${reference} is ${String(value)}, which a calculation in the mapping gives when a value it uses is missing or not a number (or it divides by zero)`,
			undefined,
			'Check the expression that computes it, e.g. give a missing value a default: {{ ($json.price ?? 0) * $json.quantity }}.',
		);
	}
	if (typeof value === 'bigint') return String(value);
	// An n8n DateTime ($now) or a Date: its ISO text, which a date or time element then takes.
	const dateTime = typeof value === 'object' ? dateTimeText(value) : undefined;
	if (dateTime !== undefined) return dateTime;
	if (isInvalidDate(value)) {
		throw new EdiWriteError(
			`${reference} is a date that is not valid (${String(value)})`,
			undefined,
			'Check the expression that makes the date: it parsed a text that is not one.',
		);
	}
	throw new EdiWriteError(
		`${reference} is ${Array.isArray(value) ? 'a list of lists' : typeof value === 'object' ? 'an object' : `the ${typeof value} ${String(value)}`}, not a text or a number`,
		undefined,
		'Each element is a text or a number; a composite element has one key per component (DTM01, DTM01_02…), a repeated element a list of texts.',
	);
}

/** Where keys such as `DTM01_02` point (element 1, component 2), per tag: keys repeat millions of times. */
const positions = new Map<string, Map<string, [number, number]>>();

function positionsOf(tag: string): Map<string, [number, number]> {
	let byKey = positions.get(tag);
	if (!byKey) positions.set(tag, (byKey = new Map()));
	return byKey;
}

function positionOf(tag: string, key: string, byKey = positionsOf(tag)): [number, number] {
	let position = byKey.get(key);
	if (!position) {
		position = parsePosition(tag, key);
		// Only keys that are designators are kept, so the cache cannot grow with bad input.
		byKey.set(key, position);
	}
	return position;
}

function parsePosition(tag: string, key: string): [number, number] {
	const element = key.length >= tag.length + 2 ? Number(key.slice(tag.length, tag.length + 2)) : 0;
	let component = 1;
	if (key.length > tag.length + 2) {
		const rest = key.slice(tag.length + 2);
		component = /^_\d\d$/.test(rest) ? Number(rest.slice(1)) : 0;
	}
	if (!key.startsWith(tag) || !(element >= 1) || !(component >= 1)) {
		throw new EdiWriteError(
			`segment ${tag} has the key "${key}", which is not one of its reference designators (${tag}01, ${tag}02, ${tag}01_02…)`,
			undefined,
			'Segments are keyed by reference designator, as Read writes them.',
		);
	}
	return [element, component];
}

/** One segment's text, without its terminator (see `writeSegment`). */
export function renderSegment(tag: string, shaped: ShapedSegment, values: ValueWriter): string {
	const parts: string[] = [];
	writeSegment(tag, shaped, values, parts);
	return parts.join('');
}

/**
 * Adds one segment's pieces to `parts`, without its terminator: elements in designator order,
 * gaps left empty, trailing empty elements and components dropped (as the standards ask). Keys in
 * order (as Read gives them) are written as they come; keys out of order take a slower path that
 * places them first. Pieces rather than a string: a big file joins them once per set.
 */
export function writeSegment(
	tag: string,
	shaped: ShapedSegment,
	values: ValueWriter,
	parts: string[],
): void {
	if (shaped === null || typeof shaped !== 'object' || Array.isArray(shaped)) {
		throw new EdiWriteError(
			`segment ${tag} is ${Array.isArray(shaped) ? 'a list inside a list' : `the ${typeof shaped} ${JSON.stringify(shaped)}`}, not an object of elements`,
		);
	}
	const { element: separator, component: componentSeparator } = values.syntax;
	const start = parts.length;
	const byKey = positionsOf(tag);
	const dates = datesOf(tag, values);
	parts.push(tag);
	// Where the last key and the last written value stood: element, component.
	let seenElement = 0;
	let seenComponent = 0;
	let writtenElement = 0;
	let writtenComponent = 0;
	for (const key in shaped) {
		if (key === 'tag') continue;
		const [element, component] = positionOf(tag, key, byKey);
		if (element < seenElement || (element === seenElement && component <= seenComponent)) {
			parts.length = start;
			parts.push(renderSorted(tag, shaped, values));
			return;
		}
		seenElement = element;
		seenComponent = component;
		const text = valueOf(key, shaped[key], values, dates);
		if (text === undefined || text === '') continue;
		if (element > writtenElement) {
			parts.push(separator);
			for (let gap = writtenElement + 1; gap < element; gap++) parts.push(separator);
			for (let gap = 1; gap < component; gap++) parts.push(componentSeparator);
		} else {
			for (let gap = writtenComponent; gap < component; gap++) parts.push(componentSeparator);
		}
		parts.push(text);
		writtenElement = element;
		writtenComponent = component;
	}
}

/**
 * How many digits the tag's X12 dates have; undefined for a tag without dates, which is then
 * never looked up per element.
 */
function datesOf(tag: string, values: ValueWriter): DateDigits | undefined {
	return values.syntax.standard === 'X12' && X12_TAGS_WITH_DATES.has(tag)
		? values.dateDigits
		: undefined;
}

/** One element's text, a date or time in the form X12 writes it. */
function elementText(
	value: unknown,
	key: string,
	dates: DateDigits | undefined,
	reference = key,
): string | undefined {
	const text = textOf(value, reference);
	if (dates === undefined || text === undefined) return text;
	const kind = Object.hasOwn(X12_DATE_TIME_ELEMENTS, key) ? X12_DATE_TIME_ELEMENTS[key] : undefined;
	return kind === undefined ? text : x12DateTime(text, reference, kind, dates);
}

/** One element value as written: checked or released, repetitions joined. */
function valueOf(
	key: string,
	value: unknown,
	values: ValueWriter,
	dates?: DateDigits,
): string | undefined {
	if (!Array.isArray(value)) {
		const raw = elementText(value, key, dates);
		return raw === undefined ? undefined : values.write(raw, key);
	}
	const { repetition } = values.syntax;
	if (repetition === '' && value.length > 1) {
		throw new EdiWriteError(
			`${key} is a list of ${value.length} repetitions, but the interchange has no repetition separator`,
			undefined,
			'Repetitions need X12 version 00501 or later (ISA11), or an EDIFACT repetition separator.',
		);
	}
	return value
		.map((each, index) =>
			values.write(elementText(each, key, dates, `${key}[${index}]`) ?? '', key, true),
		)
		.join(repetition);
}

/** A segment whose keys are out of order: its values placed by position first. */
function renderSorted(tag: string, shaped: ShapedSegment, values: ValueWriter): string {
	const dates = datesOf(tag, values);
	const elements: Array<string[] | undefined> = [];
	/** Which key gave each place, so that two keys for one place (PO104, PO104_01) are caught. */
	const givenBy = new Map<number, string>();
	for (const key in shaped) {
		if (key === 'tag') continue;
		const [element, component] = positionOf(tag, key);
		const text = valueOf(key, shaped[key], values, dates);
		if (text === undefined || text === '') continue;
		const place = element * 100 + component;
		const earlier = givenBy.get(place);
		if (earlier !== undefined && elements[element - 1]![component - 1] !== text) {
			throw new EdiWriteError(
				`${earlier} and ${key} both give element ${element}${component > 1 ? `, component ${component}` : ''} of segment ${tag}, with different values`,
				undefined,
				`Keep one of them: ${tag}${String(element).padStart(2, '0')} is the element's first component, as ${tag}${String(element).padStart(2, '0')}_01 would be.`,
			);
		}
		givenBy.set(place, key);
		(elements[element - 1] ??= [])[component - 1] = text;
	}
	let out = tag;
	let pending = '';
	for (let index = 0; index < elements.length; index++) {
		pending += values.syntax.element;
		const value = joinComponents(elements[index], values.syntax.component);
		if (value === '') continue;
		out += pending + value;
		pending = '';
	}
	return out;
}

/** A composite's components joined, gaps kept and trailing empty ones dropped. */
function joinComponents(components: string[] | undefined, separator: string): string {
	if (components === undefined) return '';
	let value = '';
	let gap = '';
	for (let place = 0; place < components.length; place++) {
		const component = components[place];
		if (place > 0) gap += separator;
		if (component === undefined || component === '') continue;
		value += gap + component;
		gap = '';
	}
	return value;
}
