import type { LoopRule } from '../structure/grammar';
import { loopKey } from '../structure';
import { designator } from '../shape';
import { dateTimeText } from './dates';
import { EdiWriteError } from './errors';
import { isObject, type Json } from './fromItem';
import { lineItemTotal } from './lineItems';
import { SEGMENT_TAG, writeSegment, type ShapedSegment } from './segment';
import { segmentEnds, type ValueWriter } from './syntax';

type Shaped = Json;

/** `N1_loop`, or `ALC_loop_2` for the second loop a tag starts at one level. */
const LOOP_KEY = /^([A-Z][A-Z0-9]{1,2})_loop(?:_\d+)?$/;

/**
 * Where each key of a loop stands in the structure, its rule when it is a loop, and what Read
 * requires there (mandatory segments and loops, each segment's mandatory elements); once per rule.
 */
type Layout = {
	order: Map<string, number>;
	loops: Map<string, LoopRule>;
	required: string[];
	/** The mandatory elements' reference designators, per segment tag. */
	elements: Map<string, string[]>;
	/** How many of each segment or loop instance the level takes. */
	maxes: Map<string, number>;
};

const layouts = new WeakMap<LoopRule, Layout>();

function layoutOf(rule: LoopRule): Layout {
	let layout = layouts.get(rule);
	if (!layout) {
		const order = new Map<string, number>();
		const loops = new Map<string, LoopRule>();
		const required: string[] = [];
		const elements = new Map<string, string[]>();
		const maxes = new Map<string, number>();
		for (const child of rule.children) {
			const key = child.kind === 'segment' ? child.tag : loopKey(child);
			if (order.has(key)) continue;
			order.set(key, order.size);
			maxes.set(key, child.max);
			if (child.kind === 'loop') loops.set(key, child);
			else if (child.mandatory.length > 0)
				elements.set(
					key,
					child.mandatory.map((element) => designator(key, element)),
				);
			if (child.required) required.push(key);
		}
		layouts.set(rule, (layout = { order, loops, required, elements, maxes }));
	}
	return layout;
}

/** A set's segments between header and trailer: their text, terminators included, and count. */
export type Body = { text: string; count: number };

/** A standard's envelope segments, which Write makes itself from the item's envelope values. */
type Envelope = { header: string; trailer: string; tags: ReadonlySet<string>; hint: string };

const ENVELOPES: Record<'X12' | 'EDIFACT', Envelope> = {
	X12: {
		header: 'ST',
		trailer: 'SE',
		tags: new Set(['ISA', 'TA1', 'GS', 'ST', 'SE', 'GE', 'IEA']),
		hint: 'Write makes ISA, GS, ST and their trailers itself (TA1 from interchange.ta1): remove it from segments.',
	},
	EDIFACT: {
		header: 'UNH',
		trailer: 'UNT',
		tags: new Set(['UNA', 'UNB', 'UNG', 'UNH', 'UNT', 'UNE', 'UNZ']),
		hint: 'Write makes UNA, UNB, UNG, UNH and their trailers itself: remove it from segments.',
	},
};

/**
 * An envelope segment among a set's segments: written there, it would end the set (or open
 * one) where Read finds it, so the item is refused rather than written into a broken file.
 */
function envelopeSegmentError(where: string, tag: string, envelope: Envelope): EdiWriteError {
	return new EdiWriteError(
		`${where} is the envelope segment ${tag}, which Write makes itself`,
		undefined,
		envelope.hint,
	);
}

/**
 * The segments of one set between its header and trailer (which the envelope writes), from
 * `segments` as Read gives them: a flat list of `{ tag, … }` in file order, or an object of
 * segments and `<TAG>_loop` lists. A known structure puts the object back in its order (a user
 * may build the keys in any order); keys it does not know follow their loop's known ones.
 * Read's items carry the set's own header and trailer (first and last in a list, at the root of
 * an object): those are left to the envelope; any other envelope segment refuses the item.
 */
export function renderBody(
	segments: unknown,
	structure: LoopRule | undefined,
	values: ValueWriter,
	checkMandatory = true,
	/** The segment CTT01 counts in this set (PO1 in an 850), when the set carries a CTT. */
	lineItem?: string,
): Body {
	const envelope = ENVELOPES[values.syntax.standard];
	const writer = new BodyWriter(values, envelope, checkMandatory, lineItem);
	if (Array.isArray(segments)) {
		const last = segments.length - 1;
		segments.forEach((segment, index) => {
			if (!isObject(segment) || typeof segment.tag !== 'string' || !SEGMENT_TAG.test(segment.tag)) {
				throw new EdiWriteError(
					`segments[${index}] is not a segment with a tag (e.g. { "tag": "N1", "N101": "ST" })`,
				);
			}
			const { tag } = segment;
			if ((index === 0 && tag === envelope.header) || (index === last && tag === envelope.trailer))
				return;
			if (envelope.tags.has(tag)) throw envelopeSegmentError(`segments[${index}]`, tag, envelope);
			writer.segment(tag, segment as ShapedSegment, index);
		});
		return writer.body();
	}
	if (!isObject(segments)) {
		throw new EdiWriteError(
			'has no segments: "segments" must be an object (as Read gives a known set) or a list of segments',
			undefined,
			'Build the set as Read outputs it, e.g. { "BIG": { "BIG01": "20261203", "BIG02": "INV-1" }, "IT1_loop": [ … ] }.',
		);
	}
	writer.loop(segments, structure);
	return writer.body();
}

/**
 * Where a structure has a segment tag or loop key, as paths in Read's shape
 * (`segments.HL_loop[].N1_loop[].N1`), shallowest first: to tell a user who put it elsewhere.
 */
function placesOf(root: LoopRule, key: string): string[] {
	const places: string[] = [];
	let level: Array<[LoopRule, string]> = [[root, 'segments']];
	while (level.length > 0) {
		const next: Array<[LoopRule, string]> = [];
		for (const [rule, path] of level) {
			for (const child of rule.children) {
				if (child.kind === 'segment') {
					if (child.tag === key) places.push(`${path}.${key}`);
					continue;
				}
				if (child.key === key) places.push(`${path}.${key}`);
				next.push([child, `${path}.${child.key}[]`]);
			}
		}
		level = next;
	}
	return [...new Set(places)];
}

/** Whether an element value writes as something: a non-empty text, a number, a repetition of one. */
function given(value: unknown): boolean {
	if (typeof value === 'string') return value !== '';
	if (typeof value === 'number' || typeof value === 'bigint') return true;
	if (Array.isArray(value)) return value.some(given);
	// An n8n DateTime or a Date, written as a date.
	return typeof value === 'object' && value !== null && dateTimeText(value) !== undefined;
}

/**
 * How deep loops may nest. The deepest set the engine knows nests six levels (820), and an 856
 * given as a nested HL tree a level per shipment, order, tare, pack and item; an item nested far
 * deeper is a mapping gone wrong (a loop put inside itself), which would otherwise overflow the
 * stack of the recursive walk and fail as "Maximum call stack size exceeded".
 */
export const MAX_LOOP_DEPTH = 32;

/** Whether a segment as an item gives it has a value to write (an element that is given). */
function hasValue(segment: unknown): boolean {
	if (!isObject(segment)) return true;
	for (const key in segment) if (key !== 'tag' && given(segment[key])) return true;
	return false;
}

/** One array of pieces for every set, emptied for each: a batch of thousands grows it once. */
const scratch: string[] = [];

class BodyWriter {
	private readonly parts = scratch;
	/** The set's structure, to name where a misplaced key belongs. */
	private structure: LoopRule | undefined;
	private readonly end: string;
	private count = 0;

	constructor(
		private readonly values: ValueWriter,
		private readonly envelope: Envelope,
		/** Refuse a known set that leaves a mandatory segment, loop or element out, misplaces one or gives too many. */
		private readonly checkMandatory: boolean,
		/** The segment CTT01 counts, when the set carries a CTT. */
		private readonly lineItem?: string,
	) {
		this.end = segmentEnds(values.syntax).inSet;
		this.parts.length = 0;
	}

	/** How many segments CTT01 counts the set has, so far. */
	private lines = 0;
	/** The CTT segments met, written once every line has been counted. */
	private readonly totals: Array<{ at: number; shaped: ShapedSegment; where: string }> = [];

	body(): Body {
		for (const { at, shaped, where } of this.totals) {
			this.parts[at] = lineItemTotal(
				{ shaped, where, lineItem: this.lineItem!, lines: this.lines },
				this.values,
				this.checkMandatory,
			);
		}
		const text = this.parts.join('');
		this.parts.length = 0;
		return { text, count: this.count };
	}

	/** One segment; `index` is its place in a flat list, to name it in an error. */
	segment(tag: string, shaped: ShapedSegment, index?: number): void {
		const start = this.parts.length;
		if (this.countsLines(tag, shaped)) {
			// Its CTT01 may need lines that come after it (in a flat list given in another order).
			const where = index === undefined ? `${this.where()}.CTT` : `segments[${index}]`;
			this.totals.push({ at: start, shaped, where });
			this.parts.push('');
		} else writeSegment(tag, shaped, this.values, this.parts);
		// A segment without a value (a mapping that found nothing): X12 and EDIFACT have no empty
		// segment, so it is not written, as a null one is not.
		if (this.parts.length === start + 1 && this.parts[start] === tag) {
			this.parts.length = start;
			return;
		}
		if (tag === this.lineItem) this.lines++;
		this.parts.push(this.end);
		this.count++;
	}

	/** Whether this is a CTT whose CTT01 Write counts (so it has a value, even if given empty). */
	private countsLines(tag: string, shaped: unknown): shaped is ShapedSegment {
		return tag === 'CTT' && this.lineItem !== undefined && isObject(shaped);
	}

	/** A segment key given, but with no value in any of its segments: not written. */
	private blank(key: string, value: unknown): boolean {
		if (this.countsLines(key, value)) return false;
		if (Array.isArray(value)) return value.every((each) => isObject(each) && !hasValue(each));
		return isObject(value) && !hasValue(value);
	}

	/** Where the walk is, as (loop key, index) pairs: made into a path only for an error. */
	private readonly trail: Array<string | number> = [];

	private where(): string {
		let path = 'segments';
		for (let index = 0; index < this.trail.length; index += 2)
			path += `.${this.trail[index]}[${this.trail[index + 1]}]`;
		return path;
	}

	/** The path to a loop nested too deep: its first levels and its last, the rest elided. */
	private tooDeep(): EdiWriteError {
		const steps: string[] = [];
		for (let index = 0; index < this.trail.length; index += 2)
			steps.push(`${this.trail[index]}[${this.trail[index + 1]}]`);
		const path = [...steps.slice(0, 3), '…', steps[steps.length - 1]].join('.');
		return new EdiWriteError(
			`segments.${path} nests loops ${steps.length} deep, where no set nests more than ${MAX_LOOP_DEPTH}`,
			undefined,
			'Give each loop as a list of objects inside its parent only as deep as the set has it (an 856’s HL levels may also be given flat, as Read gives them); check the mapping that builds the loops.',
		);
	}

	/** One loop instance (or the set itself): the structure's keys in its order, then any others. */
	loop(loop: Shaped, rule: LoopRule | undefined, trigger?: string): void {
		const root = this.trail.length === 0;
		if (root) this.structure = rule;
		const keys: string[] = [];
		const { header, trailer } = this.envelope;
		for (const key in loop) if (!(root && (key === header || key === trailer))) keys.push(key);
		if (rule) {
			// Keys usually come in the structure's order already (Read writes them so).
			const { order, loops, required, elements, maxes } = layoutOf(rule);
			const last = order.size;
			let sorted = true;
			for (let index = 1; index < keys.length && sorted; index++)
				sorted = (order.get(keys[index - 1]) ?? last) <= (order.get(keys[index]) ?? last);
			if (!sorted) keys.sort((a, b) => (order.get(a) ?? last) - (order.get(b) ?? last));
			for (const key of keys) {
				if (order.has(key)) {
					if (this.checkMandatory) this.requireAtMost(loop, key, maxes.get(key)!);
					this.key(loop, key, loops.get(key), this.checkMandatory ? elements.get(key) : undefined);
				}
				// A hierarchy (X12 HL, EDIFACT CPS) given nested, each level under its parent: the
				// levels below follow their parent's segments, as a file lists them.
				else if (!root && key === rule.key) this.key(loop, key, rule);
				else if (this.checkMandatory) this.misplaced(loop, key);
				else this.key(loop, key, undefined);
			}
			// After the values, whose own faults come first; a set with no segments at all is
			// told so by the caller.
			if (this.checkMandatory && (!root || this.count > 0))
				this.requireSegments(loop, required, root);
			return;
		}
		// A loop the structure does not know still starts with its own segment.
		if (trigger !== undefined) this.key(loop, trigger, undefined);
		for (const key of keys) if (key !== trigger) this.key(loop, key, undefined);
	}

	/**
	 * A mandatory segment or loop of a known structure that the item leaves out (or gives as null
	 * or []): Read, and so the partner, would reject the set (AK3 / UCS "missing"), so it is
	 * refused here rather than found out from the acknowledgment hours later.
	 */
	private requireSegments(loop: Shaped, required: string[], root: boolean): void {
		const { header, trailer } = this.envelope;
		for (const key of required) {
			if (root && (key === header || key === trailer)) continue;
			const value = loop[key];
			const none =
				value === undefined ||
				value === null ||
				(Array.isArray(value) && value.length === 0) ||
				(!key.includes('_loop') && this.blank(key, value));
			if (none) {
				throw new EdiWriteError(
					`${this.where()} has no ${key}, which the set requires${key.includes('_loop') ? ' (a mandatory loop)' : ''}`,
					undefined,
					'Read and the partner reject a set without it: give it, or check the mapping that should have.',
				);
			}
		}
	}

	/**
	 * A key the structure does not have at this level (REF at an 856's top, N1 given as a segment
	 * where the set has an N1 loop, a segment the set does not have): written where it stands,
	 * Read and the partner would find it out of place and reject the set, so it is refused,
	 * naming where the set has it.
	 */
	private misplaced(loop: Shaped, key: string): void {
		const value = loop[key];
		if (value === undefined || value === null) return;
		const loopLike = LOOP_KEY.test(key);
		// Not a tag or loop key, or an envelope segment: refused as such.
		if ((!loopLike && !SEGMENT_TAG.test(key)) || this.envelope.tags.has(key))
			return this.key(loop, key, undefined);
		// The places inside the loop the key was given in come first: most likely the one meant.
		let here = 'segments';
		for (let index = 0; index < this.trail.length; index += 2) here += `.${this.trail[index]}[]`;
		const all = this.structure ? placesOf(this.structure, key) : [];
		const places = [
			...all.filter((place) => place.startsWith(`${here}.`)),
			...all.filter((place) => !place.startsWith(`${here}.`)),
		];
		if (places.length === 0) {
			throw new EdiWriteError(
				`${this.where()}.${key} is not ${loopLike ? 'a loop' : 'a segment'} of this set’s structure`,
				undefined,
				'Read and the partner reject a set with a segment it does not have: remove it, or turn off Validate Structure in Options for a partner whose guide adds it.',
			);
		}
		throw new EdiWriteError(
			`${this.where()}.${key} is out of place: the set has it at ${places.slice(0, 3).join(', ')}${places.length > 3 ? ', …' : ''}`,
			undefined,
			'Read and the partner reject a set with a segment out of its place: move it (a loop is a list of objects, each starting with its segment), or turn off Validate Structure in Options for a partner whose guide puts it here.',
		);
	}

	/**
	 * More of a segment or loop than the level takes (a fourth PER where an 850 takes three, two
	 * BIGs): Read and the partner reject the set (AK304 5 or 4, UCS 35 or 36).
	 */
	private requireAtMost(loop: Shaped, key: string, max: number): void {
		const value = loop[key];
		if (!Array.isArray(value) || value.length <= max) return;
		const what = key.includes('_loop') ? 'loops' : `${key} segments`;
		throw new EdiWriteError(
			`${this.where()}.${key} has ${value.length} ${what}, where the set takes at most ${max}`,
			undefined,
			'Read and the partner reject a set with more: give fewer, or turn off Validate Structure in Options for a partner whose guide takes more.',
		);
	}

	/** A mandatory element the item leaves empty: refused for the same reason. */
	private requireElements(key: string, segment: unknown, mandatory: string[]): void {
		if (!isObject(segment)) return;
		for (const reference of mandatory) {
			// Write counts an empty CTT01 itself.
			if (reference === 'CTT01' && this.lineItem !== undefined) continue;
			// A composite's later components (DTM01_02) fill the element as well.
			const filled =
				given(segment[reference]) ||
				Object.keys(segment).some(
					(other) => other.startsWith(`${reference}_`) && given(segment[other]),
				);
			if (filled) continue;
			throw new EdiWriteError(
				`${this.where()}.${key} has no ${reference}, which is mandatory`,
				undefined,
				'Read and the partner reject a set without it: give it a value, or check the mapping that should have.',
			);
		}
	}

	private key(loop: Shaped, key: string, rule: LoopRule | undefined, mandatory?: string[]): void {
		const value = loop[key];
		if (value === undefined || value === null) return;
		const match = rule || key.includes('_loop') ? LOOP_KEY.exec(key) : null;
		if (match) {
			if (!Array.isArray(value)) this.instance(value, key, 0, match[1], rule);
			else
				for (let index = 0; index < value.length; index++)
					this.instance(value[index], key, index, match[1], rule);
			return;
		}
		if (!SEGMENT_TAG.test(key)) {
			throw new EdiWriteError(
				`${this.where()} has the key "${key}", which is neither a segment tag nor a loop (<TAG>_loop)`,
			);
		}
		if (this.envelope.tags.has(key))
			throw envelopeSegmentError(`${this.where()}.${key}`, key, this.envelope);
		// A segment with no value at all is not written, and so not checked for its elements: a
		// set that requires it is told so once its values are written.
		if (!Array.isArray(value)) {
			this.segment(key, value as ShapedSegment);
			if (mandatory && hasValue(value)) this.requireElements(key, value, mandatory);
		} else
			for (const instance of value) {
				this.segment(key, instance as ShapedSegment);
				if (mandatory && hasValue(instance)) this.requireElements(key, instance, mandatory);
			}
	}

	private instance(
		instance: unknown,
		key: string,
		index: number,
		trigger: string,
		rule: LoopRule | undefined,
	): void {
		this.trail.push(key, index);
		if (this.trail.length > 2 * MAX_LOOP_DEPTH) throw this.tooDeep();
		if (!isObject(instance))
			throw new EdiWriteError(`${this.where()} is not an object of segments`);
		// null or [] (a mapping that found nothing) would write the loop without its first segment.
		const first = instance[trigger];
		if (first === undefined || first === null || (Array.isArray(first) && first.length === 0)) {
			throw new EdiWriteError(`${this.where()} has no ${trigger} segment, which starts the loop`);
		}
		if (this.blank(trigger, first)) {
			throw new EdiWriteError(
				`${this.where()} has no ${trigger} segment, which starts the loop (its ${trigger} has no value)`,
			);
		}
		this.loop(instance, rule, trigger);
		this.trail.length -= 2;
	}
}
