import type { Syntax } from '../model';

/** An element to write: a plain value, or its components. */
export type Value = string | string[] | undefined;

/**
 * Puts the release character before every service character in an EDIFACT value. X12 has no
 * release character: an element separator or terminator in a value echoed from a broken
 * envelope (an ISA09 holding the terminator) becomes a space, or it would cut the
 * acknowledgment's own segment apart; anything else is echoed as received, to match.
 */
export function escape(value: string, syntax: Syntax): string {
	const special =
		syntax.release === ''
			? [syntax.element, syntax.terminator]
			: [syntax.release, syntax.element, syntax.component, syntax.terminator, syntax.repetition];
	let out = '';
	for (const char of value) {
		if (!special.includes(char)) out += char;
		else out += syntax.release === '' ? ' ' : syntax.release + char;
	}
	return out;
}

/** Writes one segment with the interchange's separators, dropping trailing empty elements. */
export function renderSegment(tag: string, values: Value[], syntax: Syntax): string {
	const elements = values.map((value) =>
		Array.isArray(value)
			? trimEnd(value.map((component) => escape(component, syntax))).join(syntax.component)
			: escape(value ?? '', syntax),
	);
	return [tag, ...trimEnd(elements)].join(syntax.element) + syntax.terminator;
}

function trimEnd(values: string[]): string[] {
	let end = values.length;
	while (end > 0 && values[end - 1] === '') end--;
	return values.slice(0, end);
}

/** A control number that is not a whole number from 1 to 999999999. */
export class ControlNumberError extends Error {}

/** A control number an acknowledgment can carry: a whole number from 1 to 999999999. */
export function checkControlNumber(value: unknown): number {
	const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	if (
		typeof number !== 'number' ||
		!Number.isInteger(number) ||
		number < 1 ||
		number > 999_999_999
	) {
		throw new ControlNumberError(
			`The control number must be a whole number from 1 to 999999999, not ${JSON.stringify(value)}`,
		);
	}
	return number;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** The date and time fields of an envelope, in UTC. */
export function stamp(now: Date): { yymmdd: string; ccyymmdd: string; hhmm: string } {
	const ccyymmdd = `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1, 2)}${pad(now.getUTCDate(), 2)}`;
	return {
		ccyymmdd,
		yymmdd: ccyymmdd.slice(2),
		hhmm: `${pad(now.getUTCHours(), 2)}${pad(now.getUTCMinutes(), 2)}`,
	};
}
