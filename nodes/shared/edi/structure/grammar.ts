/*
 * Transaction set structures are written as one line of text each (see `x12Sets.ts`):
 *   TAG      optional segment, used at most once
 *   TAG!     mandatory segment
 *   TAG*     repeatable without a stated limit; TAG*12 at most 12 times
 *   TAG(1,3) elements 01 and 03 must not be empty when the segment is there
 *   [*200 N1 N2*2 …]  a loop (at most 200 times) started by its first segment; `[!` a mandatory loop
 * A loop is listed in its parent's output under `<TAG>_loop`; a second loop started by the same
 * tag at the same level (EDIFACT's allowance and tax groups, in the header and again after UNS)
 * under `<TAG>_loop_2`, so that the two never mix and Write puts each back where it was.
 */

export type SegmentRule = {
	kind: 'segment';
	tag: string;
	required: boolean;
	max: number;
	mandatory: number[];
};

export type LoopRule = {
	kind: 'loop';
	/** The loop's identifier: the tag of the segment that starts it. */
	id: string;
	/** The key its instances are listed under in the parent's output: `N1_loop`, `ALC_loop_2`. */
	key: string;
	required: boolean;
	max: number;
	children: Rule[];
};

export type Rule = SegmentRule | LoopRule;

const TOKEN = /\[[!*\d]*|\]|[A-Z0-9]{2,3}!?(?:\*\d*)?(?:\([\d,]+\))?|\S+/g;
const SEGMENT = /^([A-Z0-9]{2,3})(!?)(?:\*(\d*))?(?:\(([\d,]+)\))?$/;
const LOOP = /^\[(!?)(?:\*(\d*))?$/;

function maxOf(star: string | undefined): number {
	if (star === undefined) return 1;
	return star === '' ? Number.POSITIVE_INFINITY : Number(star);
}

/** Parses one structure line into its root loop (whose first child is the set's header). */
export function parseStructure(line: string): LoopRule {
	const tokens = line.match(TOKEN) ?? [];
	let index = 0;
	const readChildren = (closing: boolean): Rule[] => {
		const children: Rule[] = [];
		const loopsById = new Map<string, number>();
		while (index < tokens.length) {
			const token = tokens[index++];
			if (token === ']') {
				if (!closing) throw new Error(`Unbalanced "]" in structure: ${line}`);
				return children;
			}
			const loop = LOOP.exec(token);
			if (loop) {
				const body = readChildren(true);
				if (body.length === 0 || body[0].kind !== 'segment') {
					throw new Error(`A loop must start with a segment: ${line}`);
				}
				const id = body[0].tag;
				const nth = (loopsById.get(id) ?? 0) + 1;
				loopsById.set(id, nth);
				children.push({
					kind: 'loop',
					id,
					key: nth === 1 ? `${id}_loop` : `${id}_loop_${nth}`,
					required: loop[1] === '!',
					max: maxOf(loop[2]),
					children: body,
				});
				continue;
			}
			const segment = SEGMENT.exec(token);
			if (!segment) throw new Error(`Unreadable token "${token}" in structure: ${line}`);
			children.push({
				kind: 'segment',
				tag: segment[1],
				required: segment[2] === '!',
				max: maxOf(segment[3]),
				mandatory: segment[4] ? segment[4].split(',').map(Number) : [],
			});
		}
		if (closing) throw new Error(`Unclosed "[" in structure: ${line}`);
		return children;
	};
	const children = readChildren(false);
	if (children.length === 0 || children[0].kind !== 'segment') {
		throw new Error(`A structure must start with its header segment: ${line}`);
	}
	const id = children[0].tag;
	return { kind: 'loop', id, key: `${id}_loop`, required: true, max: 1, children };
}

/** Every segment tag a structure uses anywhere, to tell "out of place" from "not in this set". */
export function tagsOf(rule: LoopRule, tags = new Set<string>()): Set<string> {
	for (const child of rule.children) {
		if (child.kind === 'segment') tags.add(child.tag);
		else tagsOf(child, tags);
	}
	return tags;
}
