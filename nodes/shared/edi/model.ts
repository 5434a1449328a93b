/*
 * What the EDI engine reads and finds. Segments keep their elements as written (X12: between
 * element separators; EDIFACT: release characters still in place); a `Syntax` splits components
 * and repetitions when the output is shaped, so the scan itself does one native split per segment.
 */

import { sharedSlice } from './sharedText';

/** One segment: its tag and its data elements, `elements[0]` being the tag's 01 element. */
export type Segment = {
	readonly tag: string;
	readonly elements: string[];
};

/**
 * A segment as the readers find it: the tag is cut out at once; the elements stay where they are
 * in the file's text until something asks for them. Shaping reads them from the text in one pass
 * (`shape.ts`), so a big file's millions of segments never get an elements array each.
 */
export class ScannedSegment implements Segment {
	private split?: string[];

	constructor(
		readonly tag: string,
		/** The text holding the segment. */
		readonly text: string,
		/** Where its elements start (after the tag and its separator) and end (before the terminator). */
		readonly from: number,
		readonly to: number,
		private readonly splitElements: (rest: string) => string[],
	) {}

	get elements(): string[] {
		this.split ??=
			this.from >= this.to ? [] : this.splitElements(this.text.slice(this.from, this.to));
		return this.split;
	}

	/** True once `elements` has been split (then it is cheaper to read than the text). */
	get isSplit(): boolean {
		return this.split !== undefined;
	}

	/** Reads the segment at `start`…`end` of `text` (no terminator), splitting elements lazily. */
	static in(
		text: string,
		start: number,
		end: number,
		separator: string,
		splitElements: (rest: string) => string[],
	): ScannedSegment {
		const code = separator.charCodeAt(0);
		let at = start;
		while (at < end && text.charCodeAt(at) !== code) at++;
		// One string per tag: millions of segments share a few dozen tags.
		return new ScannedSegment(sharedSlice(text, start, at), text, at + 1, end, splitElements);
	}

	/** Reads `raw` (a segment without its terminator), splitting elements lazily. */
	static of(
		raw: string,
		separator: string,
		splitElements: (rest: string) => string[],
	): ScannedSegment {
		return ScannedSegment.in(raw, 0, raw.length, separator, splitElements);
	}
}

/**
 * True when element `index` (0-based) of a segment is empty or absent. Reads a scanned segment's
 * text without cutting the element out (X12 has no release character to honour): a big file's
 * mandatory elements are checked millions of times.
 */
export function isElementEmpty(segment: Segment, index: number, syntax: Syntax): boolean {
	if (!(segment instanceof ScannedSegment) || segment.isSplit || syntax.release !== '')
		return (segment.elements[index] ?? '') === '';
	const { text, to } = segment;
	const separator = syntax.element;
	let from = segment.from;
	for (let skipped = 0; skipped < index; skipped++) {
		const next = text.indexOf(separator, from);
		if (next < 0 || next >= to) return true;
		from = next + 1;
	}
	return from >= to || text.charCodeAt(from) === separator.charCodeAt(0);
}

/**
 * True when no element of a segment holds a value (`PID~`, `PID*~`, `PID**:~`): only separators
 * follow its tag. Reads a scanned segment's text, whose first character almost always settles it.
 */
export function isSegmentEmpty(segment: Segment, syntax: Syntax): boolean {
	// Called for millions of segments: no string or array is made, and the first character that
	// is not a separator ends the look.
	if (segment instanceof ScannedSegment && !segment.isSplit && syntax.release === '') {
		for (let at = segment.from; at < segment.to; at++) {
			if (!isSeparator(segment.text[at], syntax)) return false;
		}
		return true;
	}
	for (const element of segment.elements) {
		for (let at = 0; at < element.length; at++) {
			if (!isSeparator(element[at], syntax)) return false;
		}
	}
	return true;
}

function isSeparator(char: string, syntax: Syntax): boolean {
	return char === syntax.element || char === syntax.component || char === syntax.repetition;
}

/** The separators an interchange declares, and how to split an element written with them. */
export interface Syntax {
	readonly standard: 'X12' | 'EDIFACT';
	readonly element: string;
	readonly component: string;
	/** Empty when the interchange declares none. */
	readonly repetition: string;
	readonly terminator: string;
	/** EDIFACT's release character; empty for X12 and for an EDIFACT UNA that declares none. */
	readonly release: string;
	/** The element's repetitions, each split into components, release characters removed. */
	split(raw: string): string[][];
}

/** Where a finding points and which acknowledgment code it carries. */
export type Finding = {
	/**
	 * `interchange`: TA1 note code (X12) / UCI error (EDIFACT); `group`: AK9 / UCF code;
	 * `set`: AK5 / IK5 / UCM code; `segment`: AK3 / IK3 / UCS code; `element`: AK4 / IK4 / UCD code.
	 */
	level: 'interchange' | 'group' | 'set' | 'segment' | 'element';
	code: string;
	/** A plain sentence naming the segment and its position. */
	message: string;
	/** The segment's tag, and its position counted from the set header (ST / UNH = 1). */
	segment?: string;
	position?: number;
	/** The X12 loop the segment is in (AK303 / IK303). */
	loop?: string;
	/** 1-based element position, and component position when the error is inside a composite. */
	element?: number;
	component?: number;
	/** The element's reference designator, e.g. `BEG03`. */
	reference?: string;
	/** A copy of the bad data (AK404 / IK404), when there is any. */
	data?: string;
};

/** A verdict as acknowledgments spell it: Accepted, accepted with Errors, Partially accepted, Rejected. */
export type Verdict = 'A' | 'E' | 'P' | 'R';

export type TransactionSet = {
	header: Segment;
	trailer?: Segment;
	/** Header to trailer inclusive, in file order; emptied once read unless kept (see `readEdi`). */
	segments: Segment[];
	/** How many segments the set had, header and trailer included, once `segments` is emptied. */
	segmentCount?: number;
	findings: Finding[];
	verdict: Verdict;
};

export type Group = {
	/** GS / UNG; absent for EDIFACT messages sent without a functional group. */
	header?: Segment;
	trailer?: Segment;
	sets: TransactionSet[];
	findings: Finding[];
	verdict: Verdict;
};

export type Interchange = {
	standard: 'X12' | 'EDIFACT';
	syntax: Syntax;
	header: Segment;
	trailer?: Segment;
	/** X12 TA1 segments carried between ISA and the first GS. */
	ta1: Segment[];
	/** How the file laid the interchange out, so that Write can lay it out the same way. */
	layout?: {
		lineBreak: string;
		serviceStringAdvice: boolean;
		/** Where the line breaks fall, seen at the first set's header; absent before it. */
		lineBreakAfter?: LineBreakAfter;
	};
	groups: Group[];
	findings: Finding[];
	verdict: Verdict;
	/**
	 * Set when the header declares separators nothing can be read with (an X12 segment terminator
	 * that is the element separator, or a letter or digit): the rest is not read as segments, and
	 * the interchange holds no groups. Its findings say why; it is rejected.
	 */
	unreadable?: true;
};

/**
 * `segment`: a line break after every segment; `message`: only after the envelope's segments and
 * each whole set or message (its segments run on one line).
 */
export type LineBreakAfter = 'segment' | 'message';

/** Thrown when the content is not an X12 or EDIFACT interchange at all. */
export class NotEdiError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'NotEdiError';
	}
}
