import type { LoopRule, Rule } from '../structure/grammar';
import { loopKey } from '../structure';
import { EdiWriteError } from './errors';
import { renderSegment, SEGMENT_TAG, type ShapedSegment } from './segment';
import type { ValueWriter } from './syntax';

type Shaped = { [key: string]: unknown };

const LOOP_KEY = /^([A-Z][A-Z0-9]{1,2})_loop$/;

const isObject = (value: unknown): value is Shaped =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The segments of one set between its header and trailer (which the envelope writes), from
 * `segments` as Read gives them: a flat list of `{ tag, … }` in file order, or an object of
 * segments and `<TAG>_loop` lists. A known structure puts the object back in its order (a user
 * may build the keys in any order); keys it does not know follow their loop's known ones.
 */
export function renderBody(
	segments: unknown,
	structure: LoopRule | undefined,
	values: ValueWriter,
	envelopeTags: { header: string; trailer: string },
): string[] {
	const out: string[] = [];
	if (Array.isArray(segments)) {
		segments.forEach((segment, index) => {
			if (!isObject(segment) || typeof segment.tag !== 'string' || !SEGMENT_TAG.test(segment.tag)) {
				throw new EdiWriteError(
					`segments[${index}] is not a segment with a tag (e.g. { "tag": "N1", "N101": "ST" })`,
				);
			}
			if (segment.tag === envelopeTags.header || segment.tag === envelopeTags.trailer) return;
			out.push(renderSegment(segment.tag, segment as ShapedSegment, values));
		});
		return out;
	}
	if (!isObject(segments)) {
		throw new EdiWriteError(
			'has no segments: "segments" must be an object (as Read gives a known set) or a list of segments',
			undefined,
			'Build the set as Read outputs it, e.g. { "BIG": { "BIG01": "20261203", "BIG02": "INV-1" }, "IT1_loop": [ … ] }.',
		);
	}
	const skip = new Set([envelopeTags.header, envelopeTags.trailer]);
	writeLoop(segments, structure, values, out, skip);
	return out;
}

function writeLoop(
	loop: Shaped,
	rule: LoopRule | undefined,
	values: ValueWriter,
	out: string[],
	skip: Set<string>,
	path = 'segments',
): void {
	const done = new Set<string>(skip);
	const write = (key: string, child?: Rule) => {
		done.add(key);
		const value = loop[key];
		if (value === undefined || value === null) return;
		const instances = Array.isArray(value) ? value : [value];
		const loopMatch = LOOP_KEY.exec(key);
		if (loopMatch) {
			instances.forEach((instance, index) => {
				const where = `${path}.${key}[${index}]`;
				if (!isObject(instance)) throw new EdiWriteError(`${where} is not an object of segments`);
				if (instance[loopMatch[1]] === undefined) {
					throw new EdiWriteError(`${where} has no ${loopMatch[1]} segment, which starts the loop`);
				}
				const loopRule = child?.kind === 'loop' ? child : undefined;
				// A loop the structure does not know still starts with its own segment.
				if (!loopRule) {
					write1(instance, loopMatch[1]);
				}
				writeLoop(
					instance,
					loopRule,
					values,
					out,
					loopRule ? new Set() : new Set([loopMatch[1]]),
					where,
				);
			});
			return;
		}
		if (!SEGMENT_TAG.test(key)) {
			throw new EdiWriteError(
				`${path} has the key "${key}", which is neither a segment tag nor a loop (<TAG>_loop)`,
			);
		}
		for (const instance of instances)
			out.push(renderSegment(key, instance as ShapedSegment, values));
	};
	const write1 = (instance: Shaped, tag: string) => {
		const value = instance[tag];
		for (const each of Array.isArray(value) ? value : [value])
			out.push(renderSegment(tag, each as ShapedSegment, values));
	};
	if (rule) {
		for (const child of rule.children) {
			const key = child.kind === 'segment' ? child.tag : loopKey(child);
			if (!done.has(key)) write(key, child);
		}
	}
	for (const key of Object.keys(loop)) if (!done.has(key)) write(key);
}
