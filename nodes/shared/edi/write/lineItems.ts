/*
 * CTT01, the number of line items of an X12 set: counted by Write when the item leaves it empty,
 * and checked when the item states it, since a set read, filtered (lines removed) and written
 * again would otherwise keep the count of the lines it had, and the partner reject it.
 */
import { EdiWriteError } from './errors';
import { renderSegment, type ShapedSegment } from './segment';
import type { ValueWriter } from './syntax';

export type LineItemTotal = {
	/** The CTT segment as the item gives it. */
	shaped: ShapedSegment;
	/** Where it stands in the item, to name it in an error. */
	where: string;
	/** The segment CTT01 counts (PO1, IT1, HL…) and how many of them the set has. */
	lineItem: string;
	lines: number;
};

const isEmpty = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Whether a stated CTT01 (a number, or its digits as text) is the count. */
function agrees(stated: unknown, lines: number): boolean {
	if (typeof stated === 'number') return stated === lines;
	return typeof stated === 'string' && /^\s*\d+\s*$/.test(stated) && Number(stated) === lines;
}

/**
 * The CTT segment's text: CTT01 filled with the count when empty; a stated CTT01 the lines do
 * not agree with is refused when the structure is checked, else written as given.
 */
export function lineItemTotal(
	{ shaped, where, lineItem, lines }: LineItemTotal,
	values: ValueWriter,
	check: boolean,
): string {
	const given = shaped.CTT01;
	// A list of one (a repetition) is its one value; anything else but a text or a number is told
	// as such when the segment is written.
	const stated = Array.isArray(given) && given.length === 1 ? (given[0] as unknown) : given;
	const comparable = typeof stated === 'string' || typeof stated === 'number';
	if (isEmpty(stated) || (Array.isArray(stated) && stated.length === 0)) {
		// CTT01 first, so that the segment's keys stay in element order.
		const filled: ShapedSegment = { CTT01: lines };
		for (const key in shaped) if (key !== 'CTT01') filled[key] = shaped[key];
		return renderSegment('CTT', filled, values);
	}
	if (check && comparable && !agrees(stated, lines)) {
		const counted = `${lines} ${lineItem} segment${lines === 1 ? '' : 's'}`;
		throw new EdiWriteError(
			`${where}.CTT01 is ${String(stated)}, but the set has ${counted}, which CTT01 counts`,
			undefined,
			`Leave CTT01 empty to have Write count the ${lineItem} segments (e.g. after lines were filtered out), or give ${lines}; the partner rejects a set whose count is wrong. Turn off Validate Structure in Options to write it as given.`,
		);
	}
	return renderSegment('CTT', shaped, values);
}
