/*
 * A segment a mapping left without any value ({ PID05: '' } when the description was empty): X12
 * and EDIFACT have no empty segment (X12 RFI 22: the terminator must follow a data element), so
 * it is not written, as a null one is not; one the set or its loop cannot do without is refused.
 */
import { EdiWriteError, readEdi, readItems, type Json } from '../../../nodes/shared/edi';
import { invoice, write } from './write.support';

const good = () => invoice('INV-1', [[1, 'AS-1', 2]]) as unknown as { segments: Json };

function text(item: unknown) {
	const { interchanges, failures } = write([item]);
	expect(failures.map((failure) => failure.message)).toEqual([]);
	return interchanges[0].text;
}

describe('Write: a segment without a value', () => {
	it('is not written, and the set is counted without it', () => {
		const item = good();
		(item.segments.IT1_loop as Json[])[0].PID_loop = [{ PID: { PID01: 'F', PID05: 'BLUE' } }];
		(item.segments as Json).REF = [
			{ REF01: '', REF02: '' },
			{ REF01: 'DP', REF02: '038' },
		];
		(item.segments as Json).DTM = [{ DTM01: '', DTM02: null }];
		(item.segments as Json).CUR = {};
		const written = text(item);
		expect(written).toContain('~BIG*20261207*INV-1**PO-1001~REF*DP*038~N1*');
		expect(written).not.toMatch(/~(REF|DTM|CUR)~/);
		expect(readItems(readEdi(written), 'set')[0].status).toBe('accepted');
	});

	it('in a flat list of segments is not written either', () => {
		const flat = {
			transactionSet: { code: '199' },
			group: { functionalId: 'ZZ' },
			segments: [
				{ tag: 'BGN', BGN01: '00' },
				{ tag: 'NTE', NTE01: '', NTE02: '' },
				{ tag: 'NTE', NTE02: 'KEEP' },
			],
		};
		expect(text(flat)).toContain('~ST*199*0001~BGN*00~NTE**KEEP~SE*4*0001~');
	});

	it('that starts a loop is refused: the loop would start with its next segment', () => {
		const item = good();
		item.segments.N1_loop = [{ N1: { N101: '', N102: '' }, N3: [{ N301: '1 MAIN ST' }] }];
		const { failures } = write([item], { validateStructure: false });
		expect(failures[0]).toBeInstanceOf(EdiWriteError);
		expect(failures[0].message).toBe(
			'Item 0: segments.N1_loop[0] has no N1 segment, which starts the loop (its N1 has no value)',
		);
	});

	it('that the set requires is refused as missing', () => {
		const tender = {
			transactionSet: { code: '204' },
			segments: {
				B2: { B202: '', B204: '' },
				B2A: { B2A01: '00' },
				S5_loop: [{ S5: { S501: '1', S502: 'LD' } }],
			},
		};
		const { failures } = write([tender]);
		expect(failures.map((failure) => failure.message)).toEqual([
			'Item 0: segments has no B2, which the set requires',
		]);
	});
});
