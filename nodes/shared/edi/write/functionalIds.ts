/**
 * The functional identifier code (GS01) of the X12 sets the engine knows, by set code (ST01).
 * A set not listed here needs the item's `group.functionalId`.
 */
export const FUNCTIONAL_IDS: Record<string, string> = {
	'180': 'AN',
	'204': 'SM',
	'210': 'IM',
	'211': 'BL',
	'214': 'QM',
	'270': 'HS',
	'271': 'HB',
	'276': 'HR',
	'277': 'HN',
	'278': 'HI',
	'810': 'IN',
	'820': 'RA',
	'824': 'AG',
	'830': 'PS',
	'832': 'SC',
	'834': 'BE',
	'835': 'HP',
	'837': 'HC',
	'846': 'IB',
	'850': 'PO',
	'855': 'PR',
	'856': 'SH',
	'860': 'PC',
	'862': 'SS',
	'867': 'PT',
	'940': 'OW',
	'943': 'AR',
	'944': 'RE',
	'945': 'SW',
	'947': 'AW',
	'990': 'GF',
	'997': 'FA',
	'999': 'FA',
};

/** GS01 for a set code, when the table knows it. */
export function functionalIdFor(code: string): string | undefined {
	return Object.hasOwn(FUNCTIONAL_IDS, code) ? FUNCTIONAL_IDS[code] : undefined;
}
