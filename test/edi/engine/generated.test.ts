/*
 * Sets made at random from the structures themselves: every arrangement a structure allows
 * (optional segments and loops present or not, repeated up to three times, mandatory elements
 * filled) must be read without a finding, as a partner's valid file would be, and written back by
 * Write byte for byte, each segment in the loop it came from. Seeded, so a failure repeats.
 */
import { KNOWN_STRUCTURES, readEdi, readItems, writeEdi } from '../../../nodes/shared/edi';
import type { LoopRule, SegmentRule } from '../../../nodes/shared/edi/structure/grammar';
import {
	edifactStructure,
	lineItemTag,
	X12_DATE_TIME_ELEMENTS,
	x12Structure,
} from '../../../nodes/shared/edi/structure';
import { NOW } from './acknowledgment.support';
import { seededRandom } from './random';
import { settings } from './write.support';

const SETS_PER_STRUCTURE = 100;
/** How often a repeatable segment or loop is written at most, and how deep optional loops go. */
const MAX_REPEATS = 3;
const MAX_OPTIONAL_DEPTH = 4;

/** What an element holds: an X12 date or time element a date or time, as Write checks it. */
function valueAt(tag: string, position: number, separator: string): string {
	const designator = `${tag}${String(position).padStart(2, '0')}`;
	const kind = separator === '*' ? X12_DATE_TIME_ELEMENTS[designator] : undefined;
	return kind === 'date' ? '20261201' : kind === 'time' ? '0930' : `V${position}`;
}

/** One segment: its mandatory elements filled, the others at random, no trailing empty ones. */
function segmentText(rule: SegmentRule, separator: string, next: (below: number) => number) {
	const elements: string[] = [];
	for (let position = 1; position <= Math.max(3, ...rule.mandatory); position++)
		elements.push(
			rule.mandatory.includes(position) || next(2) === 1
				? valueAt(rule.tag, position, separator)
				: '',
		);
	while (elements.at(-1) === '') elements.pop();
	// A segment carries at least one value: X12 and EDIFACT have no empty segment.
	if (elements.length === 0) elements.push(valueAt(rule.tag, 1, separator));
	return [rule.tag, ...elements].join(separator);
}

/** A loop's segments in an order its structure allows; a loop always opens with its first one. */
function loopSegments(
	loop: LoopRule,
	separator: string,
	next: (below: number) => number,
	depth: number,
	out: string[],
): void {
	loop.children.forEach((child, index) => {
		if (depth > 0 && index === 0) {
			out.push(segmentText(child as SegmentRule, separator, next));
			return;
		}
		const most = Math.min(child.max, MAX_REPEATS);
		const times = child.required
			? 1 + next(most)
			: depth >= MAX_OPTIONAL_DEPTH
				? 0
				: next(most + 1);
		for (let time = 0; time < times; time++) {
			if (child.kind === 'segment') out.push(segmentText(child, separator, next));
			else loopSegments(child, separator, next, depth + 1, out);
		}
	});
}

function interchangeOf(standard: 'X12' | 'EDIFACT', code: string, body: string[]): string {
	if (standard === 'X12') {
		return `${[
			'ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*GLOBEXRETAIL   *261201*0930*U*00401*000000001*0*P*>',
			'GS*XX*ACMESUPPLY*GLOBEXRETAIL*20261201*0930*1*X*004010',
			`ST*${code}*0001`,
			...body,
			`SE*${body.length + 2}*0001`,
			'GE*1*1',
			'IEA*1*000000001',
		].join('~')}~`;
	}
	return `${[
		'UNB+UNOC:3+ACMESUPPLY:ZZ+GLOBEXRETAIL:ZZ+261201:0930+1',
		`UNH+1+${code}:D:96A:UN`,
		...body,
		`UNT+${body.length + 2}+1`,
		'UNZ+1+1',
	].join("'")}'`;
}

/** An X12 CTT's CTT01 made the true count of the set's line items, as Write checks it. */
function withLineCount(code: string, segments: string[]): string[] {
	const tag = lineItemTag(code);
	if (tag === undefined) return segments;
	const lines = segments.filter((segment) => segment.split('*')[0] === tag).length;
	return segments.map((segment) => {
		const elements = segment.split('*');
		if (elements[0] !== 'CTT') return segment;
		elements[1] = String(lines);
		return elements.join('*');
	});
}

const structures = [
	...KNOWN_STRUCTURES.X12.map((code) => ['X12', code, x12Structure(code)!] as const),
	...KNOWN_STRUCTURES.EDIFACT.map((type) => ['EDIFACT', type, edifactStructure(type)!] as const),
];

describe('sets generated from the structures', () => {
	it.each(structures)(
		'%s %s: every arrangement the structure allows is read without a finding and written back byte for byte',
		(standard, code, root) => {
			const next = seededRandom(code.charCodeAt(0) * 7919 + code.length);
			const kept = settings({
				standard,
				version: standard === 'X12' ? 'item' : 'UNOC:3',
				controlNumber: undefined,
				keepEnvelope: true,
				now: NOW,
			});
			for (let made = 0; made < SETS_PER_STRUCTURE; made++) {
				const segments: string[] = [];
				loopSegments(root, standard === 'X12' ? '*' : '+', next, 0, segments);
				// The header and trailer come from the envelope, with true counts; so does CTT01.
				const body = segments.slice(1, -1);
				const text = interchangeOf(
					standard,
					code,
					standard === 'X12' ? withLineCount(code, body) : body,
				);
				const interchanges = readEdi(text);
				const [set] = interchanges[0].groups[0].sets;
				expect({ text, findings: set.findings }).toEqual({ text, findings: [] });
				const items = readItems(interchanges, 'set');
				const written = writeEdi(
					items.map((json, itemIndex) => ({ json, settings: kept, itemIndex })),
					{ batching: 'all', now: NOW },
				);
				expect(written.failures).toEqual([]);
				expect(written.interchanges.map((interchange) => interchange.text)).toEqual([text]);
			}
		},
	);
});
