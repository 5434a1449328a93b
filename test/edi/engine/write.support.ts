import { writeEdi, type WriteSettings } from '../../../nodes/shared/edi';

export const NOW = new Date('2026-12-07T09:30:00Z');

/** Settings as the node's defaults give them, for a partner pair made up for the tests. */
export function settings(overrides: Partial<WriteSettings> = {}): WriteSettings {
	return {
		standard: 'X12',
		sender: { qualifier: 'ZZ', id: 'ACMESUPPLY' },
		receiver: { qualifier: 'ZZ', id: 'GLOBEXRETAIL' },
		usage: 'P',
		version: '004010',
		acknowledgmentRequested: false,
		controlNumber: 123,
		delimiters: {},
		keepEnvelope: false,
		now: NOW,
		...overrides,
	};
}

/** An 810 invoice as a no-code user builds it: the shape Read gives, without envelope. */
export function invoice(number: string, lines: Array<[number, string, number]>) {
	return {
		transactionSet: { code: '810' },
		segments: {
			BIG: { BIG01: '20261207', BIG02: number, BIG04: 'PO-1001' },
			N1_loop: [{ N1: { N101: 'RE', N102: 'ACME SUPPLY', N103: '92', N104: 'AS' } }],
			IT1_loop: lines.map(([quantity, sku, price], index) => ({
				IT1: {
					IT101: index + 1,
					IT102: quantity,
					IT103: 'EA',
					IT104: price,
					IT106: 'VN',
					IT107: sku,
				},
			})),
			TDS: { TDS01: Math.round(lines.reduce((sum, [q, , p]) => sum + q * p, 0) * 100) },
			CTT: { CTT01: lines.length },
		},
	};
}

/** An 856 ship notice with a shipment level and one item level per SKU. */
export function shipNotice(number: string, skus: string[]) {
	return {
		transactionSet: { code: '856' },
		segments: {
			BSN: { BSN01: '00', BSN02: number, BSN03: '20261207', BSN04: '0930' },
			HL_loop: [
				{ HL: { HL01: '1', HL03: 'S' } },
				...skus.map((sku, index) => ({
					HL: { HL01: String(index + 2), HL02: '1', HL03: 'I' },
					LIN: [{ LIN02: 'VN', LIN03: sku }],
					SN1: { SN102: 1, SN103: 'EA' },
				})),
			],
			CTT: { CTT01: skus.length + 1 },
		},
	};
}

/** Writes the items, each with the same settings. */
export function write(
	items: unknown[],
	overrides: Partial<WriteSettings> = {},
	batching: 'all' | 'item' = 'all',
) {
	return writeEdi(
		items.map((json, itemIndex) => ({ json, settings: settings(overrides), itemIndex })),
		{ batching, now: NOW },
	);
}
