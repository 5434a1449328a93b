import type { Finding } from '../model';
import { isAlphanumericChar } from '../text';
import { X12Syntax } from './syntax';

/** The ISA's fixed length, terminator included, when every element has its fixed width. */
export const ISA_LENGTH = 106;

/** ISA11 is the repetition separator from this version on; before it, the standards ID `U`. */
export const FIRST_VERSION_WITH_REPETITION = '00402';

/** Each ISA element's fixed width and the TA1 note code that reports it wrong (ISA01…ISA16). */
const ISA_FIELDS: Array<{ width: number; note: string }> = [
	{ width: 2, note: '010' },
	{ width: 10, note: '011' },
	{ width: 2, note: '012' },
	{ width: 10, note: '013' },
	{ width: 2, note: '005' },
	{ width: 15, note: '006' },
	{ width: 2, note: '007' },
	{ width: 15, note: '008' },
	{ width: 6, note: '014' },
	{ width: 4, note: '015' },
	{ width: 1, note: '016' },
	{ width: 5, note: '017' },
	{ width: 9, note: '018' },
	{ width: 1, note: '019' },
	{ width: 1, note: '020' },
	{ width: 1, note: '027' },
];

export type ReadIsa = {
	/** ISA01…ISA16 at indexes 0…15, as written (padding kept). */
	elements: string[];
	syntax: X12Syntax;
	/** Where the segment after the ISA starts. */
	end: number;
	findings: Finding[];
};

/** True when `text` holds an ISA at `position`: `ISA` and a separator that is no letter or digit. */
export function isIsaAt(text: string, position: number): boolean {
	if (!text.startsWith('ISA', position) || position + 3 >= text.length) return false;
	const separator = text[position + 3];
	return !isAlphanumericChar(separator) && separator !== ' ' && separator.trim() !== '';
}

/** How far an ISA's separators are looked for: its elements may be unpadded, never this long. */
export const ISA_SEARCH_LIMIT = 512;

/**
 * Where the element separators of the ISA at `position` are (the one after `ISA` first), at most
 * sixteen: fewer when the ISA is cut off.
 */
export function isaSeparators(text: string, position: number): number[] {
	const separator = text[position + 3];
	const bounds: number[] = [];
	const limit = Math.min(text.length, position + ISA_SEARCH_LIMIT);
	for (let index = position + 3; index < limit && bounds.length < 16; index++) {
		if (text[index] === separator) bounds.push(index);
	}
	return bounds;
}

/**
 * Reads the ISA by its sixteen element separators rather than fixed offsets, so a short ISA is
 * still read (and reported); ISA16 and the terminator are the two characters after the last.
 * `undefined` when the ISA is cut off before its terminator.
 */
export function readIsa(text: string, position: number): ReadIsa | undefined {
	const separator = text[position + 3];
	const bounds = isaSeparators(text, position);
	if (bounds.length < 16 || bounds[15] + 2 >= text.length) return undefined;
	const elements: string[] = [];
	for (let index = 1; index < 16; index++)
		elements.push(text.slice(bounds[index - 1] + 1, bounds[index]));
	const component = text[bounds[15] + 1];
	const terminator = text[bounds[15] + 2];
	elements.push(component);
	const version = elements[11];
	// A blank ISA11 declares no separator: split at spaces, every name would become a list.
	const repetition =
		version >= FIRST_VERSION_WITH_REPETITION &&
		!isAlphanumericChar(elements[10]) &&
		elements[10].trim() !== ''
			? elements[10]
			: '';
	const syntax = new X12Syntax(separator, component, repetition, terminator);
	const end = bounds[15] + 3;
	return { elements, syntax, end, findings: checkIsa(elements, syntax, end - position) };
}

function note(code: string, message: string): Finding {
	return { level: 'interchange', code, segment: 'ISA', message };
}

/** ISA09: YYMMDD with a month and a day that can be. */
export function isValidDate(yymmdd: string): boolean {
	if (!/^\d{6}$/.test(yymmdd)) return false;
	const month = Number(yymmdd.slice(2, 4));
	const day = Number(yymmdd.slice(4, 6));
	return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** ISA10: HHMM on a 24-hour clock. */
export function isValidTime(hhmm: string): boolean {
	return /^\d{4}$/.test(hhmm) && Number(hhmm.slice(0, 2)) < 24 && Number(hhmm.slice(2)) < 60;
}

/**
 * True when segments cannot be cut with the ISA's terminator (it is the element separator, a
 * letter or a digit): nothing after the ISA can be read. One equal to ISA16 is reported too
 * (TA1 note 004) but still cuts segments.
 */
export function cannotCutSegments({ element, terminator }: X12Syntax): boolean {
	return terminator === element || isAlphanumericChar(terminator);
}

/** The ISA checks a TA1 reports: fixed widths, delimiters, date, time, codes. */
function checkIsa(elements: string[], syntax: X12Syntax, length: number): Finding[] {
	const findings: Finding[] = [];
	const name = (index: number) => `ISA${String(index + 1).padStart(2, '0')}`;
	const { element, component, terminator } = syntax;
	if (length !== ISA_LENGTH) {
		const short = ISA_FIELDS.findIndex((field, index) => elements[index].length !== field.width);
		findings.push(
			note(
				ISA_FIELDS[short]?.note ?? '022',
				`The ISA is ${length} characters long, not ${ISA_LENGTH}: ${name(short)} is ${elements[short]?.length} characters wide, not ${ISA_FIELDS[short]?.width}`,
			),
		);
	}
	if (cannotCutSegments(syntax) || terminator === component) {
		findings.push(
			note('004', `The segment terminator "${terminator}" after ISA16 is not a usable delimiter`),
		);
	}
	if (component === element || isAlphanumericChar(component)) {
		findings.push(
			note('027', `The component separator "${component}" in ISA16 is not a usable delimiter`),
		);
	}
	if (!isValidDate(elements[8].trim())) {
		findings.push(note('014', `ISA09 "${elements[8]}" is not a date (YYMMDD)`));
	}
	if (!isValidTime(elements[9].trim())) {
		findings.push(note('015', `ISA10 "${elements[9]}" is not a time (HHMM)`));
	}
	if (!/^\d{5}$/.test(elements[11])) {
		findings.push(note('017', `ISA12 "${elements[11]}" is not a five-digit version number`));
	}
	if (!/^\d{9}$/.test(elements[12])) {
		findings.push(note('018', `ISA13 "${elements[12]}" is not a nine-digit control number`));
	}
	if (!/^[01]$/.test(elements[13])) {
		findings.push(note('019', `ISA14 "${elements[13]}" is neither 0 nor 1`));
	}
	if (!/^[PTI]$/.test(elements[14])) {
		findings.push(note('020', `ISA15 "${elements[14]}" is none of P, T and I`));
	}
	const repetitionExpected = elements[11] >= FIRST_VERSION_WITH_REPETITION;
	if (
		repetitionExpected &&
		(syntax.repetition === '' || [element, component, terminator].includes(syntax.repetition))
	) {
		// X12 has no TA105 code for ISA11 until after 005010 (026 is the element separator's): its
		// interchange rules ask for 022, an invalid control structure, which every version knows.
		findings.push(note('022', `ISA11 "${elements[10]}" is not a usable repetition separator`));
	}
	if (!repetitionExpected && elements[10] !== 'U') {
		findings.push(
			note(
				'016',
				`ISA11 "${elements[10]}" should be U before version ${FIRST_VERSION_WITH_REPETITION}`,
			),
		);
	}
	for (const index of [4, 5, 6, 7]) {
		if (elements[index].trim() === '')
			findings.push(note(ISA_FIELDS[index].note, `${name(index)} is empty`));
	}
	return findings;
}
