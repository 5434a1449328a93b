/*
 * Dates and times as X12 writes them (CCYYMMDD; HHMM or HHMMSS), from what a no-code workflow
 * gives: an ISO date or date-time (what n8n's `$now` and most APIs turn into text), a JavaScript
 * Date or an n8n (Luxon) DateTime. Anything else in a date or time element, digits that are no
 * calendar date or time of day included, is refused: written as given, the partner (and Read)
 * rejects the set (AK4 code 8 or 9) hours later.
 */
import { isX12Date, isX12Time } from '../structure/x12DateFormats';
import { EdiWriteError } from './errors';

/** A Date or a Luxon DateTime as ISO text; `undefined` for anything else. */
export function dateTimeText(value: object): string | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
	const toISO = (value as { toISO?: unknown }).toISO;
	if (typeof toISO !== 'function') return undefined;
	const text = (toISO as () => unknown).call(value);
	return typeof text === 'string' ? text : undefined;
}

/** A Date or a Luxon DateTime that holds no date (parsed from a text that is not one). */
export function isInvalidDate(value: unknown): boolean {
	if (value instanceof Date) return Number.isNaN(value.getTime());
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as { toISO?: unknown }).toISO === 'function' &&
		(value as { isValid?: unknown }).isValid === false
	);
}

/** An ISO time of day, with seconds, fractions and a zone or not. */
const TIME = '(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?';
/** An ISO date, alone or with a time: its date part is the date written. */
const ISO_DATE = new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})(?:[T ]${TIME})?$`);
/** An ISO time, alone or after a date: its time of day is the time written. */
const ISO_TIME = new RegExp(`^(?:\\d{4}-\\d{2}-\\d{2}[T ])?${TIME}$`);
const DIGITS = /^\d+$/;

/** How many digits an X12 date has: 8 (CCYYMMDD) from version 00401 on, 6 (YYMMDD) before. */
export type DateDigits = 6 | 8;

/** What each element holds, and the form it is written in (dates by their number of digits). */
const FORMS = {
	date: ['a date', 'CCYYMMDD (e.g. 20261207)', 'yyyyMMdd', 'CCYYMMDD'],
	shortDate: ['a date', 'YYMMDD (e.g. 261207), as before version 00401', 'yyMMdd', 'YYMMDD'],
	time: ['a time', 'HHMM or HHMMSS (e.g. 0945)', 'HHmm', 'HHMM'],
} as const;

type Form = keyof typeof FORMS;

function refuse(reference: string, text: string, form: Form): never {
	const [what, written, luxon, short] = FORMS[form];
	throw new EdiWriteError(
		`${reference} holds ${JSON.stringify(text)}, which is not ${what}: X12 writes it as ${written}`,
		undefined,
		`Format it in the mapping, e.g. {{ DateTime.fromFormat($json.date, 'MM/dd/yyyy').toFormat('${luxon}') }}; an ISO date or date-time (2026-12-07T09:45:00) or $now is written as ${short} as it is.`,
	);
}

/** A calendar date's digits, CCYYMMDD, in the form the interchange's version writes. */
function writtenDate(digits: string, dateDigits: DateDigits): string | undefined {
	if (!isX12Date(digits)) return undefined;
	return dateDigits === 8 ? digits : digits.slice(2);
}

/**
 * A date or time element's text as X12 writes it: digits kept when they are a calendar date (of
 * the version's length) or a time of day, an ISO date or time turned into them.
 */
export function x12DateTime(
	text: string,
	reference: string,
	kind: 'date' | 'time',
	dateDigits: DateDigits,
): string {
	if (text === '') return text;
	const form: Form = kind === 'time' ? 'time' : dateDigits === 8 ? 'date' : 'shortDate';
	if (DIGITS.test(text)) {
		const valid =
			kind === 'time'
				? isX12Time(text)
				: text.length === dateDigits && isX12Date(dateDigits === 8 ? text : `20${text}`);
		if (!valid) refuse(reference, text, form);
		return text;
	}
	if (kind === 'date') {
		const date = ISO_DATE.exec(text);
		const written = date && writtenDate(`${date[1]}${date[2]}${date[3]}`, dateDigits);
		if (!written) refuse(reference, text, form);
		return written;
	}
	const time = ISO_TIME.exec(text);
	if (!time || Number(time[1]) > 23 || Number(time[2]) > 59) refuse(reference, text, form);
	const seconds = time[3] !== undefined && time[3] !== '00' ? time[3] : '';
	return `${time[1]}${time[2]}${seconds}`;
}
