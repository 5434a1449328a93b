import {
	EdiWriteError,
	readEdi,
	readItems,
	writeEdi,
	type Json,
	type WriteSettings,
} from '../../../nodes/shared/edi';
import { corpusFile } from './corpus';
import { invoice, settings, shipNotice } from './write.support';

const good = () => invoice('INV-1', [[1, 'AS-1', 2]]);

/** Writes item 0 (good), item 1 (under test) and item 2 (good); returns item 1's fault. */
function faultOf(item: unknown, overrides: Partial<WriteSettings> = {}) {
	const result = writeEdi(
		[good(), item, good()].map((json, itemIndex) => ({
			json,
			settings: settings(itemIndex === 1 ? overrides : {}),
			itemIndex,
		})),
		{ batching: 'all', now: new Date('2026-12-07T09:30:00Z') },
	);
	// The good items are written all the same.
	const written = result.interchanges.flatMap((interchange) => interchange.items);
	expect(written).toEqual(expect.arrayContaining([0, 2]));
	expect(written).not.toContain(1);
	expect(result.failures).toHaveLength(1);
	expect(result.failures[0]).toBeInstanceOf(EdiWriteError);
	expect(result.failures[0].itemIndex).toBe(1);
	return result.failures[0];
}

function withSegment(tag: string, value: unknown) {
	const item = good();
	(item.segments as Record<string, unknown>)[tag] = value;
	return item;
}

describe('Write: bad input is an error naming the item, segment and element', () => {
	it.each([
		['*', 'element separator'],
		['~', 'segment terminator'],
		[':', 'component separator'],
	])('an X12 value holding %s', (char, name) => {
		const item = good();
		item.segments.N1_loop[0].N1.N102 = `ACME ${char} SUPPLY`;
		expect(faultOf(item).message).toBe(`Item 1: N102 holds the ${name} '${char}'`);
	});

	it.each([
		['ACME\nSUPPLY', 'a line feed (U+000A)'],
		['ACME\r\nSUPPLY', 'a carriage return (U+000D)'],
		['ACME\tSUPPLY', 'a tab (U+0009)'],
		['ACME\u0000', 'a control character (U+0000)'],
		['ACME\u007f', 'a control character (U+007F)'],
	])('an X12 value holding a control character: %j', (value, what) => {
		const item = good();
		item.segments.N1_loop[0].N1.N102 = value;
		const fault = faultOf(item);
		expect(fault.message).toBe(
			`Item 1: N102 holds ${what}, which no X12 or EDIFACT value may carry`,
		);
		expect(fault.hint).toMatch(/^Replace it in the mapping, e\.g\. with a space/);
	});

	it('an EDIFACT value holding a line break, though EDIFACT escapes its separators', () => {
		const orders = {
			transactionSet: { code: 'ORDERS', version: 'D', release: '96A' },
			segments: {
				BGM: { BGM01: '220', BGM02: 'PO+1' },
				NAD_loop: [{ NAD: { NAD01: 'BY', NAD02: 'A\nB' } }],
			},
		};
		const result = writeEdi(
			[
				{
					json: orders,
					settings: settings({ standard: 'EDIFACT', version: 'UNOC:3' }),
					itemIndex: 2,
				},
			],
			{ batching: 'item', now: new Date() },
		);
		expect(result.failures.map((failure) => failure.message)).toEqual([
			'Item 2: NAD02 holds a line feed (U+000A), which no X12 or EDIFACT value may carry',
		]);
	});

	it.each([
		['UNOC:3', 'MÜLLER € GMBH', "'€' (U+20AC)", 'UNOC'],
		['UNOC:3', 'STAR 🌟', "'🌟' (U+1F31F)", 'UNOC'],
		['UNOA:3', 'MÜLLER', "'Ü' (U+00DC)", 'UNOA'],
		['UNOB:3', 'café', "'é' (U+00E9)", 'UNOB'],
	])(
		'an EDIFACT %s value holding a character its character set lacks fails alone: %s',
		(version, name, what, id) => {
			const orders = (nad: string) => ({
				transactionSet: { code: 'ORDERS', version: 'D', release: '96A' },
				segments: {
					BGM: { BGM01: '220', BGM02: 'PO-1' },
					DTM: { DTM01: '137', DTM01_02: '20261207', DTM01_03: '102' },
					NAD_loop: [{ NAD: { NAD01: 'BY', NAD02: nad } }],
					UNS: { UNS01: 'S' },
				},
			});
			const edifact = settings({ standard: 'EDIFACT', version });
			const result = writeEdi(
				[orders('ACME'), orders(name), orders('GLOBEX')].map((json, itemIndex) => ({
					json,
					settings: edifact,
					itemIndex,
				})),
				{ batching: 'all', now: new Date() },
			);
			expect(result.failures.map((failure) => [failure.itemIndex, failure.message])).toEqual([
				[1, `Item 1: NAD02 holds ${what}, which the syntax ${id} cannot carry`],
			]);
			expect(result.interchanges.map((interchange) => interchange.items)).toEqual([[0, 2]]);
			const [written] = result.interchanges;
			expect(readItems(readEdi(Buffer.from(written.text, written.encoding)), 'set')).toEqual([
				expect.objectContaining({ valid: true }),
				expect.objectContaining({ valid: true }),
			]);
		},
	);

	it('an EDIFACT UNOC value of Latin-1 letters is written one byte per character', () => {
		const orders = {
			transactionSet: { code: 'ORDERS', version: 'D', release: '96A' },
			segments: {
				BGM: { BGM01: '220', BGM02: 'PO-1' },
				DTM: { DTM01: '137', DTM01_02: '20261207', DTM01_03: '102' },
				NAD_loop: [{ NAD: { NAD01: 'BY', NAD02: 'MÜLLER GMBH' } }],
				UNS: { UNS01: 'S' },
			},
		};
		const result = writeEdi(
			[
				{
					json: orders,
					settings: settings({ standard: 'EDIFACT', version: 'UNOC:3' }),
					itemIndex: 0,
				},
			],
			{ batching: 'all', now: new Date() },
		);
		expect(result.failures).toEqual([]);
		const bytes = Buffer.from(result.interchanges[0].text, result.interchanges[0].encoding);
		expect(bytes.includes(Buffer.from('NAD+BY+M\xdcLLER GMBH', 'latin1'))).toBe(true);
	});

	it('a control character chosen as a separator still separates', () => {
		const result = writeEdi(
			[{ json: good(), settings: settings({ delimiters: { segment: '\n' } }), itemIndex: 0 }],
			{ batching: 'item', now: new Date() },
		);
		expect(result.failures).toEqual([]);
		const text = result.interchanges[0].text;
		expect(text).toContain('\nN1*RE*ACME SUPPLY*92*AS\n');
		expect(readItems(readEdi(text), 'set').map((item) => item.valid)).toEqual([true]);
	});

	it('not a known set given as a flat list of segments, which is written as given', () => {
		const flat = {
			transactionSet: { code: '810' },
			segments: [
				{ tag: 'BIG', BIG01: '20261207' },
				{ tag: 'TDS', TDS01: 200 },
			],
		};
		const result = writeEdi([{ json: flat, settings: settings(), itemIndex: 0 }], {
			batching: 'item',
			now: new Date(),
		});
		expect(result.failures).toEqual([]);
		expect(result.interchanges[0].text).toContain('~ST*810*0001~BIG*20261207~TDS*200~SE*4*0001~');
	});

	it('a repetition in 004010, which has no repetition separator', () => {
		expect(faultOf(withSegment('PID', [{ PID01: 'F', PID05: ['A', 'B'] }])).message).toBe(
			'Item 1: PID05 is a list of 2 repetitions, but the interchange has no repetition separator',
		);
	});

	it.each([
		[{ sender: { qualifier: 'ZZ', id: '' } }, 'Item 1: has no sender ID'],
		[{ receiver: { qualifier: 'ZZ', id: '' } }, 'Item 1: has no receiver ID'],
		[
			{ sender: { qualifier: 'ZZ', id: 'A-VERY-LONG-SENDER-ID' } },
			'Item 1: ISA06 "A-VERY-LONG-SENDER-ID" is 21 characters long; it takes 1 to 15',
		],
		[{ sender: { qualifier: '', id: 'ACME' } }, 'Item 1: ISA05 is empty'],
		[
			{ receiver: { qualifier: 'ZZ', id: 'MÜLLER' } },
			'Item 1: ISA08 "MÜLLER" holds "Ü" (U+00DC); the ISA takes printable ASCII only',
		],
		[
			{ receiver: { qualifier: 'ZZZ', id: 'ACME' } },
			'Item 1: ISA07 "ZZZ" is 3 characters long; it takes 1 to 2',
		],
		[{ controlNumber: undefined }, 'Item 1: has no control number'],
		[
			{ delimiters: { element: '~' } },
			"Item 1: the segment terminator and the element separator are both '~'",
		],
		[
			{ delimiters: { component: 'A' } },
			'Item 1: the component separator "A" is not one character other than a letter, digit or white space',
		],
		[
			{ standard: 'EDIFACT' as const, version: 'UNOC:3' },
			'Item 1: holds X12, but Standard is EDIFACT',
		],
	])('an envelope that cannot be written: %j', (overrides, message) => {
		const item = { ...good(), standard: 'X12' };
		expect(faultOf(item, overrides).message).toBe(message);
	});

	const orders = (more: Record<string, unknown> = {}) => ({
		transactionSet: { code: 'ORDERS', version: 'D', release: '96A' },
		segments: {
			BGM: { BGM01: '220', BGM02: 'PO-1' },
			DTM: { DTM01: '137', DTM01_02: '20261207', DTM01_03: '102' },
			UNS: { UNS01: 'S' },
		},
		...more,
	});
	const edifact: Partial<WriteSettings> = { standard: 'EDIFACT', version: 'UNOC:3' };
	const kept: Partial<WriteSettings> = { keepEnvelope: true };

	it.each([
		[{ ...good(), interchange: { usageIndicator: 'X' } }, kept, 'ISA15 "X" is not P, T or I'],
		[
			{ ...good(), interchange: { controlNumber: '00000012A' } },
			kept,
			'ISA13 "00000012A" is not a nine-digit control number',
		],
		[{ ...good(), interchange: { date: '261341' } }, kept, 'ISA09 "261341" is not a date (YYMMDD)'],
		[
			{ ...good(), group: { controlNumber: '12A', version: '004010' } },
			kept,
			'GS06 "12A" (group.controlNumber) is not a group control number of 1 to 9 digits',
		],
		[
			{ ...good(), transactionSet: { code: '81' } },
			{},
			'ST01 "81" is not a transaction set code (three digits, e.g. 810)',
		],
		[
			good(),
			{ version: '005010', delimiters: { repetition: '\n' } },
			'the repetition separator "\\n" is not one character other than a letter, digit or white space',
		],
		[
			orders({ interchange: { controlReference: 'EF1', delimiters: { decimal: '*' } } }),
			{ ...edifact, keepEnvelope: true },
			"the decimal mark \"*\" is neither '.' nor ','",
		],
		[
			orders({ interchange: { controlReference: 'EF1', syntax: { id: 'UNOZ', version: '3' } } }),
			{ ...edifact, keepEnvelope: true },
			'UNB01 "UNOZ:3" is not a syntax identifier (UNOA to UNOY) and version (1 to 4) such as UNOC:3',
		],
		[
			orders(),
			{ ...edifact, delimiters: { component: '.', element: ',' } },
			"the component separator '.' and the element separator ',' leave the UNA no decimal mark, which must be '.' or ',' and unlike every separator",
		],
		[
			orders({ transactionSet: { code: 'ORDERS' } }),
			edifact,
			'message ORDERS has no version (UNH02_02), release (UNH02_03): give transactionSet.version, .release and .agency (e.g. "D", "96A" and "UN") or segments.UNH',
		],
		[
			orders({
				segments: {
					UNH: { UNH02: 'ORDERS', UNH02_02: 'D', UNH02_03: '96A' },
					BGM: { BGM01: '220', BGM02: 'PO-1' },
					DTM: { DTM01: '137', DTM01_02: '20261207', DTM01_03: '102' },
					UNS: { UNS01: 'S' },
				},
			}),
			edifact,
			'message ORDERS has no agency (UNH02_04): give transactionSet.version, .release and .agency (e.g. "D", "96A" and "UN") or segments.UNH',
		],
	])('an envelope Read would reject is refused, not written: %#', (item, overrides, message) => {
		expect(faultOf(item, overrides).message).toBe(`Item 1: ${message}`);
	});

	it.each([
		[{ transactionSet: { code: '810' } }, 'Item 1: set 810 has no segments'],
		[{ transactionSet: { code: '810' }, segments: {} }, 'Item 1: set 810 has no segments'],
		[{ transactionSet: { code: '810' }, segments: [] }, 'Item 1: set 810 has no segments'],
		[
			{ segments: { BIG: { BIG01: '1' } } },
			'Item 1: has no transaction set code: give transactionSet.code (e.g. "810") or segments.ST',
		],
		['just text', 'Item 1: is not an object'],
		[{ groups: [] }, 'Item 1: holds no transaction set'],
		[{ transactionSets: [null] }, 'Item 1: transactionSets[0] is not a transaction set'],
		[
			// A list with a hole, as a Code node's `delete list[0]` leaves it.
			{ transactionSets: Object.assign([], { 1: good() }) },
			'Item 1: transactionSets[0] is not a transaction set',
		],
		[
			{ groups: [{ transactionSets: [good(), 'x'] }] },
			'Item 1: groups[0].transactionSets[1] is not a transaction set',
		],
		[{ groups: ['x'] }, 'Item 1: groups[0] is not a functional group'],
	])('a set that cannot be written: %j', (item, message) => {
		expect(faultOf(item).message).toBe(message);
	});

	it.each([
		[NaN, 'NaN'],
		[Infinity, 'Infinity'],
		[-Infinity, '-Infinity'],
	])('a number a calculation could not make (%p) is told as such', (value, shown) => {
		const item = good();
		(item.segments.TDS as Json).TDS01 = value;
		const fault = faultOf(item);
		expect([fault.message, fault.hint]).toEqual([
			`Item 1: TDS01 is ${shown}, which a calculation in the mapping gives when a value it uses is missing or not a number (or it divides by zero)`,
			'Check the expression that computes it, e.g. give a missing value a default: {{ ($json.price ?? 0) * $json.quantity }}.',
		]);
	});

	it.each([
		[
			withSegment('BIG', { BIG01: { year: 2026 } }),
			'Item 1: BIG01 is an object, not a text or a number',
		],
		[
			withSegment('BIG', { BIG01: '20261207', BIG02: 'A', BIG02_01: 'B' }),
			'Item 1: BIG02 and BIG02_01 both give element 2 of segment BIG, with different values',
		],
		[
			withSegment('BIG', { BIG01: 12345678901234567890 }),
			'Item 1: BIG01 is the number 12345678901234567000, too big to keep every digit',
		],
		[
			withSegment('BIG', { BIGXX: '1' }),
			'Item 1: segment BIG has the key "BIGXX", which is not one of its reference designators (BIG01, BIG02, BIG01_02…)',
		],
		[
			withSegment('BIG', { BIG01_2: '1' }),
			'Item 1: segment BIG has the key "BIG01_2", which is not one of its reference designators (BIG01, BIG02, BIG01_02…)',
		],
		[
			withSegment('Big', { Big01: '1' }),
			'Item 1: segments has the key "Big", which is neither a segment tag nor a loop (<TAG>_loop)',
		],
		[
			withSegment('N9_loop', [{ MSG: { MSG01: 'x' } }]),
			'Item 1: segments.N9_loop[0] has no N9 segment, which starts the loop',
		],
		[
			withSegment('N9_loop', [{ N9: null, MSG: { MSG01: 'x' } }]),
			'Item 1: segments.N9_loop[0] has no N9 segment, which starts the loop',
		],
		[
			withSegment('N9_loop', [{ N9: [], MSG: { MSG01: 'x' } }]),
			'Item 1: segments.N9_loop[0] has no N9 segment, which starts the loop',
		],
		[withSegment('REF', 'DP'), 'Item 1: segment REF is the string "DP", not an object of elements'],
		[
			{ transactionSet: { code: '869' }, group: { functionalId: 'RS' }, segments: [{ N101: 'x' }] },
			'Item 1: segments[0] is not a segment with a tag (e.g. { "tag": "N1", "N101": "ST" })',
		],
	])('segments that cannot be written: %#', (item, message) => {
		expect(faultOf(item).message).toBe(message);
	});

	const without = (key: string) => {
		const item = good();
		delete (item.segments as Record<string, unknown>)[key];
		return item;
	};
	it.each([
		// An Edit Fields expression that found nothing gives undefined, null or ''.
		[withSegment('BIG', { BIG01: '20261207', BIG02: undefined }), 'segments.BIG has no BIG02'],
		[withSegment('BIG', { BIG01: '20261207', BIG02: '' }), 'segments.BIG has no BIG02'],
		[withSegment('BIG', { BIG01: null, BIG02: 'INV-1' }), 'segments.BIG has no BIG01'],
		[withSegment('N1_loop', [{ N1: { N102: 'ACME' } }]), 'segments.N1_loop[0].N1 has no N101'],
		[without('BIG'), 'segments has no BIG'],
		[without('TDS'), 'segments has no TDS'],
		[
			{
				...shipNotice('SN-1', ['AS-1']),
				segments: { ...shipNotice('SN-1', []).segments, HL_loop: [] },
			},
			'segments has no HL_loop',
		],
		[
			{
				...shipNotice('SN-1', []),
				segments: { ...shipNotice('SN-1', []).segments, HL_loop: [{ HL: { HL01: '1' } }] },
			},
			'segments.HL_loop[0].HL has no HL03',
		],
	])(
		'a set without what its structure requires, which Read and the partner reject: %#',
		(item, message) => {
			const fault = faultOf(item);
			expect(fault.message).toMatch(new RegExp(`^Item 1: ${message.replace(/[.[\]]/g, '\\$&')}, `));
			expect(fault.hint).toMatch(/^Read and the partner reject a set without it/);
		},
	);

	it('a mandatory composite element given by a later component only is there, as Read finds it', () => {
		const contrl = {
			transactionSet: { code: 'CONTRL', version: 'D', release: '3', agency: 'UN' },
			segments: { UCI: { UCI01: 'EF1', UCI02_02: 'ZZ', UCI03: 'GLOBEX', UCI04: '7' } },
		};
		const edifact = settings({ standard: 'EDIFACT', version: 'UNOC:3' });
		const result = writeEdi([{ json: contrl, settings: edifact, itemIndex: 0 }], {
			batching: 'all',
			now: new Date('2026-12-07T09:30:00Z'),
		});
		expect(result.failures).toEqual([]);
		expect(readItems(readEdi(result.interchanges[0].text), 'set')[0].status).toBe('accepted');
		const empty = { ...contrl, segments: { UCI: { ...contrl.segments.UCI, UCI02_02: '' } } };
		expect(
			writeEdi([{ json: empty, settings: edifact, itemIndex: 0 }], {
				batching: 'all',
				now: new Date(),
			}).failures[0].message,
		).toMatch(/^Item 0: segments\.UCI has no UCI02, /);
	});

	it('an interchange Read rejects for its syntax identifier is not written again', () => {
		const file = corpusFile('defects', 'edifact-syntax-identifier-unknown.edi');
		const [item] = readItems(readEdi(file), 'set');
		const result = writeEdi(
			[{ json: item, settings: settings({ ...edifact, ...kept }), itemIndex: 3 }],
			{ batching: 'all', now: new Date() },
		);
		expect(result.interchanges).toEqual([]);
		expect(result.failures.map((failure) => failure.message)).toEqual([
			'Item 3: UNB01 "UNOZ:3" is not a syntax identifier (UNOA to UNOY) and version (1 to 4) such as UNOC:3',
		]);
	});

	it('an EDIFACT value holding a separator when the UNA declares no release character', () => {
		const orders = {
			transactionSet: { code: 'ORDERS', version: 'D', release: '96A' },
			interchange: {
				controlReference: 'EF1',
				delimiters: { element: '+', component: ':', segment: "'", release: '', repetition: '' },
			},
			segments: { BGM: { BGM01: '220', BGM02: 'PO+1' } },
		};
		const result = writeEdi(
			[
				{
					json: orders,
					settings: settings({ standard: 'EDIFACT', version: 'UNOC:3', keepEnvelope: true }),
					itemIndex: 4,
				},
			],
			{ batching: 'item', now: new Date() },
		);
		expect(result.failures.map((failure) => [failure.message, failure.hint])).toEqual([
			[
				"Item 4: BGM02 holds the element separator '+'",
				'Declare a release character in Options, or remove the character from the value.',
			],
		]);
	});

	it('an EDIFACT message without a group among grouped ones fails alone', () => {
		const envelope = { controlReference: 'EF1' };
		const group = {
			functionalId: 'ORDERS',
			sender: 'ACME',
			receiver: 'GLOBEX',
			version: 'D:96A',
			agency: 'UN',
		};
		const result = writeEdi(
			[orders({ interchange: envelope, group }), orders({ interchange: envelope })].map(
				(json, itemIndex) => ({
					json,
					settings: settings({ ...edifact, keepEnvelope: true }),
					itemIndex,
				}),
			),
			{ batching: 'all', now: new Date() },
		);
		expect(result.failures.map((failure) => failure.message)).toEqual([
			'Item 1: has no group.functionalId, but other messages of its interchange are in UNG groups: EDIFACT puts all of an interchange’s messages in groups, or none',
		]);
		expect(result.interchanges.map((interchange) => interchange.items)).toEqual([[0]]);
		const [back] = readEdi(result.interchanges[0].text);
		expect(back.findings).toEqual([]);
		expect(back.groups.map((each) => each.header?.tag)).toEqual(['UNG']);
	});

	it('an item that keeps a control number another item of its interchange keeps fails alone', () => {
		const keeping = (controlNumber?: string) => ({
			...good(),
			group: { controlNumber: '7', version: '004010' },
			transactionSet: { code: '810', ...(controlNumber ? { controlNumber } : {}) },
		});
		const result = writeEdi(
			[keeping('0001'), keeping('0001'), keeping()].map((json, itemIndex) => ({
				json,
				settings: settings({ keepEnvelope: true }),
				itemIndex,
			})),
			{ batching: 'all', now: new Date() },
		);
		expect(result.failures.map((failure) => failure.message)).toEqual([
			'Item 1: keeps ST02 0001, which another item keeps in the same group',
		]);
		const [interchange] = result.interchanges;
		expect(interchange.items).toEqual([0, 2]);
		// The number Write makes steps around the one item 0 keeps.
		expect(interchange.summary.setControlNumbers).toEqual(['0001', '0002']);
		const [back] = readEdi(interchange.text);
		expect(back.groups[0].findings).toEqual([]);
		expect(back.groups[0].sets.map((set) => set.findings)).toEqual([[], []]);
	});

	it.each([
		[
			{
				functionalId: 'IN',
				version: '004010',
				controlNumber: '7',
				transactionSets: [0, 1].map(() => ({
					...good(),
					transactionSet: { code: '810', controlNumber: '0001' },
				})),
			},
			'keeps ST02 0001, which another of its sets keeps in the same group',
		],
		[
			{
				groups: [
					{ functionalId: 'IN', version: '004010', controlNumber: '7', transactionSets: [good()] },
					{
						functionalId: 'SH',
						version: '004010',
						controlNumber: '7',
						transactionSets: [shipNotice('SHP-1', ['AS-1'])],
					},
				],
			},
			'keeps GS06 7, which another of its groups keeps in the same interchange',
		],
	])('an item whose own sets or groups repeat a kept control number: %#', (item, message) => {
		expect(faultOf(item, kept).message).toBe(`Item 1: ${message}`);
	});

	it('a group number Write makes steps around one an item keeps', () => {
		const result = writeEdi(
			[
				{ ...good(), group: { controlNumber: '123', version: '004010' } },
				{ ...shipNotice('SHP-1', ['AS-1']), group: { version: '004010' } },
			].map((json, itemIndex) => ({ json, settings: settings({ keepEnvelope: true }), itemIndex })),
			{ batching: 'all', now: new Date() },
		);
		expect(result.failures).toEqual([]);
		const [interchange] = result.interchanges;
		// 123 would be the first made number (the interchange's); item 0 keeps it.
		expect(interchange.summary.groupControlNumbers).toEqual(['123', '100000123']);
		const [back] = readEdi(interchange.text);
		expect(back.groups.map((group) => group.findings)).toEqual([[], []]);
	});

	it('two groups under a control number that leaves no distinct GS06 for the second', () => {
		const result = writeEdi(
			[good(), shipNotice('SHP-1', ['AS-1'])].map((json, itemIndex) => ({
				json,
				settings: settings({ controlNumber: 123_456_789 }),
				itemIndex,
			})),
			{ batching: 'all', now: new Date() },
		);
		expect(result.interchanges).toEqual([]);
		expect(result.failures.map((failure) => failure.message)).toEqual(
			[0, 1].map(
				(item) =>
					`Item ${item}: the interchange holds 2 or more functional groups, and its control number 123456789 leaves no distinct group control number (GS06) for them`,
			),
		);
		const alone = writeEdi(
			[{ json: good(), settings: settings({ controlNumber: 123_456_789 }), itemIndex: 0 }],
			{
				batching: 'all',
				now: new Date(),
			},
		);
		expect(alone.interchanges[0].summary.groupControlNumbers).toEqual(['123456789']);
	});
});

describe('Write: envelope segments among a set’s segments', () => {
	/** The first set of a valid corpus file, as Read gives it (its own header and trailer included). */
	const firstSet = (name: string) => readItems(readEdi(corpusFile('valid', name)), 'set')[0];
	const order = () => firstSet('x12-004010-orders-and-invoices.x12');
	const orders = () => firstSet('edifact-orders-with-release-characters.edi');
	const edifact: Partial<WriteSettings> = { standard: 'EDIFACT', version: 'UNOC:3' };
	const X12_HINT =
		'Write makes ISA, GS, ST and their trailers itself (TA1 from interchange.ta1): remove it from segments.';
	const EDIFACT_HINT =
		'Write makes UNA, UNB, UNG, UNH and their trailers itself: remove it from segments.';

	/** Sets `value` at `path` (keys and list indexes, from `segments`) in a copy of the item. */
	function placed(item: Json, path: Array<string | number>, value: unknown): Json {
		const copy = structuredClone(item);
		let at = copy.segments as Record<string | number, unknown>;
		for (const step of path.slice(0, -1)) at = at[step] as Record<string | number, unknown>;
		at[path[path.length - 1]] = value;
		return copy;
	}

	it.each([
		[['GE'], 'segments.GE'],
		[['IEA'], 'segments.IEA'],
		[['ISA'], 'segments.ISA'],
		[['GS'], 'segments.GS'],
		[['TA1'], 'segments.TA1'],
		[['PO1_loop', 1, 'SE'], 'segments.PO1_loop[1].SE'],
		[['PO1_loop', 0, 'ST'], 'segments.PO1_loop[0].ST'],
		[['N1_loop', 0, 'GE'], 'segments.N1_loop[0].GE'],
	])('X12: %j is refused, naming the item, the tag and where', (path, where) => {
		const tag = String(path[path.length - 1]);
		const fault = faultOf(placed(order(), path, { [`${tag}01`]: '1', [`${tag}02`]: '1' }));
		expect([fault.message, fault.hint]).toEqual([
			`Item 1: ${where} is the envelope segment ${tag}, which Write makes itself`,
			X12_HINT,
		]);
	});

	it.each([
		[['UNB'], 'segments.UNB'],
		[['UNZ'], 'segments.UNZ'],
		[['UNG'], 'segments.UNG'],
		[['UNE'], 'segments.UNE'],
		[['UNA'], 'segments.UNA'],
		[['LIN_loop', 1, 'UNT'], 'segments.LIN_loop[1].UNT'],
		[['LIN_loop', 0, 'UNH'], 'segments.LIN_loop[0].UNH'],
	])('EDIFACT: %j is refused, naming the item, the tag and where', (path, where) => {
		const tag = String(path[path.length - 1]);
		const fault = faultOf(placed(orders(), path, { [`${tag}01`]: '1' }), edifact);
		expect([fault.message, fault.hint]).toEqual([
			`Item 1: ${where} is the envelope segment ${tag}, which Write makes itself`,
			EDIFACT_HINT,
		]);
	});

	it('in the flat list form, anywhere but the set’s own header first and trailer last', () => {
		const flat = (...tags: string[]) => ({
			transactionSet: { code: '869' },
			group: { functionalId: 'RS' },
			segments: tags.map((tag) => ({ tag, [`${tag}01`]: '1' })),
		});
		expect(faultOf(flat('ST', 'BSI', 'GE', 'SE')).message).toBe(
			'Item 1: segments[2] is the envelope segment GE, which Write makes itself',
		);
		expect(faultOf(flat('ST', 'BSI', 'SE', 'ST', 'BSI', 'SE')).message).toBe(
			'Item 1: segments[2] is the envelope segment SE, which Write makes itself',
		);
		expect(faultOf(flat('BSI', 'ST')).message).toBe(
			'Item 1: segments[1] is the envelope segment ST, which Write makes itself',
		);
	});

	it('the set’s own header and trailer, as Read gives them, are left to the envelope', () => {
		const item = order();
		expect(Object.keys(item.segments as Json)).toEqual(expect.arrayContaining(['ST', 'SE']));
		const result = writeEdi([{ json: item, settings: settings(), itemIndex: 0 }], {
			batching: 'all',
			now: new Date(),
		});
		expect(result.failures).toEqual([]);
		const [back] = readItems(readEdi(result.interchanges[0].text), 'set');
		expect(back.errors).toEqual([]);
	});
});

describe('Write: one control number for the interchanges one item needs', () => {
	/** An invoice dated as its version writes dates: YYMMDD before 004010. */
	const dated = (version: string) => {
		const set = good();
		if (version < '004010') set.segments.BIG.BIG01 = '261207';
		return set;
	};
	const group = (version: string, controlNumber: string) => ({
		functionalId: 'IN',
		version,
		controlNumber,
		transactionSets: [dated(version)],
	});
	/** An interchange item as Read gives it, its groups of these versions. */
	const interchange = (...versions: string[]) => ({
		standard: 'X12',
		groups: versions.map((version, index) => group(version, String(index + 1))),
	});
	const single = (version: string) => ({ ...good(), group: { version } });

	/** Writes the items with Version From Items, each item under its own control number. */
	function writeNumbered(items: unknown[], numbers: number[], batching: 'all' | 'item') {
		return writeEdi(
			items.map((json, itemIndex) => ({
				json,
				settings: settings({ version: 'item', controlNumber: numbers[itemIndex] }),
				itemIndex,
			})),
			{ batching, now: new Date() },
		);
	}

	it.each(['all', 'item'] as const)(
		'an item whose groups need ISA12 00401 and 00501 is refused whole (batching %s)',
		(batching) => {
			const result = writeNumbered(
				[interchange('004010', '005010X222A1'), single('004010')],
				[5, 6],
				batching,
			);
			expect(result.failures.map((failure) => [failure.message, failure.hint])).toEqual([
				[
					'Item 0: its sets need 2 interchanges to ZZ:GLOBEXRETAIL (ISA12 00401, 00501), which would both carry the control number 000000005',
					'Read the file with Output One Item Per = Group or Set, so that each item needs one interchange, and give each item its own control number, e.g. {{ $execution.id * 100 + $itemIndex }}.',
				],
			]);
			// The file item 0 would have numbered takes item 1's number.
			expect(
				result.interchanges.map(({ items, summary }) => [items, summary.interchangeControlNumber]),
			).toEqual([[[1], '000000006']]);
		},
	);

	it('a file that a refused item numbered takes the number of its next item', () => {
		const result = writeNumbered(
			[interchange('004010', '005010'), single('004010'), single('005010')],
			[5, 6, 7],
			'all',
		);
		expect(result.failures.map((failure) => failure.itemIndex)).toEqual([0]);
		expect(
			result.interchanges.map(({ items, summary }) => [items, summary.interchangeControlNumber]),
		).toEqual([
			[[1], '000000006'],
			[[2], '000000007'],
		]);
	});

	it('refuses again an item that the first refusal leaves in two files under one number', () => {
		// Item 0 numbers the 00401 and 00501 files; once it is out, item 1 numbers the 00401 file
		// and the 00306 one.
		const result = writeNumbered(
			[interchange('004010', '005010'), interchange('004010', '003060')],
			[5, 6],
			'all',
		);
		expect(result.failures.map((failure) => failure.message)).toEqual([
			'Item 0: its sets need 2 interchanges to ZZ:GLOBEXRETAIL (ISA12 00401, 00501), which would both carry the control number 000000005',
			'Item 1: its sets need 2 interchanges to ZZ:GLOBEXRETAIL (ISA12 00401, 00306), which would both carry the control number 000000006',
		]);
		expect(result.interchanges).toEqual([]);
	});

	it('an item in two files under two numbers is written into both', () => {
		const result = writeNumbered(
			[single('004010'), interchange('004010', '005010')],
			[5, 6],
			'all',
		);
		expect(result.failures).toEqual([]);
		expect(
			result.interchanges.map(({ items, summary }) => [items, summary.interchangeControlNumber]),
		).toEqual([
			[[0, 1], '000000005'],
			[[1], '000000006'],
		]);
	});
});

describe('Write: a key out of its place in a known set', () => {
	const edifact: Partial<WriteSettings> = { standard: 'EDIFACT', version: 'UNOC:3' };
	/** An ORDERS message built by hand: a line with a price group and a reference group. */
	const orders = () => ({
		transactionSet: { code: 'ORDERS', version: 'D', release: '96A', agency: 'UN' },
		segments: {
			BGM: { BGM01: '220', BGM02: 'PO-1' },
			DTM: [{ DTM01: '137', DTM01_02: '20261207', DTM01_03: '102' }],
			LIN_loop: [
				{
					LIN: { LIN01: '1', LIN03: 'AS-1', LIN03_02: 'SA' },
					QTY: [{ QTY01: '21', QTY01_02: 5 }],
					PRI_loop: [{ PRI: { PRI01: 'AAA', PRI01_02: 2 } }],
				},
			],
			UNS: { UNS01: 'S' },
		},
	});
	/** A copy of the item with `value` at `path` (from `segments`). */
	function placed<T extends { segments: object }>(
		item: T,
		path: Array<string | number>,
		value: unknown,
	): T {
		const copy = structuredClone(item);
		let at = copy.segments as Record<string | number, unknown>;
		for (const step of path.slice(0, -1)) at = at[step] as Record<string | number, unknown>;
		at[path[path.length - 1]] = value;
		return copy;
	}
	const OUT_OF_PLACE =
		'Read and the partner reject a set with a segment out of its place: move it (a loop is a list of objects, each starting with its segment), or turn off Validate Structure in Options for a partner whose guide puts it here.';
	const NOT_IN_SET =
		'Read and the partner reject a set with a segment it does not have: remove it, or turn off Validate Structure in Options for a partner whose guide adds it.';

	it.each([
		[
			placed(shipNotice('SN-1', ['AS-1']), ['REF'], [{ REF01: 'BM', REF02: '1' }]),
			{},
			'segments.REF is out of place: the set has it at segments.HL_loop[].REF, segments.HL_loop[].CLD_loop[].REF, segments.HL_loop[].N1_loop[].REF',
			OUT_OF_PLACE,
		],
		[
			placed(shipNotice('SN-1', ['AS-1']), ['N1_loop'], [{ N1: { N101: 'ST', N102: 'X' } }]),
			{},
			'segments.N1_loop is out of place: the set has it at segments.HL_loop[].N1_loop',
			OUT_OF_PLACE,
		],
		[
			// A loop given as its first segment: N1 where the set has an N1 loop.
			placed(good(), ['N1'], [{ N101: 'ST', N102: 'GLOBEX' }]),
			{},
			'segments.N1 is out of place: the set has it at segments.N1_loop[].N1, segments.IT1_loop[].N1_loop[].N1',
			OUT_OF_PLACE,
		],
		[
			placed(good(), ['IT1_loop', 0, 'PID'], [{ PID01: 'F', PID05: 'WIDGET' }]),
			{},
			'segments.IT1_loop[0].PID is out of place: the set has it at segments.IT1_loop[].PID_loop[].PID, segments.IT1_loop[].SLN_loop[].PID, segments.PID, …',
			OUT_OF_PLACE,
		],
		[
			placed(good(), ['IT1_loop', 0, 'TDS'], { TDS01: 200 }),
			{},
			'segments.IT1_loop[0].TDS is out of place: the set has it at segments.TDS',
			OUT_OF_PLACE,
		],
		[
			placed(good(), ['ZZZ'], { ZZZ01: 'x' }),
			{},
			'segments.ZZZ is not a segment of this set’s structure',
			NOT_IN_SET,
		],
		[
			placed(good(), ['IT1_loop', 0, 'XYZ_loop'], [{ XYZ: { XYZ01: 'x' } }]),
			{},
			'segments.IT1_loop[0].XYZ_loop is not a loop of this set’s structure',
			NOT_IN_SET,
		],
		[
			placed(orders(), ['LIN_loop', 0, 'PRI'], { PRI01: 'AAA', PRI01_02: 2 }),
			edifact,
			'segments.LIN_loop[0].PRI is out of place: the set has it at segments.LIN_loop[].PRI_loop[].PRI',
			OUT_OF_PLACE,
		],
		[
			// The summary's allowance group belongs after UNS, at the top.
			placed(orders(), ['LIN_loop', 0, 'ALC_loop_2'], [{ ALC: { ALC01: 'C' } }]),
			edifact,
			'segments.LIN_loop[0].ALC_loop_2 is out of place: the set has it at segments.ALC_loop_2',
			OUT_OF_PLACE,
		],
	])('is refused, naming where the set has it: %#', (item, overrides, message, hint) => {
		const fault = faultOf(item, overrides);
		expect([fault.message, fault.hint]).toEqual([`Item 1: ${message}`, hint]);
	});

	/** What Read makes of an item written with Validate Structure off. */
	function readUnchecked(item: unknown, overrides: Partial<WriteSettings> = {}) {
		const result = writeEdi(
			[
				{
					json: item,
					settings: settings({ ...overrides, validateStructure: false }),
					itemIndex: 0,
				},
			],
			{ batching: 'all', now: new Date('2026-12-07T09:30:00Z') },
		);
		expect(result.failures).toEqual([]);
		return readItems(readEdi(result.interchanges[0].text), 'set')[0];
	}

	it('written where it stands, Read rejects the set, or reads the segment as another one', () => {
		const ship = placed(shipNotice('SN-1', ['AS-1']), ['REF'], [{ REF01: 'BM', REF02: '1' }]);
		expect(readUnchecked(ship)).toMatchObject({
			status: 'rejected',
			errors: [expect.objectContaining({ segment: 'REF', code: '2' }), expect.anything()],
		});
		expect(readUnchecked(placed(good(), ['ZZZ'], { ZZZ01: 'x' })).status).toBe('rejected');
		// The order's allowance, put in its last line, comes back as that line's allowance.
		const allowance = placed(orders(), ['LIN_loop', 0, 'ALC_loop_2'], [{ ALC: { ALC01: 'C' } }]);
		const read = readUnchecked(allowance, edifact);
		expect(read.status).toBe('accepted');
		expect(read.segments).not.toHaveProperty('ALC_loop_2');
		expect((read.segments as Json).LIN_loop).toMatchObject([
			{ ALC_loop: [{ ALC: { ALC01: 'C' } }] },
		]);
	});

	const times = (count: number, value: unknown) => Array.from({ length: count }, () => value);
	it.each([
		[
			placed(good(), ['PER'], times(4, { PER01: 'IC', PER02: 'JO' })),
			{},
			'segments.PER has 4 PER segments, where the set takes at most 3',
			'PER',
		],
		[
			placed(good(), ['BIG'], times(2, good().segments.BIG)),
			{},
			'segments.BIG has 2 BIG segments, where the set takes at most 1',
			'BIG',
		],
		[
			placed(good(), ['N1_loop'], times(201, good().segments.N1_loop[0])),
			{},
			'segments.N1_loop has 201 loops, where the set takes at most 200',
			'N1',
		],
		[
			placed(
				shipNotice('SN-1', ['AS-1']),
				['HL_loop', 1, 'SN1'],
				times(2, { SN102: 1, SN103: 'EA' }),
			),
			{},
			'segments.HL_loop[1].SN1 has 2 SN1 segments, where the set takes at most 1',
			'SN1',
		],
		[
			placed(orders(), ['LIN_loop', 0, 'QTY'], times(100, { QTY01: '21', QTY01_02: 5 })),
			edifact,
			'segments.LIN_loop[0].QTY has 100 QTY segments, where the set takes at most 99',
			'QTY',
		],
	])(
		'more than the level takes is refused, as Read rejects it: %#',
		(item, overrides, message, tag) => {
			const fault = faultOf(item, overrides);
			expect([fault.message, fault.hint]).toEqual([
				`Item 1: ${message}`,
				'Read and the partner reject a set with more: give fewer, or turn off Validate Structure in Options for a partner whose guide takes more.',
			]);
			const read = readUnchecked(item, overrides);
			expect(read.status).toBe('rejected');
			expect(read.errors).toContainEqual(expect.objectContaining({ segment: tag }));
		},
	);

	it('a key a mapping left null or undefined is no segment, and is not refused', () => {
		const item = placed(good(), ['IT1_loop', 0, 'PID'], null);
		(item.segments as Json).ZZZ = undefined;
		const result = writeEdi([{ json: item, settings: settings(), itemIndex: 0 }], {
			batching: 'all',
			now: new Date('2026-12-07T09:30:00Z'),
		});
		expect(result.failures).toEqual([]);
	});
});

describe('Write: loops nested deeper than any set nests them', () => {
	/** `depth` N1 loops, each inside the one before (a recursive mapping gone wrong). */
	function nested(depth: number, key = 'N1_loop', tag = 'N1'): Json {
		let inner: Json = { [tag]: { [`${tag}01`]: 'ST' } };
		for (let level = 1; level < depth; level++)
			inner = { [tag]: { [`${tag}01`]: 'ST' }, [key]: [inner] };
		return inner;
	}

	it.each([true, false])(
		'20,000 levels fail the item naming where, not the stack (Validate Structure %s)',
		(validateStructure) => {
			const item = good();
			(item.segments as Json).N1_loop = [nested(20000)];
			const fault = faultOf(item, { validateStructure });
			expect(fault.message).toBe(
				'Item 1: segments.N1_loop[0].N1_loop[0].N1_loop[0].….N1_loop[0] nests loops 33 deep, where no set nests more than 32',
			);
			expect(fault.hint).toMatch(/^Give each loop/);
		},
	);

	it('in a set whose structure the engine does not know', () => {
		const item = {
			transactionSet: { code: '199' },
			group: { functionalId: 'ZZ' },
			segments: { BGN: { BGN01: '00' }, ZZ_loop: [nested(20000, 'ZZ_loop', 'ZZ')] },
		};
		expect(faultOf(item).message).toMatch(/^Item 1: segments\.ZZ_loop\[0\]\..*nests loops 33 deep/);
	});

	it('32 levels, more than any real set, are still written', () => {
		const item = {
			transactionSet: { code: '199' },
			group: { functionalId: 'ZZ' },
			segments: { BGN: { BGN01: '00' }, ZZ_loop: [nested(32, 'ZZ_loop', 'ZZ')] },
		};
		const result = writeEdi([{ json: item, settings: settings(), itemIndex: 0 }], {
			batching: 'all',
			now: new Date('2026-12-07T09:30:00Z'),
		});
		expect(result.failures).toEqual([]);
		expect(result.interchanges[0].text.match(/~ZZ\*ST/g)).toHaveLength(32);
	});
});
