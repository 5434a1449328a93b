/*
 * What CTT01 (number of line items) counts, per X12 set that ends with a CTT segment: the
 * segment that starts each of its line items. Written for this project from public
 * implementation guides' notes on each set ([V] a guide seen says so; [I] the set's line item
 * segment, by the same rule, not seen stated):
 *   850 PO1 [V]; 855 PO1 [V]; 856 HL, every level [V]; 860 POC [V]; 846 LIN [V];
 *   810 IT1 [I]; 832 LIN [I]; 830 LIN [I]; 862 LIN [I]; 865 POC [I].
 * CTT02 (a hash total of one element, which element differs per guide) is not computed.
 */
export const CTT01_COUNTS: Readonly<Record<string, string>> = {
	'810': 'IT1',
	'830': 'LIN',
	'832': 'LIN',
	'846': 'LIN',
	'850': 'PO1',
	'855': 'PO1',
	'856': 'HL',
	'860': 'POC',
	'862': 'LIN',
	'865': 'POC',
};

/** The tag of the segments CTT01 counts in this X12 set, when the set carries a CTT. */
export function lineItemTag(code: string): string | undefined {
	return Object.hasOwn(CTT01_COUNTS, code) ? CTT01_COUNTS[code] : undefined;
}
