/*
 * X12 elements that hold a date (dictionary element 373, CCYYMMDD) or a time (337, HHMM to
 * HHMMSSDD), by reference designator, in the segments of the sets the engine knows. Written for
 * this project from the segments' public element lists; a test keeps every date or time the
 * structures check (`x12Elements.ts`) in this table. Not listed: elements whose form another
 * element names (DTP03, whose format DTP02 gives; DTM06).
 */
export const X12_DATE_TIME_ELEMENTS: Readonly<Record<string, 'date' | 'time'>> = {
	// Beginning segments
	BEG05: 'date',
	BAK04: 'date',
	BSN03: 'date',
	BSN04: 'time',
	BIG01: 'date',
	BIG03: 'date',
	BCH06: 'date',
	BIA04: 'date',
	BIA05: 'time',
	BPR16: 'date',
	// Dates and times anywhere
	DTM02: 'date',
	DTM03: 'time',
	G6202: 'date',
	G6204: 'time',
	N904: 'date',
	N905: 'time',
	// An 856's order level, an 855's line acknowledgment, terms of sale, a shipment status
	PRF04: 'date',
	ACK05: 'date',
	ITD04: 'date',
	ITD06: 'date',
	AT705: 'date',
	AT706: 'time',
};

/** The tags that have a date or time element: other segments are written without a look-up. */
export const X12_TAGS_WITH_DATES: ReadonlySet<string> = new Set(
	Object.keys(X12_DATE_TIME_ELEMENTS).map((designator) => designator.slice(0, -2)),
);
