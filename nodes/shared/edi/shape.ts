import type { Segment, Syntax } from './model';

export type ShapedSegment = Record<string, string | string[]>;

/** `BEG` + 3 → `BEG03`: keys are reference designators, never the standards' element names. */
export function designator(tag: string, position: number): string {
	return position < 10 ? `${tag}0${position}` : `${tag}${position}`;
}

/** Designators per tag, made once: a big file repeats a few tags millions of times. */
const designators = new Map<string, string[]>();

function designatorsOf(tag: string, count: number): string[] {
	let keys = designators.get(tag);
	if (!keys) designators.set(tag, (keys = []));
	while (keys.length < count) keys.push(designator(tag, keys.length + 1));
	return keys;
}

/**
 * One segment as an object keyed by reference designator: `{ BEG01: '00', BEG03: 'PO-1' }`.
 * A composite's first component keeps the element's key and the others get `_02`, `_03`…
 * (`DTM01: '137', DTM01_02: '20260102'`), so an expression reads the same whether or not the
 * sender wrote the components. A repeated element is an array of its repetitions as written.
 */
export function shapeSegment(segment: Segment, syntax: Syntax): ShapedSegment {
	const out: ShapedSegment = {};
	const { elements, tag } = segment;
	const { component, repetition, release } = syntax;
	const keys = designatorsOf(tag, elements.length);
	for (let index = 0; index < elements.length; index++) {
		const raw = elements[index];
		const key = keys[index];
		if (
			raw.indexOf(component) < 0 &&
			(repetition === '' || raw.indexOf(repetition) < 0) &&
			(release === '' || raw.indexOf(release) < 0)
		) {
			out[key] = raw;
			continue;
		}
		const repeats = syntax.split(raw);
		if (repeats.length > 1) {
			out[key] = repeats.map((components) => components.join(component));
			continue;
		}
		const [first, ...rest] = repeats[0];
		out[key] = first;
		rest.forEach((value, offset) => (out[`${key}_${String(offset + 2).padStart(2, '0')}`] = value));
	}
	return out;
}
