import { isElementEmpty, isSegmentEmpty, type Finding, type Segment, type Syntax } from '../model';
import { designator, shapeSegment } from '../shape';
import type { LoopRule, Rule } from './grammar';
import { tagsOf } from './grammar';
import { isX12DateTime, X12_DATE_TIME_FORMS, X12_DATE_TIME_POSITIONS } from './x12DateFormats';

export type ShapedLoop = { [key: string]: unknown };

type Frame = {
	rule: LoopRule;
	places: Map<string, number[]>;
	/** How often each child may occur, as `rule.children[i].max`, read without the rule objects. */
	maxes: number[];
	index: number;
	counts: number[];
	out: ShapedLoop;
};

const VALID_TAG = /^[A-Z][A-Z0-9]{1,2}$/;

/**
 * A place in the walk, as one number (loop depth × PLACES + child index): found for each of
 * millions of segments, so no object is made for it.
 */
const PLACES = 1 << 16;
const NOWHERE = -1;
const place = (depth: number, child: number) => depth * PLACES + child;

/** The key a loop's instances are listed under in its parent: `N1_loop`, `HL_loop`, `ALC_loop_2`. */
export function loopKey(rule: LoopRule): string {
	return rule.key;
}

const startTag = (rule: Rule) =>
	rule.kind === 'segment' ? rule.tag : (rule.children[0] as { tag: string }).tag;

/** Where each start tag stands among a loop's children, and each structure's tags, once per rule. */
const childPlaces = new WeakMap<LoopRule, Map<string, number[]>>();
const knownTags = new WeakMap<LoopRule, Set<string>>();
const childMaxes = new WeakMap<LoopRule, number[]>();

function maxesOf(rule: LoopRule): number[] {
	let maxes = childMaxes.get(rule);
	if (!maxes) childMaxes.set(rule, (maxes = rule.children.map((child) => child.max)));
	return maxes;
}

function placesOf(rule: LoopRule): Map<string, number[]> {
	let places = childPlaces.get(rule);
	if (!places) {
		places = new Map();
		rule.children.forEach((child, index) => {
			const tag = startTag(child);
			places!.set(tag, [...(places!.get(tag) ?? []), index]);
		});
		childPlaces.set(rule, places);
	}
	return places;
}

/**
 * Walks a set's segments through its structure the way a translator does: each segment is looked
 * for at or after the current place in the innermost loop, then in the enclosing ones (leaving the
 * inner loops), and a loop's first segment seen again starts its next iteration. What it finds
 * becomes the output (segments by tag, loops as arrays) and the segment and element findings an
 * acknowledgment reports (AK3/AK4, IK3/IK4, UCS/UCD codes via `codes`), the first
 * `maxFindings` of them: a set of millions of stray segments is not given millions of findings
 * only for all but the first to be dropped. With `dateCodes` (X12 from 004010 on, whose dates
 * have eight digits), a present date or time element that is not one is an element error too.
 */
export function matchStructure(
	segments: Segment[],
	root: LoopRule,
	syntax: Syntax,
	codes: StructureCodes,
	shape = true,
	maxFindings = Infinity,
	dateCodes?: DateTimeCodes,
): { segments: ShapedLoop; findings: Finding[] } {
	const findings: Finding[] = [];
	const full = () => findings.length >= maxFindings;
	const known = knownTags.get(root) ?? tagsOf(root);
	knownTags.set(root, known);
	const frames: Frame[] = [];
	const rootFrame: Frame = {
		rule: root,
		places: placesOf(root),
		maxes: maxesOf(root),
		index: -1,
		counts: root.children.map(() => 0),
		out: {},
	};
	frames.push(rootFrame);
	/** The innermost loop the walk is in (AK303), none at the set's top level. */
	const currentLoop = () => (frames.length > 1 ? frames[frames.length - 1].rule.id : undefined);
	const segmentFinding = (
		code: string,
		tag: string,
		position: number,
		message: string,
		loop?: string,
	) => {
		if (full()) return;
		findings.push({
			level: 'segment',
			code,
			segment: tag,
			position,
			message,
			...(loop ? { loop } : {}),
		});
	};

	const reportMissing = (frame: Frame, from: number, to: number, position: number) => {
		for (let child = from; child < to; child++) {
			const rule = frame.rule.children[child];
			if (!rule.required || frame.counts[child] > 0) continue;
			const tag = startTag(rule);
			if (tag === codes.trailer) continue;
			segmentFinding(
				codes.missing,
				tag,
				position,
				`Mandatory ${rule.kind === 'loop' ? `loop ${rule.id} (starting with ${tag})` : `segment ${tag}`} is missing before position ${position}${frame.rule === root ? '' : ` in loop ${frame.rule.id}`}`,
				frame.rule === root ? undefined : frame.rule.id,
			);
		}
	};

	for (let offset = 0; offset < segments.length; offset++) {
		const segment = segments[offset];
		const position = offset + 1;
		walk(segment, position);
	}
	while (frames.length > 0) {
		const closed = frames.pop()!;
		reportMissing(closed, closed.index + 1, closed.rule.children.length, segments.length);
	}
	return { segments: rootFrame.out, findings };

	/**
	 * Where a segment goes: the innermost loop that has a place for its tag at or after the current
	 * one with room left, else (the segment is one too many) the innermost place for it at all.
	 * A translator does the same: a segment that an inner loop has already used up belongs to the
	 * loop around it when that loop has a place for it further on.
	 */
	function placeOf(tag: string): number {
		let crowded = NOWHERE;
		for (let depth = frames.length - 1; depth >= 0; depth--) {
			const frame = frames[depth];
			// Inside a loop its first segment never matches again: seen again, it starts a new iteration.
			const from = Math.max(frame.index, depth === 0 ? 0 : 1);
			const places = frame.places.get(tag);
			if (places === undefined) continue;
			for (let at = 0; at < places.length; at++) {
				const child = places[at];
				if (child < from) continue;
				if (frame.counts[child] < frame.maxes[child]) return place(depth, child);
				if (crowded === NOWHERE) crowded = place(depth, child);
			}
		}
		return crowded;
	}

	function walk(segment: Segment, position: number): void {
		const found = placeOf(segment.tag);
		if (found !== NOWHERE) {
			const depth = Math.floor(found / PLACES);
			const child = found % PLACES;
			const frame = frames[depth];
			const children = frame.rule.children;
			while (frames.length > depth + 1) {
				const closed = frames.pop()!;
				reportMissing(closed, closed.index + 1, closed.rule.children.length, position);
			}
			reportMissing(frame, frame.index + 1, child, position);
			frame.index = child;
			const count = ++frame.counts[child];
			const rule = children[child];
			if (rule.kind === 'segment') {
				if (count > rule.max) {
					segmentFinding(
						codes.tooMany,
						segment.tag,
						position,
						`Segment ${segment.tag} at position ${position} is used ${count} times here; at most ${rule.max} allowed`,
						currentLoop(),
					);
				}
				// The rule's tag, one string for every occurrence: V8 finds a key it has seen faster.
				add(frame.out, rule.tag, shaped(segment), rule.max > 1);
				checkElements(segment, rule.mandatory, position, currentLoop());
				return;
			}
			if (count > rule.max) {
				segmentFinding(
					codes.loopTooMany,
					segment.tag,
					position,
					`Loop ${rule.id} starts for the ${ordinal(count)} time at position ${position}; at most ${rule.max} allowed`,
					rule.id,
				);
			}
			const out: ShapedLoop = {};
			add(frame.out, loopKey(rule), out, rule.max > 1);
			const counts = new Array<number>(rule.children.length).fill(0);
			counts[0] = 1;
			frames.push({ rule, places: placesOf(rule), maxes: maxesOf(rule), index: 0, counts, out });
			const trigger = rule.children[0] as { tag: string; mandatory: number[]; max: number };
			add(out, trigger.tag, shaped(segment), false);
			checkElements(segment, trigger.mandatory, position, rule.id);
			return;
		}
		const code = known.has(segment.tag)
			? codes.unexpected
			: VALID_TAG.test(segment.tag)
				? codes.notInSet
				: codes.unrecognized;
		const why = known.has(segment.tag)
			? 'is not expected at this place'
			: VALID_TAG.test(segment.tag)
				? 'is not part of this transaction set'
				: 'is not a segment identifier';
		segmentFinding(
			code,
			segment.tag,
			position,
			`Segment ${segment.tag || '(empty)'} at position ${position} ${why}`,
			currentLoop(),
		);
		add(frames[frames.length - 1].out, segment.tag, shaped(segment), true);
	}

	function shaped(segment: Segment) {
		return shape ? shapeSegment(segment, syntax) : undefined;
	}

	function checkElements(segment: Segment, mandatory: number[], position: number, loop?: string) {
		const dates = dateCodes ? X12_DATE_TIME_POSITIONS.get(segment.tag) : undefined;
		let errors: Finding[] | undefined;
		// Called for millions of segments: nothing is allocated unless an element is in error.
		for (const element of mandatory) {
			if (!isElementEmpty(segment, element - 1, syntax)) continue;
			const reference = designator(segment.tag, element);
			(errors ??= []).push({
				level: 'element',
				code: codes.elementMissing,
				segment: segment.tag,
				position,
				element,
				reference,
				message: `${reference} (segment ${segment.tag} at position ${position}) is mandatory but empty`,
			});
		}
		if (dates !== undefined) {
			for (const { element, kind } of dates) {
				const text = segment.elements[element - 1] ?? '';
				if (text === '' || isX12DateTime(text, kind)) continue;
				const reference = designator(segment.tag, element);
				(errors ??= []).push({
					level: 'element',
					code: dateCodes![kind],
					segment: segment.tag,
					position,
					element,
					reference,
					// AK404 / IK404 holds at most 99 characters.
					data: text.slice(0, 99),
					message: `${reference} (segment ${segment.tag} at position ${position}) is ${text}, which is not ${X12_DATE_TIME_FORMS[kind]}`,
				});
			}
		}
		if (errors === undefined) {
			// The elements it lacks are not known here: the segment alone is in error (AK4 is optional).
			if (codes.emptySegment !== undefined && isSegmentEmpty(segment, syntax)) {
				segmentFinding(
					codes.emptySegment,
					segment.tag,
					position,
					emptySegment(segment.tag, position),
					loop,
				);
			}
			return;
		}
		if (full()) return;
		segmentFinding(
			codes.elementErrors,
			segment.tag,
			position,
			`Segment ${segment.tag} at position ${position} has element errors`,
			loop,
		);
		errors.sort((a, b) => a.element! - b.element!);
		for (const error of errors) {
			if (full()) return;
			findings.push(error);
		}
	}

	function add(out: ShapedLoop, key: string, value: unknown, repeatable: boolean): void {
		if (shape) addTo(out, key, value, repeatable);
	}
}

/** The sentence for a segment that holds no data. */
export function emptySegment(tag: string, position: number): string {
	return `Segment ${tag} at position ${position} holds no data: X12 allows no segment without a value in at least one element`;
}

/** 2 → `2nd`, 11 → `11th`, 201 → `201st`: how often a loop has started, in words a user reads. */
function ordinal(count: number): string {
	const lastTwo = count % 100;
	if (lastTwo >= 11 && lastTwo <= 13) return `${count}th`;
	const suffix = ['th', 'st', 'nd', 'rd'][count % 10] ?? 'th';
	return `${count}${suffix}`;
}

function addTo(out: ShapedLoop, key: string, value: unknown, repeatable: boolean): void {
	if (!repeatable && !(key in out)) {
		out[key] = value;
		return;
	}
	const existing = out[key];
	if (Array.isArray(existing)) existing.push(value);
	else if (existing === undefined) out[key] = [value];
	else out[key] = [existing, value];
}

/** The codes each standard's acknowledgment gives these structure errors. */
export type StructureCodes = {
	trailer: string;
	unrecognized: string;
	unexpected: string;
	missing: string;
	loopTooMany: string;
	tooMany: string;
	notInSet: string;
	elementErrors: string;
	elementMissing: string;
	/** X12's code for a segment with no data (AK304 8); EDIFACT's rule for one is not checked. */
	emptySegment?: string;
};

/** AK403 / IK403 for a date or time element that is not one; X12 only. */
export type DateTimeCodes = { date: string; time: string };

/** AK304 / IK304 and AK403 / IK403. */
export const X12_STRUCTURE_CODES: StructureCodes = {
	trailer: 'SE',
	unrecognized: '1',
	unexpected: '2',
	missing: '3',
	loopTooMany: '4',
	tooMany: '5',
	notInSet: '6',
	elementErrors: '8',
	elementMissing: '1',
	emptySegment: '8',
};

export const X12_DATE_TIME_CODES: DateTimeCodes = { date: '8', time: '9' };

/** UN/EDIFACT syntax error codes as UCS2 / UCD1 carry them. */
export const EDIFACT_STRUCTURE_CODES: StructureCodes = {
	trailer: 'UNT',
	unrecognized: '14',
	unexpected: '15',
	missing: '13',
	loopTooMany: '36',
	tooMany: '35',
	notInSet: '15',
	elementErrors: '12',
	elementMissing: '13',
};
