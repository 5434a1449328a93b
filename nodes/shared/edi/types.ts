/*
 * The envelope summary is meant to land in an n8n item's `json` as it is, so every type here is
 * a plain type alias (assignable to an index-signature object) holding only strings, numbers and
 * arrays. Fields the reader could not find are empty strings, so a Switch node's expression never
 * meets `undefined` on the fixed fields; the optional ones are left out when absent.
 */

/** An interchange party as the envelope names it (X12 ISA05/06, ISA07/08). */
export type X12Party = { qualifier: string; id: string };

/** One GS…GE functional group. */
export type X12FunctionalGroup = {
	/** GS01, e.g. `PO`, `IN`, `SH`, `FA`. */
	functionalId: string;
	/** GS02, the application sender's code. */
	sender: string;
	/** GS03, the application receiver's code. */
	receiver: string;
	/** GS06, the group control number as written. */
	controlNumber: string;
	/** GS08, e.g. `004010`, `005010X222A1`. */
	version: string;
};

/** How many ST…SE transaction sets carry one ST01 code, e.g. `{ code: '850', count: 3 }`. */
export type CodeCount = { code: string; count: number };

export type X12Delimiters = {
	element: string;
	segment: string;
	subElement: string;
	/** ISA11 from version 00402 on (before that ISA11 is the standards identifier `U`). */
	repetition?: string;
};

/** One ISA…IEA of a file: who sent it, to whom, and its control number (ISA13 as written). */
export type X12Interchange = { sender: X12Party; receiver: X12Party; controlNumber: string };

export type X12Summary = {
	standard: 'X12';
	sender: X12Party;
	receiver: X12Party;
	/** ISA13 as written: nine digits, leading zeros kept. */
	controlNumber: string;
	/** ISA09, YYMMDD as written. */
	date: string;
	/** ISA10, HHMM as written. */
	time: string;
	/** ISA15: `P` production, `T` test, `I` information. */
	usageIndicator: string;
	/** ISA12, e.g. `00401`, `00501`. */
	version: string;
	/**
	 * Every interchange of the file in order, the first one too (at most 100 listed): the ISA
	 * fields above are the first one's, while a duplicate check must look at each.
	 */
	interchanges: X12Interchange[];
	functionalGroups: X12FunctionalGroup[];
	/** Sorted by code. */
	transactionSets: CodeCount[];
	/** TA1 segments the file carries (interchange acknowledgments), when there are any. */
	interchangeAcknowledgments?: number;
	delimiters: X12Delimiters;
	warnings?: string[];
};

/** An interchange party as UNB02/UNB03 name it: identification, then its code qualifier. */
export type EdifactParty = { id: string; qualifier?: string };

/** How many UNH…UNT messages carry one message identifier (UNH02). */
export type EdifactMessageType = {
	/** UNH02.1, e.g. `ORDERS`, `INVOIC`. */
	type: string;
	/** UNH02.2, e.g. `D`. */
	version: string;
	/** UNH02.3, e.g. `96A`. */
	release: string;
	/** UNH02.4, e.g. `UN`. */
	agency: string;
	/** UNH02.5, e.g. `EAN008`, when present. */
	associationCode?: string;
	count: number;
};

export type EdifactDelimiters = {
	component: string;
	element: string;
	decimal: string;
	/** Empty when the UNA declares none (a space in its fourth position). */
	release: string;
	/** The UNA's fifth character: the repetition separator from syntax version 4, else reserved. */
	repetition: string;
	segment: string;
};

/** One UNB…UNZ of a file: who sent it, to whom, and its control reference (UNB05). */
export type EdifactInterchange = {
	sender: EdifactParty;
	receiver: EdifactParty;
	controlReference: string;
};

export type EdifactSummary = {
	standard: 'EDIFACT';
	sender: EdifactParty;
	receiver: EdifactParty;
	/** UNB05, the interchange control reference. */
	controlReference: string;
	/** UNB01: syntax identifier (e.g. `UNOC`) and version number (e.g. `3`). */
	syntax: { id: string; version: string };
	/** UNB04.1, YYMMDD (or CCYYMMDD in version 4) as written. */
	date: string;
	/** UNB04.2, HHMM as written. */
	time: string;
	/** UNB07, when present. */
	applicationReference?: string;
	/** UNB11 (`1` means a test interchange), when present. */
	testIndicator?: string;
	/** Every interchange of the file in order, the first one too (at most 100 listed). */
	interchanges: EdifactInterchange[];
	/** Sorted by type, then version, release, agency and association code. */
	messageTypes: EdifactMessageType[];
	delimiters: EdifactDelimiters;
	warnings?: string[];
};

export type XmlSummary = {
	standard: 'XML';
	/** The document element's name as written (prefix kept), when it is in the first 64 KiB. */
	rootElement?: string;
};

export type UnknownSummary = { standard: 'unknown'; warnings?: string[] };

export type EnvelopeSummary = X12Summary | EdifactSummary | XmlSummary | UnknownSummary;

export type EdiStandard = EnvelopeSummary['standard'];
