/*
 * The forms an X12 date (DT, CCYYMMDD from 004010 on) or time (TM, HHMM, HHMMSS, HHMMSSd or
 * HHMMSSdd) takes, checked the way a partner's translator checks them before it answers AK4 /
 * IK4 code 8 (invalid date) or 9 (invalid time).
 */
import { X12_DATE_TIME_ELEMENTS } from './x12DateElements';

export type DateTimeKind = 'date' | 'time';

/** What a user is told the element should have been. */
export const X12_DATE_TIME_FORMS: Readonly<Record<DateTimeKind, string>> = {
	date: 'a date (CCYYMMDD)',
	time: 'a time (HHMM, HHMMSS, HHMMSSd or HHMMSSdd)',
};

const DATE = /^(\d{4})(\d{2})(\d{2})$/;
const TIME = /^(\d{2})(\d{2})(?:(\d{2})\d{0,2})?$/;

function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when `text` is a calendar date written CCYYMMDD (20260229 is not: 2026 is no leap year). */
export function isX12Date(text: string): boolean {
	const date = DATE.exec(text);
	if (!date) return false;
	const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
	if (month < 1 || month > 12 || day < 1) return false;
	const days = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
	return day <= days;
}

/** True when `text` is a time of day written HHMM, HHMMSS, HHMMSSd or HHMMSSdd. */
export function isX12Time(text: string): boolean {
	const time = TIME.exec(text);
	if (!time) return false;
	return (
		Number(time[1]) <= 23 &&
		Number(time[2]) <= 59 &&
		(time[3] === undefined || Number(time[3]) <= 59)
	);
}

/** The date and time elements of each tag, as element positions (BEG05 → 5) and kinds. */
export const X12_DATE_TIME_POSITIONS: ReadonlyMap<
	string,
	ReadonlyArray<{ element: number; kind: DateTimeKind }>
> = Object.entries(X12_DATE_TIME_ELEMENTS).reduce((byTag, [designator, kind]) => {
	const tag = designator.slice(0, -2);
	byTag.set(tag, [...(byTag.get(tag) ?? []), { element: Number(designator.slice(-2)), kind }]);
	return byTag;
}, new Map<string, Array<{ element: number; kind: DateTimeKind }>>());

/** True when a present date or time element's text is in a form its kind allows. */
export function isX12DateTime(text: string, kind: DateTimeKind): boolean {
	return kind === 'date' ? isX12Date(text) : isX12Time(text);
}
