import { ScannedSegment, type Segment, type Syntax } from './model';
import { sharedSlice } from './sharedText';

export type ShapedSegment = Record<string, string | string[]>;

/** `BEG` + 3 → `BEG03`: keys are reference designators, never the standards' element names. */
export function designator(tag: string, position: number): string {
	return position < 10 ? `${tag}0${position}` : `${tag}${position}`;
}

/**
 * Designators per tag, made once: a big file repeats a few tags millions of times. Tags come
 * from the file, so the cache is bounded (tags plus designators held): a file of a million
 * distinct tags once stayed in memory for as long as n8n ran.
 */
const designators = new Map<string, string[]>();
const MAX_CACHED = 1 << 16;
let cached = 0;

function designatorsOf(tag: string, count: number): string[] {
	let keys = designators.get(tag);
	if (keys && keys.length >= count) return keys;
	// What is added, counting the tag as one more: roughly, which is enough to bound it.
	const added = count + 1 - (keys?.length ?? 0);
	if (cached + added > MAX_CACHED) {
		designators.clear();
		cached = 0;
		keys = undefined;
	}
	if (!keys) designators.set(tag, (keys = []));
	cached += count + 1 - keys.length;
	while (keys.length < count) keys.push(designator(tag, keys.length + 1));
	return keys;
}

/** How many tags and designators the cache holds, for tests that it stays bounded. */
export function cachedDesignators(): number {
	return cached;
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
