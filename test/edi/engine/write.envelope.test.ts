import { readEdi, readItems, writeEdi, type Json } from '../../../nodes/shared/edi';
import { invoice, NOW, settings, shipNotice, write } from './write.support';

const lines = (text: string, terminator = '~') =>
	text.split(terminator).filter((line) => line !== '');

describe('Write: numbers', () => {
	it('writes a small number without an exponent, as every numeric element takes it', () => {
		const { interchanges, failures } = write([
			invoice('INV-1', [
				[1, 'AS-1001', 5e-7],
				[2, 'AS-1002', -1.25e-9],
				[3, 'AS-1003', 12345678901],
			]),
		]);
		expect(failures).toEqual([]);
		expect(lines(interchanges[0].text).filter((line) => line.startsWith('IT1'))).toEqual([
			'IT1*1*1*EA*0.0000005**VN*AS-1001',
			'IT1*2*2*EA*-0.00000000125**VN*AS-1002',
			'IT1*3*3*EA*12345678901**VN*AS-1003',
		]);
	});
});

describe('Write: numbers an expression computed', () => {
	it.each([
		[0.1 + 0.2, '0.3'],
		[4.35 * 100, '435'],
		[1.005 * 1000, '1005'],
		[0.07 * 3, '0.21'],
		[-(0.1 + 0.2), '-0.3'],
		[1234567.12345678, '1234567.12345678'],
		[9007199254740991, '9007199254740991'],
	])('%p is written as %s, without the binary noise of floating point', (value, expected) => {
		const item = invoice('INV-1', [[1, 'AS-1001', 2]]);
		(item.segments.TDS as Json).TDS01 = value;
		const { interchanges, failures } = write([item]);
		expect(failures).toEqual([]);
		expect(lines(interchanges[0].text)).toContain(`TDS*${expected}`);
	});
});

describe('Write: X12 envelopes and counts', () => {
	it('writes an 810 and an 856 for one partner into one interchange, a group per functional ID', () => {
		const { interchanges, failures } = write([
			invoice('INV-1', [
				[120, 'AS-1001', 4.25],
				[48, 'AS-2040', 12.5],
			]),
			shipNotice('SHP-1', ['AS-1001', 'AS-2040']),
			invoice('INV-2', [[1, 'AS-3000', 9]]),
		]);
		expect(failures).toEqual([]);
		expect(interchanges).toHaveLength(1);
		expect(interchanges[0].items).toEqual([0, 1, 2]);
		expect(lines(interchanges[0].text)).toEqual([
			'ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*GLOBEXRETAIL   *261207*0930*U*00401*000000123*0*P*:',
			'GS*IN*ACMESUPPLY*GLOBEXRETAIL*20261207*0930*123*X*004010',
			'ST*810*0001',
			'BIG*20261207*INV-1**PO-1001',
			'N1*RE*ACME SUPPLY*92*AS',
			'IT1*1*120*EA*4.25**VN*AS-1001',
			'IT1*2*48*EA*12.5**VN*AS-2040',
			'TDS*111000',
			'CTT*2',
			'SE*8*0001',
			'ST*810*0002',
			'BIG*20261207*INV-2**PO-1001',
			'N1*RE*ACME SUPPLY*92*AS',
			'IT1*1*1*EA*9**VN*AS-3000',
			'TDS*900',
			'CTT*1',
			'SE*7*0002',
			'GE*2*123',
			'GS*SH*ACMESUPPLY*GLOBEXRETAIL*20261207*0930*100000123*X*004010',
			'ST*856*0001',
			'BSN*00*SHP-1*20261207*0930',
			'HL*1**S',
			'HL*2*1*I',
			'LIN**VN*AS-1001',
			'SN1**1*EA',
			'HL*3*1*I',
			'LIN**VN*AS-2040',
			'SN1**1*EA',
			'CTT*3',
			'SE*11*0001',
			'GE*1*100000123',
			'IEA*2*000000123',
		]);
		expect(interchanges[0].summary).toEqual({
			standard: 'X12',
			fileName: '810-856-000000123.x12',
			sender: { qualifier: 'ZZ', id: 'ACMESUPPLY' },
			receiver: { qualifier: 'ZZ', id: 'GLOBEXRETAIL' },
			partner: 'ZZ:GLOBEXRETAIL',
			interchangeControlNumber: '000000123',
			groups: [
				{
					functionalId: 'IN',
					controlNumber: '123',
					version: '004010',
					sets: [
						{ code: '810', controlNumber: '0001' },
						{ code: '810', controlNumber: '0002' },
					],
				},
				{
					functionalId: 'SH',
					controlNumber: '100000123',
					version: '004010',
					sets: [{ code: '856', controlNumber: '0001' }],
				},
			],
			groupControlNumbers: ['123', '100000123'],
			setControlNumbers: ['0001', '0002', '0001'],
			setCodes: ['810', '856'],
			segmentCount: 32,
			createdAt: '2026-12-07T09:30:00.000Z',
		});
		const reread = readItems(readEdi(interchanges[0].text), 'set');
		expect(reread.map((item) => item.status)).toEqual(['accepted', 'accepted', 'accepted']);
	});

	it('writes 005010 with the repetition separator, test usage, acknowledgment requested and chosen delimiters', () => {
		const item = invoice('INV-1', [[1, 'AS-1', 2]]);
		(item.segments as Json).REF = [{ REF01: 'ZZ', REF02: 'A' }];
		(item.segments as Json).PID = [{ PID01: 'F', PID05: ['RED', 'BLUE'] }];
		const { interchanges } = write([item], {
			version: '005010',
			usage: 'T',
			acknowledgmentRequested: true,
			controlNumber: 7,
			delimiters: { element: '|', component: '>', repetition: '!', segment: '\n' },
		});
		const text = interchanges[0].text;
		expect(text.split('\n')[0]).toBe(
			'ISA|00|          |00|          |ZZ|ACMESUPPLY     |ZZ|GLOBEXRETAIL   |261207|0930|!|00501|000000007|1|T|>',
		);
		expect(text).toContain('\nGS|IN|ACMESUPPLY|GLOBEXRETAIL|20261207|0930|7|X|005010\n');
		expect(text).toContain('\nPID|F||||RED!BLUE\n');
		const [read] = readItems(readEdi(text), 'set');
		expect(read).toMatchObject({ status: 'accepted', interchange: { usageIndicator: 'T' } });
		expect((read.segments as Json).PID).toEqual([
			{ PID01: 'F', PID02: '', PID03: '', PID04: '', PID05: ['RED', 'BLUE'] },
		]);
	});

	it('writes keys in any order in the order of the set’s structure and of the designators', () => {
		const item = invoice('INV-1', [[1, 'AS-1', 2]]);
		const reversed = (object: Record<string, unknown>) =>
			Object.fromEntries(Object.entries(object).reverse());
		const shuffled = {
			...item,
			segments: {
				ZZZ: { ZZZ01: 'x' },
				...reversed(item.segments),
				BIG: reversed({ ...item.segments.BIG, BIG02_02: 'B' }),
			},
		};
		const plain = {
			...item,
			segments: { ...item.segments, BIG: { ...item.segments.BIG, BIG02_02: 'B' } },
		};
		// A key the structure does not have follows the known ones (Validate Structure refuses it).
		const [written] = write([shuffled], { validateStructure: false }).interchanges;
		expect(written.text).toBe(
			write([plain])
				.interchanges[0].text.replace('CTT*1~', 'CTT*1~ZZZ*x~')
				.replace('SE*7*', 'SE*8*'),
		);
		expect(written.text).toContain('~BIG*20261207*INV-1:B**PO-1001~');
		const { ZZZ, ...known } = shuffled.segments;
		void ZZZ;
		expect(write([{ ...shuffled, segments: known }]).interchanges[0].text).toBe(
			write([plain]).interchanges[0].text,
		);
	});

	it('writes an 856 hierarchy given nested, each level under its parent, as Read lists it flat', () => {
		const flat = shipNotice('SN-1', ['AS-1', 'AS-2']);
		const [shipment, ...items] = flat.segments.HL_loop;
		// Keys in any order, as a mapping builds them: each level is still put in the set's order.
		const nested = {
			...flat,
			segments: {
				...flat.segments,
				HL_loop: [
					{
						HL_loop: items.map((level) => Object.fromEntries(Object.entries(level).reverse())),
						TD5: [{ TD502: '2', TD503: 'UPSN' }],
						...shipment,
					},
				],
			},
		};
		const expected = {
			...flat,
			segments: { ...flat.segments, HL_loop: [...flat.segments.HL_loop] },
		};
		expected.segments.HL_loop[0] = { ...shipment, TD5: [{ TD502: '2', TD503: 'UPSN' }] } as never;
		const [written] = write([nested]).interchanges;
		expect(written.text).toBe(write([expected]).interchanges[0].text);
		expect(written.text).toContain(
			'~HL*1**S~TD5**2*UPSN~HL*2*1*I~LIN**VN*AS-1~SN1**1*EA~HL*3*1*I~',
		);
		const [read] = readItems(readEdi(written.text), 'set');
		expect(read).toMatchObject({ status: 'accepted', errors: [] });
		// A nested level is checked as a flat one is.
		const incomplete = structuredClone(nested);
		delete (incomplete.segments.HL_loop[0].HL_loop[1].HL as Record<string, unknown>).HL03;
		expect(write([incomplete]).failures[0].message).toMatch(
			/^Item 0: segments\.HL_loop\[0\]\.HL_loop\[1\]\.HL has no HL03, which is mandatory/,
		);
	});

	it('puts a line break after every segment when asked', () => {
		const { interchanges } = write([invoice('INV-1', [[1, 'AS-1', 2]])], {
			delimiters: { lineBreak: '\r\n' },
		});
		expect(interchanges[0].text.split('~\r\n')).toHaveLength(12);
		expect(interchanges[0].text.endsWith('IEA*1*000000123~\r\n')).toBe(true);
	});

	it('makes one interchange per sender/receiver pair, or one per item', () => {
		const other = { receiver: { qualifier: '01', id: '123456789' } };
		const items = [
			invoice('INV-1', [[1, 'AS-1', 2]]),
			invoice('INV-2', [[1, 'AS-1', 2]]),
			invoice('INV-3', [[1, 'AS-1', 2]]),
		];
		const result = writeEdi(
			items.map((json, itemIndex) => ({
				json,
				settings: settings({ ...(itemIndex === 1 ? other : {}), controlNumber: 50 + itemIndex }),
				itemIndex,
			})),
			{ batching: 'all', now: NOW },
		);
		expect(
			result.interchanges.map((each) => [
				each.summary.partner,
				each.items,
				each.summary.interchangeControlNumber,
			]),
		).toEqual([
			['ZZ:GLOBEXRETAIL', [0, 2], '000000050'],
			['01:123456789', [1], '000000051'],
		]);
		const perItem = write(items, {}, 'item');
		expect(perItem.interchanges.map((each) => each.items)).toEqual([[0], [1], [2]]);
	});

	it('derives GS01 from the set code, and takes the item’s for a set the engine does not know', () => {
		const known = {
			transactionSet: { code: '850' },
			segments: {
				BEG: { BEG01: '00', BEG02: 'SA', BEG03: 'PO-1', BEG05: '20261207' },
				PO1_loop: [{ PO1: { PO101: 1, PO102: 1, PO103: 'EA' } }],
			},
		};
		const unknown = {
			transactionSet: { code: '869' },
			group: { functionalId: 'RS' },
			segments: [{ tag: 'BSI', BSI01: 'X1' }],
		};
		const { interchanges, failures } = write([known, unknown]);
		expect(failures).toEqual([]);
		expect(interchanges[0].summary.groups.map((group) => group.functionalId)).toEqual(['PO', 'RS']);
		const nameless = write([
			{ transactionSet: { code: '869' }, segments: [{ tag: 'BSI', BSI01: 'X1' }] },
		]);
		expect(nameless.failures.map((failure) => failure.message)).toEqual([
			'Item 0: set 869 has no functional ID (GS01): the engine does not know this set',
		]);
	});
});

describe('Write: EDIFACT envelopes and escaping', () => {
	const orders = (number: string) => ({
		transactionSet: { code: 'ORDERS', version: 'D', release: '96A', agency: 'UN' },
		segments: {
			BGM: { BGM01: '220', BGM02: number, BGM03: '9' },
			DTM: [{ DTM01: '137', DTM01_02: '20261207', DTM01_03: '102' }],
			FTX: [{ FTX01: 'AAI', FTX04: "Dock 4: ring+wait, it's 50% off?" }],
			UNS: { UNS01: 'S' },
		},
	});

	it("escapes ? + : and ' with the release character and writes no UNA for the defaults", () => {
		const { interchanges } = write([orders('PO-1')], {
			standard: 'EDIFACT',
			version: 'UNOC:3',
			usage: 'T',
			acknowledgmentRequested: true,
		});
		expect(lines(interchanges[0].text, "'")).toEqual([
			'UNB+UNOC:3+ACMESUPPLY:ZZ+GLOBEXRETAIL:ZZ+261207:0930+123++++1++1',
			'UNH+1+ORDERS:D:96A:UN',
			'BGM+220+PO-1+9',
			'DTM+137:20261207:102',
			'FTX+AAI+++Dock 4?: ring?+wait, it?',
			's 50% off??',
			'UNS+S',
			'UNT+6+1',
			'UNZ+1+123',
		]);
		const [read] = readItems(readEdi(interchanges[0].text), 'set');
		expect(read.status).toBe('accepted');
		expect(((read.segments as Json).FTX as Json[])[0].FTX04).toBe(
			"Dock 4: ring+wait, it's 50% off?",
		);
		expect(interchanges[0].summary).toMatchObject({
			fileName: 'ORDERS-123.edi',
			interchangeControlNumber: '123',
			setControlNumbers: ['1'],
			groupControlNumbers: [],
		});
	});

	it('keeps a party as the item gives it: no qualifier, routing address, internal ID', () => {
		const kept = (sender: Json) => ({
			...orders('PO-1'),
			interchange: {
				sender,
				receiver: { id: 'GLOBEXRETAIL', qualifier: '14', routingAddress: 'INBOX-2' },
			},
		});
		const unb = (sender: Json) =>
			lines(
				write([kept(sender)], { standard: 'EDIFACT', version: 'UNOC:4', keepEnvelope: true })
					.interchanges[0].text,
				"'",
			)[0];
		// UNB02's qualifier is optional: the item's empty one is kept, not replaced by the node's ZZ.
		expect(unb({ id: 'INITECH', qualifier: '' })).toBe(
			'UNB+UNOC:4+INITECH+GLOBEXRETAIL:14:INBOX-2+20261207:0930+123',
		);
		expect(unb({ id: 'INITECH', qualifier: '', routingAddress: 'OUT', internalId: 'D7' })).toBe(
			'UNB+UNOC:4+INITECH::OUT:D7+GLOBEXRETAIL:14:INBOX-2+20261207:0930+123',
		);
		// An item that does not say takes the node's qualifier, and the node's ID its own.
		expect(unb({ id: 'INITECH' })).toBe(
			'UNB+UNOC:4+INITECH:ZZ+GLOBEXRETAIL:14:INBOX-2+20261207:0930+123',
		);
		expect(unb({ qualifier: '', routingAddress: 'OUT' })).toBe(
			'UNB+UNOC:4+ACMESUPPLY:ZZ+GLOBEXRETAIL:14:INBOX-2+20261207:0930+123',
		);
	});

	it('keeps the test indicator an item gives, and takes Usage for an item that gives none', () => {
		const unb = (interchange: Json, usage: 'P' | 'T') =>
			lines(
				write([{ ...orders('PO-1'), interchange }], {
					standard: 'EDIFACT',
					version: 'UNOC:3',
					keepEnvelope: true,
					usage,
				}).interchanges[0].text,
				"'",
			)[0];
		// Read gives testIndicator '' for a production interchange: kept, whatever Usage says.
		expect(unb({ controlReference: 'R1', testIndicator: '' }, 'T')).toBe(
			'UNB+UNOC:3+ACMESUPPLY:ZZ+GLOBEXRETAIL:ZZ+261207:0930+R1',
		);
		expect(unb({ controlReference: 'R1', testIndicator: '1' }, 'P')).toMatch(/\+R1\+\+\+\+\+\+1$/);
		// An item built without one is a test when Usage says so, as an X12 item would be.
		expect(unb({ controlReference: 'R1' }, 'T')).toMatch(/\+R1\+\+\+\+\+\+1$/);
		expect(unb({ controlReference: 'R1' }, 'P')).toBe(
			'UNB+UNOC:3+ACMESUPPLY:ZZ+GLOBEXRETAIL:ZZ+261207:0930+R1',
		);
	});

	it('writes a UNA when the delimiters differ from the defaults, or always when asked', () => {
		const odd = write([orders('PO-1')], {
			standard: 'EDIFACT',
			version: 'UNOC:4',
			delimiters: { element: '|', component: '^', release: '!', segment: '~' },
		});
		expect(
			odd.interchanges[0].text.startsWith(
				'UNA^|.!*~UNB|UNOC^4|ACMESUPPLY^ZZ|GLOBEXRETAIL^ZZ|20261207^0930|123~',
			),
		).toBe(true);
		expect(readItems(readEdi(odd.interchanges[0].text), 'set')[0].status).toBe('accepted');
		const always = write([orders('PO-1')], {
			standard: 'EDIFACT',
			version: 'UNOC:3',
			alwaysUna: true,
		});
		expect(always.interchanges[0].text.startsWith("UNA:+.? 'UNB+UNOC:3+")).toBe(true);
	});

	it.each([
		['component', "UNA.+,? 'UNB+UNOC.3+"],
		['element', "UNA:.,? 'UNB.UNOC:3."],
		['release', "UNA:+,. 'UNB+UNOC:3+"],
		// Only syntax version 4 has a repetition separator.
		['repetition', "UNA:+,?.'UNB+UNOC:4+"],
		['segment', 'UNA:+,? .UNB+UNOC:3+'],
	])(
		'declares the decimal mark "," when delimiters.%s is ".", so that Read takes the UNA',
		(key, opening) => {
			const written = write([orders('PO-1')], {
				standard: 'EDIFACT',
				version: key === 'repetition' ? 'UNOC:4' : 'UNOC:3',
				delimiters: { [key]: '.' },
			});
			expect(written.failures).toEqual([]);
			const { text } = written.interchanges[0];
			expect(text.startsWith(opening)).toBe(true);
			const [read] = readItems(readEdi(text), 'set');
			expect([read.status, read.errors]).toEqual(['accepted', []]);
			expect((read.interchange as Json).delimiters).toMatchObject({ [key]: '.', decimal: ',' });
		},
	);

	it('declares the decimal mark "." when an item keeps "," and a separator is ","', () => {
		const kept = { ...orders('PO-1'), interchange: { delimiters: { decimal: ',' } } };
		const written = write([kept], {
			standard: 'EDIFACT',
			version: 'UNOC:3',
			keepEnvelope: true,
			delimiters: { component: ',' },
		});
		expect(written.interchanges[0].text.startsWith("UNA,+.? 'UNB+UNOC,3+")).toBe(true);
		expect(readItems(readEdi(written.interchanges[0].text), 'set')[0].errors).toEqual([]);
	});
});
