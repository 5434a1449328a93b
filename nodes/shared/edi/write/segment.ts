import { EdiWriteError } from './errors';
import type { ValueWriter } from './syntax';

/** A segment as Read shapes it: `{ N101: 'ST', N102: 'NAME', DTM01_02: '…' }`, flat lists add `tag`. */
export type ShapedSegment = { [key: string]: unknown };

export const SEGMENT_TAG = /^[A-Z][A-Z0-9]{1,2}$/;

/** The text of one element value; `undefined` when there is none. */
function textOf(value: unknown, reference: string): string | undefined {
	if (typeof value === 'string') return value;
	if (value === null || value === undefined) return undefined;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'bigint') return String(value);
	throw new EdiWriteError(
		`${reference} is ${Array.isArray(value) ? 'a list of lists' : typeof value === 'object' ? 'an object' : `the ${typeof value} ${String(value)}`}, not a text or a number`,
		undefined,
		'Each element is a text or a number; a composite element has one key per component (DTM01, DTM01_02…), a repeated element a list of texts.',
	);
}

/** Where keys such as `DTM01_02` point (element 1, component 2), per tag: keys repeat millions of times. */
const positions = new Map<string, Map<string, [number, number]>>();

function positionOf(tag: string, key: string): [number, number] {
	let byKey = positions.get(tag);
	if (!byKey) positions.set(tag, (byKey = new Map()));
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

/**
 * One segment's text, without its terminator: elements in designator order, gaps left empty,
 * trailing empty elements and components dropped (as the standards ask).
 */
export function renderSegment(tag: string, shaped: ShapedSegment, values: ValueWriter): string {
	if (shaped === null || typeof shaped !== 'object' || Array.isArray(shaped)) {
		throw new EdiWriteError(
			`segment ${tag} is ${Array.isArray(shaped) ? 'a list inside a list' : `the ${typeof shaped} ${JSON.stringify(shaped)}`}, not an object of elements`,
		);
	}
	const { element: separator, component: componentSeparator, repetition } = values.syntax;
	// A plain element is a string; a composite an array of its components.
	const elements: Array<string | string[] | undefined> = [];
	for (const key in shaped) {
		if (key === 'tag') continue;
		const [element, component] = positionOf(tag, key);
		const value = shaped[key];
		let text: string | undefined;
		if (Array.isArray(value)) {
			if (repetition === '' && value.length > 1) {
				throw new EdiWriteError(
					`${key} is a list of ${value.length} repetitions, but the interchange has no repetition separator`,
					undefined,
					'Repetitions need X12 version 00501 or later (ISA11), or an EDIFACT repetition separator.',
				);
			}
			text = value
				.map((each, index) => values.write(textOf(each, `${key}[${index}]`) ?? '', key, true))
				.join(repetition);
		} else {
			const raw = textOf(value, key);
			text = raw === undefined ? undefined : values.write(raw, key);
		}
		if (text === undefined) continue;
		const existing = elements[element - 1];
		if (component === 1 && existing === undefined) elements[element - 1] = text;
		else {
			const components = Array.isArray(existing)
				? existing
				: existing === undefined
					? []
					: [existing];
			components[component - 1] = text;
			elements[element - 1] = components;
		}
	}
	let out = tag;
	let pending = '';
	for (let index = 0; index < elements.length; index++) {
		pending += separator;
		const element = elements[index];
		const value =
			typeof element === 'string' ? element : joinComponents(element, componentSeparator);
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
