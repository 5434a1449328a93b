import { EdiWriteError, readEdi, readItems, type Json } from '../../../nodes/shared/edi';
import { CTT01_COUNTS } from '../../../nodes/shared/edi/structure';
import { corpusFile } from './corpus';
import { invoice, shipNotice, write } from './write.support';

/** The CTT segment of the one file written, or the fault. */
function written(item: unknown, validateStructure = true) {
	const { interchanges, failures } = write([item], { validateStructure });
	if (failures.length > 0) return failures[0];
	return /~(CTT[^~]*)~/.exec(interchanges[0].text)?.[1];
}

/** The sets Read gives of a corpus file, by code. */
function readSet(code: string): Json {
	const items = readItems(
		readEdi(corpusFile('valid', 'x12-004010-orders-and-invoices.x12')),
		'set',
	);
	return structuredClone(items.find((item) => (item.transactionSet as Json).code === code) as Json);
}

const segmentsOf = (item: Json) => item.segments as Json;

describe('Write: CTT01, the number of line items', () => {
	it('counts the lines when CTT01 is left out, empty or null', () => {
		for (const empty of [undefined, '', null, '  ']) {
			const item = invoice('INV-1', [
				[1, 'AS-1', 2],
				[3, 'AS-2', 4],
				[5, 'AS-3', 6],
			]);
			(item.segments.CTT as Json) = empty === undefined ? {} : { CTT01: empty, CTT02: 9 };
			expect(written(item)).toBe(empty === undefined ? 'CTT*3' : 'CTT*3*9');
		}
	});

	it('counts an 850’s PO1 lines inside its CTT loop after a filter removed one', () => {
		const order = readSet('850');
		const lines = segmentsOf(order).PO1_loop as Json[];
		segmentsOf(order).PO1_loop = lines.slice(1);
		// Read gives a loop that occurs at most once as an object.
		segmentsOf(order).CTT_loop = { CTT: { CTT01: '' } };
		expect(written(order)).toBe('CTT*1');
	});

	it('counts every HL level of an 856, given flat or nested', () => {
		const flat = shipNotice('SN-1', ['AS-1', 'AS-2']);
		(flat.segments.CTT as Json) = { CTT01: '' };
		expect(written(flat)).toBe('CTT*3');
		const [shipment, ...items] = flat.segments.HL_loop as Json[];
		const nested = {
			...flat,
			segments: { ...flat.segments, HL_loop: [{ ...shipment, HL_loop: items }] },
		};
		expect(written(nested)).toBe('CTT*3');
	});

	it('counts the lines of a set given as a flat list, as Read gives a set it has no structure for', () => {
		const change = {
			transactionSet: { code: '865' },
			group: { functionalId: 'CA' },
			segments: [
				{ tag: 'ST', ST01: '865', ST02: '0001' },
				{ tag: 'BCA', BCA01: '01', BCA02: 'AC', BCA03: 'PO-1', BCA06: '20261207' },
				{ tag: 'POC', POC01: '1', POC02: 'QD', POC03: 2 },
				{ tag: 'POC', POC01: '2', POC02: 'QD', POC03: 4 },
				{ tag: 'CTT', CTT01: '' },
				{ tag: 'SE', SE01: '6', SE02: '0001' },
			],
		};
		expect(written(change)).toBe('CTT*2');
		change.segments[4].CTT01 = '3';
		expect((written(change) as EdiWriteError).message).toBe(
			'Item 0: segments[4].CTT01 is 3, but the set has 2 POC segments, which CTT01 counts',
		);
	});

	it.each([2, '2', '02'])('writes a CTT01 that agrees with the lines as given: %j', (stated) => {
		const item = invoice('INV-1', [
			[1, 'AS-1', 2],
			[3, 'AS-2', 4],
		]);
		(item.segments.CTT as Json) = { CTT01: stated };
		expect(written(item)).toBe(`CTT*${stated}`);
	});

	it('refuses a CTT01 the lines no longer agree with, naming both numbers and the fix', () => {
		const order = readSet('850');
		segmentsOf(order).PO1_loop = (segmentsOf(order).PO1_loop as Json[]).slice(1);
		const fault = written(order) as EdiWriteError;
		expect(fault).toBeInstanceOf(EdiWriteError);
		expect([fault.message, fault.hint]).toEqual([
			'Item 0: segments.CTT_loop[0].CTT.CTT01 is 2, but the set has 1 PO1 segment, which CTT01 counts',
			'Leave CTT01 empty to have Write count the PO1 segments (e.g. after lines were filtered out), or give 1; the partner rejects a set whose count is wrong. Turn off Validate Structure in Options to write it as given.',
		]);
		expect(written(order, false)).toBe('CTT*2');
	});

	it('refuses a CTT01 that is not a number', () => {
		const item = invoice('INV-1', [[1, 'AS-1', 2]]);
		(item.segments.CTT as Json) = { CTT01: 'ONE' };
		expect((written(item) as EdiWriteError).message).toBe(
			'Item 0: segments.CTT.CTT01 is ONE, but the set has 1 IT1 segment, which CTT01 counts',
		);
	});

	it('compares a CTT01 given as a list of one, and tells the type of one that is no value', () => {
		const item = invoice('INV-1', [[1, 'AS-1', 2]]);
		(item.segments.CTT as Json) = { CTT01: ['2'] };
		expect((written(item) as EdiWriteError).message).toBe(
			'Item 0: segments.CTT.CTT01 is 2, but the set has 1 IT1 segment, which CTT01 counts',
		);
		(item.segments.CTT as Json) = { CTT01: ['1'] };
		expect(written(item)).toBe('CTT*1');
		(item.segments.CTT as Json) = { CTT01: { count: 1 } };
		expect((written(item) as EdiWriteError).message).toBe(
			'Item 0: CTT01 is an object, not a text or a number',
		);
	});

	it('writes the CTT of a set whose line item it does not know as given', () => {
		expect(Object.keys(CTT01_COUNTS)).not.toContain('199');
		const flat = {
			transactionSet: { code: '199' },
			group: { functionalId: 'ZZ' },
			segments: [
				{ tag: 'LIN', LIN01: '1' },
				{ tag: 'CTT', CTT01: '7' },
			],
		};
		expect(written(flat)).toBe('CTT*7');
	});
});
