import { readEdi, summarizeEnvelope, type X12Summary } from '../../nodes/shared/edi';
import { x12Interchange } from './samples';

const summarize = (text: string) => summarizeEnvelope(Buffer.from(text, 'latin1')) as X12Summary;

const GROUP = {
	functionalId: 'PO',
	sender: 'GLOBEXRETAIL',
	receiver: '5550001234',
	controlNumber: '12345',
	version: '004010',
};

const DEFAULT_SUMMARY: X12Summary = {
	standard: 'X12',
	sender: { qualifier: 'ZZ', id: 'GLOBEXRETAIL' },
	receiver: { qualifier: '12', id: '5550001234' },
	controlNumber: '000012345',
	date: '261201',
	time: '0930',
	usageIndicator: 'P',
	version: '00401',
	interchanges: [
		{
			sender: { qualifier: 'ZZ', id: 'GLOBEXRETAIL' },
			receiver: { qualifier: '12', id: '5550001234' },
			controlNumber: '000012345',
		},
	],
	functionalGroups: [GROUP],
	transactionSets: [{ code: '850', count: 1 }],
	delimiters: { element: '*', segment: '~', subElement: '>' },
};

describe('X12 delimiters', () => {
	it('reads the default ones from the ISA', () => {
		expect(summarize(x12Interchange())).toStrictEqual(DEFAULT_SUMMARY);
	});

	it.each([
		['| element, ^ sub-element, ~ segment', { element: '|', subElement: '^', segment: '~' }],
		["^ element, : sub-element, ' segment", { element: '^', subElement: ':', segment: "'" }],
		['control characters', { element: '\x1d', subElement: '\x1f', segment: '\x1c' }],
		['a byte above 0x7F as terminator', { element: '*', subElement: '>', segment: '\x85' }],
		['a newline as terminator', { element: '*', subElement: '>', segment: '\n' }],
	])('reads non-default ones: %s', (_name, delimiters) => {
		expect(summarize(x12Interchange({ ...delimiters, after: '' }))).toStrictEqual({
			...DEFAULT_SUMMARY,
			delimiters,
		});
	});

	it('takes the repetition separator from ISA11 from version 00402 on', () => {
		expect(summarize(x12Interchange({ isa11: '^', version: '00501' })).delimiters).toStrictEqual({
			element: '*',
			segment: '~',
			subElement: '>',
			repetition: '^',
		});
		// Before 00402, ISA11 is the standards identifier; a letter is never a separator.
		expect(
			summarize(x12Interchange({ isa11: '^', version: '00401' })).delimiters,
		).not.toHaveProperty('repetition');
		expect(
			summarize(x12Interchange({ isa11: 'U', version: '00501' })).delimiters,
		).not.toHaveProperty('repetition');
	});
});

describe('X12 line breaks and whitespace', () => {
	it.each([
		['LF', '\n'],
		['CRLF', '\r\n'],
		['CR', '\r'],
		['nothing', ''],
		['blank lines and indentation', '\r\n\r\n  \t'],
	])('tolerates %s after each segment terminator', (_name, after) => {
		expect(summarize(x12Interchange({ after }))).toStrictEqual(DEFAULT_SUMMARY);
	});

	it('reads CRLF line ends without another terminator as CR terminators followed by LF', () => {
		const text = x12Interchange({ segment: '\r', after: '\n' });
		expect(summarize(text)).toStrictEqual({
			...DEFAULT_SUMMARY,
			delimiters: { element: '*', segment: '\r', subElement: '>' },
		});
	});

	it('tolerates a byte order mark and whitespace around the interchange', () => {
		const text = `\ufeff \r\n\t${x12Interchange()}\r\n\r\n   \n`;
		expect(summarizeEnvelope(Buffer.from(text, 'utf8'))).toStrictEqual(DEFAULT_SUMMARY);
	});

	it('keeps bytes that are not valid UTF-8 as latin1 characters', () => {
		const text = x12Interchange()
			.replace('PO-1', 'PO-\xff\xfe')
			.replace('GS*PO*GLOBEXRETAIL', 'GS*PO*GLOBEX\xe9');
		expect(summarize(text).functionalGroups[0].sender).toBe('GLOBEX\xe9');
	});
});

describe('X12 ISA that is truncated or not padded', () => {
	const full = x12Interchange();

	it('reads what is there and says the ISA is truncated', () => {
		expect(summarize(full.slice(0, 60))).toStrictEqual({
			standard: 'X12',
			sender: { qualifier: 'ZZ', id: 'GLOBEXRETAIL' },
			receiver: { qualifier: '12', id: '' },
			controlNumber: '',
			date: '',
			time: '',
			usageIndicator: '',
			version: '',
			interchanges: [
				{
					sender: { qualifier: 'ZZ', id: 'GLOBEXRETAIL' },
					receiver: { qualifier: '12', id: '' },
					controlNumber: '',
				},
			],
			functionalGroups: [],
			transactionSets: [],
			delimiters: { element: '*', segment: '', subElement: '' },
			warnings: ['The ISA is truncated: only ISA01 to ISA07 could be read'],
		});
		expect(summarize('ISA*').warnings).toEqual([
			'The ISA is truncated: none of its elements could be read',
		]);
		expect(summarize(full.slice(0, 105))).toMatchObject({
			controlNumber: '000012345',
			usageIndicator: 'P',
			delimiters: { element: '*', segment: '', subElement: '>' },
			warnings: ['The ISA is truncated: only ISA01 to ISA16 could be read'],
		});
	});

	it('never throws on any prefix of an interchange, and warns for every prefix shorter than the ISA', () => {
		for (let length = 4; length <= full.length; length++) {
			const summary = summarize(full.slice(0, length));
			expect(summary.standard).toBe('X12');
			if (length < 106) expect(summary.warnings?.[0]).toMatch(/^The ISA is truncated/);
			else expect(summary.warnings ?? []).toEqual([]);
		}
	});

	it('reads an ISA whose elements are not padded by its separators, with a warning', () => {
		const unpadded = full.replace(
			/^ISA.*?~/,
			'ISA*00**00**ZZ*GLOBEXRETAIL*12*5550001234*261201*0930*U*00401*000012345*0*P*>~',
		);
		expect(summarize(unpadded)).toStrictEqual({
			...DEFAULT_SUMMARY,
			warnings: ['The ISA is 78 characters long, not 106: it was read by its element separators'],
		});
	});

	it('reads an ISA whose ISA01 is blank or cut short as X12, as Read does', () => {
		for (const isa01 of ['  ', '', '0']) {
			const damaged = full.replace(/^ISA\*00\*/, `ISA*${isa01}*`);
			expect(readEdi(damaged)[0].standard).toBe('X12');
			expect(summarize(damaged)).toMatchObject({
				standard: 'X12',
				sender: DEFAULT_SUMMARY.sender,
				controlNumber: DEFAULT_SUMMARY.controlNumber,
			});
		}
	});

	it('warns when the ISA lacks an element, so its delimiters cannot be trusted', () => {
		const missing = full.replace('*0*P*>~', '*P*>~');
		const summary = summarize(missing);
		expect(summary.standard).toBe('X12');
		expect(summary.warnings).toContainEqual(
			expect.stringMatching(/^The segment after the ISA is not GS, TA1 or IEA/),
		);
	});
});

describe('X12 groups, transaction sets and interchanges', () => {
	const isa = x12Interchange().slice(0, 107);

	it('counts transaction sets per code across groups, sorted by code', () => {
		const text =
			isa +
			'GS*IN*A*B*20261201*0930*7*X*004010~ST*810*1~SE*2*1~ST*810*2~SE*2*2~GE*2*7~\n' +
			'GS*SH*A*B*20261201*0930*8*X*004010~ST*856*1~SE*2*1~ST*810*3~SE*2*3~ST*204*4~SE*2*4~GE*3*8~\n' +
			'IEA*2*000012345~';
		const summary = summarize(text);
		expect(
			summary.functionalGroups.map((group) => [group.functionalId, group.controlNumber]),
		).toEqual([
			['IN', '7'],
			['SH', '8'],
		]);
		expect(summary.transactionSets).toEqual([
			{ code: '204', count: 1 },
			{ code: '810', count: 3 },
			{ code: '856', count: 1 },
		]);
		expect(summary.warnings).toBeUndefined();
	});

	it('counts the TA1 segments (interchange acknowledgments) an interchange carries, and says nothing of none', () => {
		const answered = summarize(
			`${isa}TA1*000000042*261207*0500*R*006~TA1*000000043*261207*0500*A*000~IEA*0*000012345~`,
		);
		expect(answered.interchangeAcknowledgments).toBe(2);
		expect(answered.transactionSets).toEqual([]);
		expect(summarize(`${isa}IEA*0*000012345~`)).not.toHaveProperty('interchangeAcknowledgments');
	});

	it('lists at most 100 functional groups and says how many it left out', () => {
		const groups = Array.from(
			{ length: 150 },
			(_, index) =>
				`GS*PO*A*B*20261201*0930*${index + 1}*X*004010~ST*850*1~SE*2*1~GE*1*${index + 1}~`,
		).join('');
		const summary = summarize(`${isa}${groups}IEA*150*000012345~`);
		expect(summary.functionalGroups).toHaveLength(100);
		expect(summary.functionalGroups[99].controlNumber).toBe('100');
		expect(summary.transactionSets).toEqual([{ code: '850', count: 150 }]);
		expect(summary.warnings).toEqual([
			'Only the first 100 functional groups are listed; 50 more were not',
		]);
	});

	it('counts at most 100 transaction set codes and says how many sets it left out', () => {
		const sets = Array.from({ length: 120 }, (_, index) => `ST*${100 + index}*1~SE*2*1~`).join('');
		const summary = summarize(
			`${isa}GS*PO*A*B*20261201*0930*1*X*004010~${sets}GE*120*1~IEA*1*000012345~`,
		);
		expect(summary.transactionSets).toHaveLength(100);
		expect(summary.transactionSets[99]).toEqual({ code: '199', count: 1 });
		expect(summary.warnings).toEqual([
			'Only 100 transaction set codes are counted; 20 transaction sets with other codes were not',
		]);
	});

	it('reads the first of several interchanges and says so', () => {
		const summary = summarize(x12Interchange() + x12Interchange());
		expect(summary.controlNumber).toBe('000012345');
		expect(summary.functionalGroups).toEqual([GROUP, GROUP]);
		expect(summary.transactionSets).toEqual([{ code: '850', count: 2 }]);
		expect(summary.warnings).toEqual([
			"The file holds 2 interchanges: the ISA values are the first one's, groups and transaction sets are those of all",
		]);
	});

	it('does not mistake segments that merely start like ST or GS', () => {
		const text = x12Interchange().replace('BEG*00', 'STX*00').replace('PO1*1', 'GSA*1');
		expect(summarize(text)).toStrictEqual(DEFAULT_SUMMARY);
	});
});
