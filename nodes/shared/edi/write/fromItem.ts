/*
 * Envelope values as an item gives them (when its envelope is kept) or the parameters do.
 */
import { EdiWriteError } from './errors';
import type { Party, WriteSettings } from './settings';
import type { Delimiters } from './syntax';

export type Json = { [key: string]: unknown };

export const isObject = (value: unknown): value is Json =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

export const text = (value: unknown): string =>
	typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/**
 * The party an item keeps, else the node's. An EDIFACT ID the item keeps comes with its own
 * qualifier, routing address and internal identification, an empty qualifier included (UNB02's
 * is optional): the node's qualifier beside the partner's ID would name another party. X12's
 * ISA05 cannot be empty, so there an empty qualifier is the node's.
 */
export function party(
	kept: unknown,
	fallback: Party,
	role: string,
	standard: 'X12' | 'EDIFACT' = 'X12',
): Party {
	const item = isObject(kept) ? kept : {};
	const keptId = text(item.id);
	const whole = standard === 'EDIFACT' && keptId !== '';
	const chosen: Party = {
		qualifier:
			whole && typeof item.qualifier === 'string'
				? text(item.qualifier)
				: text(item.qualifier) || fallback.qualifier.trim(),
		id: keptId || fallback.id.trim(),
	};
	if (whole && text(item.routingAddress) !== '') chosen.routingAddress = text(item.routingAddress);
	if (whole && text(item.internalId) !== '') chosen.internalId = text(item.internalId);
	if (chosen.id === '') {
		throw new EdiWriteError(
			`has no ${role} ID`,
			undefined,
			`Set ${role[0].toUpperCase()}${role.slice(1)} ID (and its qualifier) in the node.`,
		);
	}
	return chosen;
}

export function delimitersOf(settings: WriteSettings, kept: unknown): Delimiters {
	const fromItem = isObject(kept) ? (kept as Delimiters) : {};
	const chosen: Delimiters = {};
	for (const [key, value] of Object.entries(settings.delimiters)) {
		if (value !== undefined && value !== '') chosen[key as keyof Delimiters] = value as never;
	}
	return { ...fromItem, ...chosen };
}

/** `261201` and `0930` from a date, or from the item when kept. */
export function stamp(now: Date, long: boolean): { date: string; time: string } {
	const year = now.getUTCFullYear();
	const date = `${long ? year : pad(year % 100, 2)}${pad(now.getUTCMonth() + 1, 2)}${pad(now.getUTCDate(), 2)}`;
	return { date, time: `${pad(now.getUTCHours(), 2)}${pad(now.getUTCMinutes(), 2)}` };
}

export function controlNumberOf(settings: WriteSettings, kept: string, width: number): string {
	if (kept !== '') return kept;
	if (settings.controlNumber === undefined) {
		throw new EdiWriteError(
			'has no control number',
			undefined,
			'Set Control Number, or keep the envelope from items that carry one.',
		);
	}
	return pad(settings.controlNumber, width);
}
