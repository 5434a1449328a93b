import { X12_DATE_TIME_REFERENCES } from './x12DateElements';

/*
 * The data element reference numbers an X12 acknowledgment gives an element error (AK402 / IK402),
 * for every element the structures in `x12Sets.ts` check, keyed by reference designator. They are
 * the public dictionary numbers of those elements, the same in 004010 and 005010; a test keeps
 * this table and the structures' checked elements in step. Date and time elements come from
 * their own table (`x12DateElements.ts`), which Read checks them by.
 */
export const X12_ELEMENT_REFERENCES: Readonly<Record<string, string>> = {
	...X12_DATE_TIME_REFERENCES,
	// Every set's header and trailer
	ST01: '143',
	ST02: '329',
	SE01: '96',
	SE02: '329',
	// Beginning segments
	BEG01: '353',
	BEG02: '92',
	BEG03: '324',
	BAK01: '353',
	BAK02: '587',
	BAK03: '324',
	BSN01: '353',
	BSN02: '396',
	BIG02: '76',
	BCH01: '353',
	BCH02: '92',
	BCH03: '324',
	// 860 line: the change or response type (what the line changes)
	POC02: '670',
	W0501: '473',
	W0502: '285',
	W0601: '514',
	BIA01: '353',
	BIA02: '755',
	BIA03: '127',
	B2A01: '353',
	B1003: '140',
	B102: '145',
	BPR01: '305',
	BPR02: '782',
	BPR03: '478',
	BPR04: '591',
	BCT01: '683',
	// Loops and summaries
	N101: '98',
	HL01: '628',
	HL03: '735',
	S501: '165',
	S502: '163',
	TDS01: '610',
	CTT01: '354',
	// The acknowledgments' own segments
	AK101: '479',
	AK102: '28',
	AK201: '143',
	AK202: '329',
	AK301: '721',
	AK302: '719',
	AK501: '717',
	AK901: '715',
	AK902: '97',
	AK903: '123',
	AK904: '2',
	IK301: '721',
	IK302: '719',
	// IK401 is a composite, which has no number of its own: its first (mandatory) component's.
	IK401: '722',
	IK403: '621',
	IK501: '717',
};

/** AK402 / IK402 for an element by its reference designator (`BEG03` → `324`), when known. */
export function x12ElementReference(designator: string): string | undefined {
	return Object.hasOwn(X12_ELEMENT_REFERENCES, designator)
		? X12_ELEMENT_REFERENCES[designator]
		: undefined;
}
