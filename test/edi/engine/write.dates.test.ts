// Luxon comes with n8n-workflow: its DateTime is what n8n expressions ($now, DateTime.fromISO) give.
import { DateTime } from 'luxon';

import { EdiWriteError, readEdi, readItems, type Json } from '../../../nodes/shared/edi';
import {
	X12_DATE_TIME_ELEMENTS,
	X12_ELEMENT_REFERENCES,
} from '../../../nodes/shared/edi/structure';
import { invoice, shipNotice, write } from './write.support';

/** The segment of the one file written that starts with `tag`, or the fault. */
function written(item: unknown, tag: string, overrides = {}) {
	const { interchanges, failures } = write([item], overrides);
	if (failures.length > 0) return failures[0];
	return new RegExp(`~(${tag}\\*[^~]*)~`).exec(interchanges[0].text)?.[1];
}

const withBig = (big: Json) => {
	const item = invoice('INV-1', [[1, 'AS-1', 2]]);
	Object.assign(item.segments.BIG, big);
	return item;
};

describe('Write: dates and times in X12 date and time elements', () => {
	it.each([
		['an ISO date', '2026-12-07', 'BIG*20261207*INV-1*20261201*PO-1001'],
		['an ISO date-time', '2026-12-07T23:30:00.000-05:00', 'BIG*20261207*INV-1*20261201*PO-1001'],
		[
			'a JavaScript Date (UTC)',
			new Date('2026-12-07T10:00:00Z'),
			'BIG*20261207*INV-1*20261201*PO-1001',
		],
		[
			'an n8n (Luxon) DateTime, in its own zone',
			DateTime.fromISO('2026-12-07T23:30:00', { zone: 'America/New_York' }),
			'BIG*20261207*INV-1*20261201*PO-1001',
		],
		['CCYYMMDD as given', '20261207', 'BIG*20261207*INV-1*20261201*PO-1001'],
		['CCYYMMDD as a number', 20261207, 'BIG*20261207*INV-1*20261201*PO-1001'],
	])('%s in BIG01 is written as CCYYMMDD', (_, value, segment) => {
		expect(written(withBig({ BIG01: value, BIG03: '2026-12-01' }), 'BIG')).toBe(segment);
	});

	it('a date-time in a ship notice’s date and time is written as CCYYMMDD and HHMM', () => {
		const item = shipNotice('SN-1', ['AS-1']);
		const at = '2026-12-07T09:45:00.000+00:00';
		Object.assign(item.segments.BSN, { BSN03: at, BSN04: at });
		(item.segments as Json).DTM = [{ DTM01: '011', DTM02: at, DTM03: '09:45:30' }];
		const { interchanges, failures } = write([item]);
		expect(failures).toEqual([]);
		const text = interchanges[0].text;
		expect(text).toContain('~BSN*00*SN-1*20261207*0945~DTM*011*20261207*094530~');
		expect(readItems(readEdi(text), 'set')[0].status).toBe('accepted');
	});

	it.each([
		['BIG01', '12/07/2026', 'a date', 'CCYYMMDD (e.g. 20261207)'],
		['BIG01', 'tomorrow', 'a date', 'CCYYMMDD (e.g. 20261207)'],
		['BIG03', '2026-13-45', 'a date', 'CCYYMMDD (e.g. 20261207)'],
		['BIG03', '2026-02-30', 'a date', 'CCYYMMDD (e.g. 20261207)'],
		['BIG01', '20261332', 'a date', 'CCYYMMDD (e.g. 20261207)'],
		['BIG01', '20260229', 'a date', 'CCYYMMDD (e.g. 20261207)'],
		['BIG01', '2026120', 'a date', 'CCYYMMDD (e.g. 20261207)'],
	])('%s holding %j is refused, naming the element and the form', (key, value, what, form) => {
		const fault = written(withBig({ [key]: value }), 'BIG') as EdiWriteError;
		expect(fault).toBeInstanceOf(EdiWriteError);
		expect(fault.message).toBe(
			`Item 0: ${key} holds "${value}", which is not ${what}: X12 writes it as ${form}`,
		);
		expect(fault.hint).toMatch(/^Format it in the mapping/);
	});

	it('converts each repetition of a date element, and tells a Date that is not valid', () => {
		expect(written(withBig({ BIG01: ['2026-12-07'] }), 'BIG')).toBe('BIG*20261207*INV-1**PO-1001');
		expect(
			(written(withBig({ BIG01: new Date('not a date') }), 'BIG') as EdiWriteError).message,
		).toBe('Item 0: BIG01 is a date that is not valid (Invalid Date)');
	});

	it('keeps digits that are a date or time of day as given (HHMMSSdd too)', () => {
		expect(written(withBig({ BIG01: '20261207' }), 'BIG')).toBe('BIG*20261207*INV-1**PO-1001');
		const item = shipNotice('SN-1', ['AS-1']);
		item.segments.BSN.BSN04 = '23595999';
		expect(written(item, 'BSN')).toBe('BSN*00*SN-1*20261207*23595999');
	});

	it('writes YYMMDD before version 00401, CCYYMMDD from it on, and refuses the other form', () => {
		const old = { version: '003040' };
		expect(written(withBig({ BIG01: '261207' }), 'BIG', old)).toBe('BIG*261207*INV-1**PO-1001');
		expect(written(withBig({ BIG01: '2026-12-07' }), 'BIG', old)).toBe('BIG*261207*INV-1**PO-1001');
		expect((written(withBig({ BIG01: '20261207' }), 'BIG', old) as EdiWriteError).message).toBe(
			'Item 0: BIG01 holds "20261207", which is not a date: X12 writes it as YYMMDD (e.g. 261207), as before version 00401',
		);
		expect((written(withBig({ BIG01: '261207' }), 'BIG') as EdiWriteError).message).toBe(
			'Item 0: BIG01 holds "261207", which is not a date: X12 writes it as CCYYMMDD (e.g. 20261207)',
		);
	});

	it.each(['2460', '0960', '123', '235960'])(
		'a time of digits that is none (%s) is refused',
		(time) => {
			const item = shipNotice('SN-1', ['AS-1']);
			item.segments.BSN.BSN04 = time;
			expect((written(item, 'BSN') as EdiWriteError).message).toBe(
				`Item 0: BSN04 holds "${time}", which is not a time: X12 writes it as HHMM or HHMMSS (e.g. 0945)`,
			);
		},
	);

	it('a time that is not one is refused', () => {
		const item = shipNotice('SN-1', ['AS-1']);
		item.segments.BSN.BSN04 = '9.45 am';
		expect((written(item, 'BSN') as EdiWriteError).message).toBe(
			'Item 0: BSN04 holds "9.45 am", which is not a time: X12 writes it as HHMM or HHMMSS (e.g. 0945)',
		);
	});

	it('leaves an ISO date in a text element as it is', () => {
		const item = withBig({});
		(item.segments as Json).REF = [{ REF01: 'ZZ', REF02: '2026-12-07' }];
		const { interchanges, failures } = write([item]);
		expect(failures).toEqual([]);
		expect(interchanges[0].text).toContain('~REF*ZZ*2026-12-07~');
	});

	it('leaves EDIFACT alone: its dates carry their own format qualifier', () => {
		const orders = {
			transactionSet: { code: 'ORDERS', version: 'D', release: '96A' },
			segments: {
				BGM: { BGM01: '220', BGM02: 'PO-1' },
				DTM: [{ DTM01: '137', DTM01_02: '2026-12-07', DTM01_03: '102' }],
				UNS: { UNS01: 'S' },
			},
		};
		const { interchanges, failures } = write([orders], { standard: 'EDIFACT', version: 'UNOC:3' });
		expect(failures.map((failure) => failure.message)).toEqual([]);
		expect(interchanges[0].text).toContain("'DTM+137:2026-12-07:102'");
	});

	it('knows every date and time element the structures check as one', () => {
		const checked = Object.entries(X12_ELEMENT_REFERENCES)
			.filter(([, number]) => number === '373' || number === '337')
			.map(([designator, number]) => [designator, number === '373' ? 'date' : 'time']);
		for (const [designator, kind] of checked)
			expect([designator, X12_DATE_TIME_ELEMENTS[designator]]).toEqual([designator, kind]);
	});
});
