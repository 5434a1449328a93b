import { ScannedSegment, type Segment, type Syntax } from './model';

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
	if (segment instanceof ScannedSegment && !segment.isSplit) return shapeScanned(segment, syntax);
	const out: ShapedSegment = {};
	const { elements, tag } = segment;
	const keys = designatorsOf(tag, elements.length);
	for (let index = 0; index < elements.length; index++) {
		const raw = elements[index];
		if (isPlain(raw, syntax)) out[keys[index]] = raw;
		else shapeElement(out, keys[index], raw, syntax);
	}
	return out;
}

/**
 * The same from the file's text in one pass: each element is cut out of the text once, the
 * characters that need splitting noticed on the way, and no array of elements is made.
 */
function shapeScanned(segment: ScannedSegment, syntax: Syntax): ShapedSegment {
	const out: ShapedSegment = {};
	const { text, from, to, tag } = segment;
	if (from >= to) return out;
	const element = syntax.element.charCodeAt(0);
	const component = syntax.component.charCodeAt(0);
	const repetition = syntax.repetition === '' ? -1 : syntax.repetition.charCodeAt(0);
	const release = syntax.release === '' ? -1 : syntax.release.charCodeAt(0);
	let keys = designatorsOf(tag, 8);
	let index = 0;
	let start = from;
	let special = false;
	for (let at = from; at <= to; at++) {
		const code = at < to ? text.charCodeAt(at) : element;
		if (code === release) {
			// A released separator is data: the element is split the slow way, which honours it.
			special = true;
			if (at + 1 < to) at++;
			continue;
		}
		if (code !== element) {
			if (code === component || code === repetition) special = true;
			continue;
		}
		if (index >= keys.length) keys = designatorsOf(tag, index + 1);
		const raw = at - start > 1 ? sharedSlice(text, start, at) : text.slice(start, at);
		if (special) shapeElement(out, keys[index], raw, syntax);
		else out[keys[index]] = raw;
		index++;
		start = at + 1;
		special = false;
	}
	return out;
}

/** Values this short (codes, qualifiers, units, small numbers, dates) repeat throughout a file. */
const SHORT = 8;
const MAX_SHARED = 16384;
const sharedValues = new Map<string, string>();
/** The same for ASCII values of up to four characters, keyed by their codes: no slice to look one up. */
const sharedCodes = new Map<number, string>();

/**
 * `text.slice(from, to)`, one copy of each short value: the output holds millions of them, and
 * a string per occurrence is much of its memory and of the garbage collector's work moving it.
 */
function sharedSlice(text: string, from: number, to: number): string {
	const length = to - from;
	if (length > SHORT) return text.slice(from, to);
	if (length <= 4) {
		// Four 7-bit codes and the length make a small integer, which a Map hashes at once.
		let key = length << 28;
		for (let at = from, shift = 0; at < to; at++, shift += 7) {
			const code = text.charCodeAt(at);
			if (code > 0x7f) return shared(text.slice(from, to));
			key |= code << shift;
		}
		const known = sharedCodes.get(key);
		if (known !== undefined) return known;
		if (sharedCodes.size >= MAX_SHARED) sharedCodes.clear();
		const value = text.slice(from, to);
		sharedCodes.set(key, value);
		return value;
	}
	return shared(text.slice(from, to));
}

function shared(value: string): string {
	const known = sharedValues.get(value);
	if (known !== undefined) return known;
	if (sharedValues.size >= MAX_SHARED) sharedValues.clear();
	sharedValues.set(value, value);
	return value;
}

function isPlain(raw: string, syntax: Syntax): boolean {
	const { component, repetition, release } = syntax;
	return (
		raw.indexOf(component) < 0 &&
		(repetition === '' || raw.indexOf(repetition) < 0) &&
		(release === '' || raw.indexOf(release) < 0)
	);
}

/** A composite's components under `key`, `key_02`…, or a repeated element's repetitions. */
function shapeElement(out: ShapedSegment, key: string, raw: string, syntax: Syntax): void {
	const repeats = syntax.split(raw);
	if (repeats.length > 1) {
		out[key] = repeats.map((components) => components.join(syntax.component));
		return;
	}
	const [first, ...rest] = repeats[0];
	out[key] = first;
	rest.forEach((value, offset) => (out[`${key}_${String(offset + 2).padStart(2, '0')}`] = value));
}
