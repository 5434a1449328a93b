/*
 * X12 elements that hold a date or a time, by reference designator, in the segments of the sets
 * the engine knows, with their dictionary numbers (AK402 / IK402). Dates are type DT, eight digits
 * (CCYYMMDD) from 004010 on: 373, and the terms' due dates 370 and 446; times are 337, type TM,
 * HHMM to HHMMSSDD. Written for this project from the segments' public element lists. Write
 * converts these elements and Read checks them, both from this one table. Not listed: elements
 * whose form another element names (DTP03, whose format DTP02 gives; DTM06).
 */
export const X12_DATE_TIME_REFERENCES: Readonly<Record<string, string>> = {
	// Beginning segments
	BEG05: '373',
	BAK04: '373',
	BSN03: '373',
	BSN04: '337',
	BIG01: '373',
	BIG03: '373',
	BCH06: '373',
	BIA04: '373',
	BIA05: '337',
	BPR16: '373',
	// Dates and times anywhere
	DTM02: '373',
	DTM03: '337',
	G6202: '373',
	G6204: '337',
	N904: '373',
	N905: '337',
	// An 856's order level, an 855's line acknowledgment, terms of sale, a shipment status
	PRF04: '373',
	ACK05: '373',
	ITD04: '370',
	ITD06: '446',
	AT705: '373',
	AT706: '337',
};

/** The dictionary's time element; every other number in the table is a date. */
const TIME_ELEMENT = '337';

/** Each date and time element's kind: what Write converts it to and what Read checks it against. */
export const X12_DATE_TIME_ELEMENTS: Readonly<Record<string, 'date' | 'time'>> = Object.fromEntries(
	Object.entries(X12_DATE_TIME_REFERENCES).map(([designator, number]) => [
		designator,
		number === TIME_ELEMENT ? 'time' : 'date',
	]),
);

/** The tags that have a date or time element: other segments are written without a look-up. */
export const X12_TAGS_WITH_DATES: ReadonlySet<string> = new Set(
	Object.keys(X12_DATE_TIME_ELEMENTS).map((designator) => designator.slice(0, -2)),
);
