import type { ShapedSegment } from './segment';
import type { Delimiters, WriteSyntax } from './syntax';

/**
 * An interchange party: X12 ISA05/06 (ISA07/08), EDIFACT UNB02 (UNB03) identification and
 * qualifier, and EDIFACT's routing address and internal identification when an item keeps them.
 */
export type Party = { qualifier: string; id: string; routingAddress?: string; internalId?: string };

/** What the node's parameters say for one item. */
export type WriteSettings = {
	standard: 'X12' | 'EDIFACT';
	sender: Party;
	receiver: Party;
	/** `P` production or `T` test (EDIFACT: UNB11 = 1). */
	usage: 'P' | 'T';
	/** X12: `004010`, `005010` or `item` (GS08 from the item); EDIFACT: the syntax, e.g. `UNOC:3`. */
	version: string;
	acknowledgmentRequested: boolean;
	/** ISA13 / UNB05, GS06 / UNG05; absent when every item keeps its own. */
	controlNumber?: number;
	/** Separators chosen in the options; the rest come from the item (when kept) or the defaults. */
	delimiters: Delimiters;
	/** Write an EDIFACT UNA even when the separators are the defaults. */
	alwaysUna?: boolean;
	/** Take envelope values, control numbers and delimiters from the items' `interchange` and `group`. */
	keepEnvelope: boolean;
	/** Refuse a known set that leaves out a mandatory segment, loop or element, misplaces one or gives too many (default true). */
	validateStructure?: boolean;
	now: Date;
};

/** The interchange envelope one item asks for. Items asking for the same one share it. */
export type InterchangeEnvelope = {
	standard: 'X12' | 'EDIFACT';
	sender: Party;
	receiver: Party;
	/** X12 ISA15; EDIFACT UNB11 (`1` for a test, else empty). */
	usage: string;
	/** X12 ISA12 (`00401`); EDIFACT UNB01 (`UNOC:3`). */
	version: string;
	acknowledgmentRequested: boolean;
	/** ISA13 (nine digits) / UNB05 as written; empty when the batch's first item gives it. */
	controlNumber: string;
	date: string;
	time: string;
	/** EDIFACT UNB01's third and fourth parts (syntax 4), kept from the item; absent otherwise. */
	codeListVersion?: string;
	characterEncoding?: string;
	/** EDIFACT UNB07, UNB08 and UNB10; empty for X12. */
	applicationReference: string;
	processingPriority: string;
	agreementId: string;
	syntax: WriteSyntax;
	serviceStringAdvice: boolean;
	/** X12 TA1 segments written between ISA and the first GS: kept from the item, else none. */
	ta1: ShapedSegment[];
};

/** The functional group one set goes in (EDIFACT: `written` false for messages outside UNG). */
export type GroupEnvelope = {
	written: boolean;
	functionalId: string;
	sender: string;
	senderQualifier: string;
	receiver: string;
	receiverQualifier: string;
	date: string;
	time: string;
	/** GS06 / UNG05 when kept from the item. */
	controlNumber: string;
	/** GS08 / UNG07. */
	version: string;
	/** EDIFACT UNG06. */
	agency: string;
};
