import { parseStructure, type LoopRule } from './grammar';
import { EDIFACT_MESSAGES } from './edifactMessages';
import { X12_SETS } from './x12Sets';

const parsed = new Map<string, LoopRule>();

function lookup(key: string, line: string | undefined): LoopRule | undefined {
	if (line === undefined) return undefined;
	let rule = parsed.get(key);
	if (!rule) {
		rule = parseStructure(line);
		parsed.set(key, rule);
	}
	return rule;
}

/** The structure of an X12 set by its ST01 code, when the engine knows it. */
export function x12Structure(code: string): LoopRule | undefined {
	return lookup(`X12:${code}`, Object.hasOwn(X12_SETS, code) ? X12_SETS[code] : undefined);
}

/** The structure of an EDIFACT message by its type (UNH02, first component), when known. */
export function edifactStructure(type: string): LoopRule | undefined {
	return lookup(
		`EDIFACT:${type}`,
		Object.hasOwn(EDIFACT_MESSAGES, type) ? EDIFACT_MESSAGES[type] : undefined,
	);
}

/** Every set and message the engine knows the structure of. */
export const KNOWN_STRUCTURES = {
	X12: Object.keys(X12_SETS),
	EDIFACT: Object.keys(EDIFACT_MESSAGES),
};

export { CTT01_COUNTS, lineItemTag } from './lineItemCounts';
export {
	X12_DATE_TIME_ELEMENTS,
	X12_DATE_TIME_REFERENCES,
	X12_TAGS_WITH_DATES,
} from './x12DateElements';
export { X12_ELEMENT_REFERENCES, x12ElementReference } from './x12Elements';
export {
	emptySegment,
	loopKey,
	matchStructure,
	EDIFACT_STRUCTURE_CODES,
	X12_DATE_TIME_CODES,
	X12_STRUCTURE_CODES,
} from './match';
export type { DateTimeCodes, ShapedLoop } from './match';
export { isX12Date, isX12Time } from './x12DateFormats';
