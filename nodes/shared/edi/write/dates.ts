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

/** Digits as a date or time element may hold them: CCYYMMDD, or YYMMDD as before 004010. */
function isWrittenForm(digits: string, kind: 'date' | 'time'): boolean {
	if (kind === 'time') return isX12Time(digits);
	return isX12Date(digits) || (digits.length === 6 && isX12Date(`20${digits}`));
}

const FORMS = {
	date: ['a date', 'CCYYMMDD (e.g. 20261207)'],
	time: ['a time', 'HHMM or HHMMSS (e.g. 0945)'],
} as const;

function refuse(reference: string, text: string, kind: 'date' | 'time'): never {
	const [what, form] = FORMS[kind];
	throw new EdiWriteError(
		`${reference} holds ${JSON.stringify(text)}, which is not ${what}: X12 writes it as ${form}`,
		undefined,
		`Format it in the mapping, e.g. {{ DateTime.fromFormat($json.date, 'MM/dd/yyyy').toFormat('${kind === 'date' ? 'yyyyMMdd' : 'HHmm'}') }}; an ISO date or date-time (2026-12-07T09:45:00) or $now is written as ${kind === 'date' ? 'CCYYMMDD' : 'HHMM'} as it is.`,
	);
}

/** A date or time element's text as X12 writes it. */
export function x12DateTime(text: string, reference: string, kind: 'date' | 'time'): string {
	if (text === '') return text;
	if (DIGITS.test(text)) {
		if (!isWrittenForm(text, kind)) refuse(reference, text, kind);
		return text;
	}
	if (kind === 'date') {
		const date = ISO_DATE.exec(text);
		const digits = date ? `${date[1]}${date[2]}${date[3]}` : '';
		if (!isX12Date(digits)) refuse(reference, text, kind);
		return digits;
	}
	const time = ISO_TIME.exec(text);
	if (!time || Number(time[1]) > 23 || Number(time[2]) > 59) refuse(reference, text, kind);
	const seconds = time[3] !== undefined && time[3] !== '00' ? time[3] : '';
	return `${time[1]}${time[2]}${seconds}`;
}
