import { compareLongs, longFromText } from '../EcGridOs/soap/longInteger';

/**
 * A ParcelID as the trigger keeps it: its decimal text. A ParcelID is an xs:long, which a JS
 * number holds exactly only up to 2^53: as a number, IDs past it would lose digits, two parcels
 * could share a lease, and a confirm could reach the wrong one.
 */
export type ParcelKey = string;

/** The key of a ParcelID as a result or saved data gives it (number or text); undefined if none. */
export function parcelKeyOf(id: unknown): ParcelKey | undefined {
	const long =
		typeof id === 'number' && Number.isSafeInteger(id)
			? id
			: typeof id === 'string'
				? longFromText(id)
				: undefined;
	return long === undefined || BigInt(long) <= 0n ? undefined : String(long);
}

/** Orders keys as the numbers they are. */
export const compareParcelKeys: (a: ParcelKey, b: ParcelKey) => number = compareLongs;
