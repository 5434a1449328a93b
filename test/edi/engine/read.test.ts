import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	NotEdiError,
	readEdi,
	readItems,
	summarizeEnvelope,
	type Json,
} from '../../../nodes/shared/edi';
import { corpusFile, corpusFiles } from './corpus';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples', 'edi');

const itemsOf = (name: string, splitBy: 'set' | 'group' | 'interchange' = 'set') =>
	readItems(readEdi(corpusFile('valid', name)), splitBy);

// Shaped segments are walked by path, as an expression in n8n would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Segments = Record<string, any>;

describe('reading the valid corpus', () => {
	it.each(corpusFiles('valid'))('%s: every set is accepted with no finding', (name) => {
		const interchanges = readEdi(corpusFile('valid', name));
		expect(interchanges.length).toBeGreaterThan(0);
		for (const interchange of interchanges) {
			expect(interchange.findings).toEqual([]);
			for (const group of interchange.groups) {
				expect(group.findings).toEqual([]);
				for (const set of group.sets) expect(set.findings).toEqual([]);
			}
		}
		for (const item of readItems(interchanges, 'set')) {
			expect(item).toMatchObject({ status: 'accepted', valid: true, errors: [] });
		}
	});

	it.each(readdirSync(EXAMPLES).filter((name) => name.endsWith('.edi')))(
		'reads the example file %s with every set accepted',
		(name) => {
			const items = readItems(readEdi(readFileSync(join(EXAMPLES, name))), 'set');
			expect(items.length).toBeGreaterThan(0);
			for (const item of items) expect(item).toMatchObject({ status: 'accepted', errors: [] });
		},
	);

	it('gives one item per set by default, per group or per interchange on request', () => {
		const name = 'x12-004010-orders-and-invoices.x12';
		expect(itemsOf(name).map((item) => (item.transactionSet as Json).code)).toEqual([
			'850',
			'850',
			'855',
			'810',
		]);
		const groups = itemsOf(name, 'group');
		expect(
			groups.map((group) => [group.functionalId, (group.transactionSets as Json[]).length]),
		).toEqual([
			['PO', 3],
			['IN', 1],
		]);
		const [interchange] = itemsOf(name, 'interchange');
		expect((interchange.groups as Json[]).length).toBe(2);
	});

	it('carries the envelope context on every set item', () => {
		const [item] = itemsOf('x12-004010-orders-and-invoices.x12');
		expect(item).toMatchObject({
			standard: 'X12',
			transactionSet: { code: '850', controlNumber: '0001' },
			interchange: {
				sender: { qualifier: 'ZZ', id: 'ACMESUPPLY' },
				receiver: { qualifier: 'ZZ', id: 'GLOBEXRETAIL' },
				controlNumber: '000000101',
				date: '261201',
				time: '0930',
				version: '00401',
				usageIndicator: 'P',
				acknowledgmentRequested: true,
			},
			group: {
				functionalId: 'PO',
				sender: 'ACMESUPPLY',
				receiver: 'GLOBEXRETAIL',
				controlNumber: '1',
				version: '004010',
			},
		});
	});

	it('maps an 850 so that one short expression reaches the PO number and loops are arrays', () => {
		const segments = itemsOf('x12-004010-orders-and-invoices.x12')[0].segments as Segments;
		expect(segments.BEG.BEG03).toBe('PO-1001');
		expect(segments.PO1_loop.map((line: Segments) => line.PO1.PO107)).toEqual([
			'AS-1001',
			'AS-2040',
		]);
		expect(segments.PO1_loop[0].PID_loop[0].PID.PID05).toBe('WIDGET BLUE');
		expect(segments.N1_loop[0].N4[0]).toEqual({ N401: 'SPRINGFIELD', N402: 'OH', N403: '45501' });
		expect(segments.CTT_loop.CTT.CTT01).toBe('2');
	});

	it('lists every HL level of an 856 in one array, in file order', () => {
		const [notice] = itemsOf('x12-005010-ship-notices-and-shipping-orders.x12');
		const levels = (notice.segments as Segments).HL_loop;
		expect(levels.map((level: Segments) => level.HL.HL03)).toEqual(['S', 'O', 'I', 'I']);
		expect(levels[2].SN1.SN102).toBe('120');
		expect(notice.transactionSet).toEqual({
			code: '856',
			controlNumber: '0001',
			implementationReference: '005010',
		});
	});

	it('reads CR as terminator, LF after it, and `|` and `}` as separators', () => {
		for (const name of ['x12-odd-delimiters-cr-terminator.x12', 'x12-newline-terminator.x12']) {
			const [item] = itemsOf(name);
			expect((item.segments as Segments).BEG.BEG03).toBe('PO-1001');
			expect((item.segments as Segments).SE.SE02).toBe('0001');
		}
	});

	it('splits X12 repetitions (ISA11 from 00402 on) and components (ISA16)', () => {
		const text =
			'ISA*00*          *00*          *ZZ*A              *ZZ*B              *261201*0930*^*00501*000000001*0*P*>~' +
			'GS*XX*A*B*20261201*0930*1*X*005010~ST*869*0001~ZZZ*A^B*C>D*E>F^G~SE*3*0001~GE*1*1~IEA*1*000000001~';
		const [item] = readItems(readEdi(text), 'set');
		expect((item.segments as Segments[])[1]).toEqual({
			tag: 'ZZZ',
			ZZZ01: ['A', 'B'],
			ZZZ02: 'C',
			ZZZ02_02: 'D',
			ZZZ03: ['E>F', 'G'],
		});
		const before = text.replace('*^*00501*', '*U*00401*').replace('005010', '004010');
		const [old] = readItems(readEdi(before), 'set');
		// Before 00402 ISA11 is the standards identifier: `^` is data.
		expect((old.segments as Segments[])[1].ZZZ01).toBe('A^B');
	});

	it('keeps "ISA" and "IEA" inside data as data', () => {
		const [item] = itemsOf('x12-isa-and-iea-in-data.x12');
		expect((item.segments as Segments).N1_loop[0].N1.N102).toBe('ISAAC IEA');
		expect((item.segments as Segments).N1_loop[0].N1.N103).toBe('TRADING');
	});

	it('reads an interchange that carries a TA1 before its group', () => {
		const [interchange] = readEdi(corpusFile('valid', 'x12-carrying-a-ta1.x12'));
		expect(interchange.ta1.map((segment) => segment.elements[0])).toEqual(['000000900']);
		expect(interchange.groups[0].sets).toHaveLength(1);
		// The item carries it too, so that Write can put it back; other interchanges have none.
		const [item] = itemsOf('x12-carrying-a-ta1.x12');
		expect((item.interchange as Json).ta1).toEqual([
			{ TA101: '000000900', TA102: '261130', TA103: '1200', TA104: 'A', TA105: '000' },
		]);
		expect(itemsOf('x12-two-interchanges.x12')[0].interchange).not.toHaveProperty('ta1');
	});

	it('says where lines break: after every segment, or only after envelopes and whole messages', () => {
		const lineBreaks = (name: string) => {
			const { lineBreak, lineBreakAfter } = (itemsOf(name)[0].interchange as Json)
				.delimiters as Json;
			return [lineBreak, lineBreakAfter];
		};
		expect(lineBreaks('edifact-orders-with-release-characters.edi')).toEqual(['\n', 'message']);
		expect(lineBreaks('x12-crlf-after-terminators.x12')).toEqual(['\r\n', 'segment']);
		expect(lineBreaks('x12-004010-orders-and-invoices.x12')).toEqual(['', 'segment']);
	});

	it('reads two interchanges in one file, each with its own control number', () => {
		expect(
			itemsOf('x12-two-interchanges.x12').map((item) => (item.interchange as Json).controlNumber),
		).toEqual(['000000307', '000000308']);
		expect(
			itemsOf('edifact-two-interchanges.edi').map(
				(item) => (item.interchange as Json).controlReference,
			),
		).toEqual(['EF0004', 'EF0005']);
	});

	it('gives the EDIFACT UNB07 to UNB11: application reference, priority, acknowledgment request, agreement, test', () => {
		const [order] = itemsOf('edifact-unb-priority-acknowledgment-agreement.edi');
		expect(order.interchange).toMatchObject({
			controlReference: 'EF0008',
			applicationReference: 'ORDERS',
			processingPriority: 'A',
			acknowledgmentRequested: true,
			agreementId: 'AGR-7',
			testIndicator: '',
		});
	});

	it('splits each X12 interchange of a file with its own ISA’s separators', () => {
		const first = corpusFile('valid', 'x12-two-interchanges.x12').toString('latin1');
		const second = first.indexOf('ISA', 10);
		const piped = first.slice(second).replace(/\*/g, '|').replace(/~/g, '\n');
		const items = readItems(readEdi(first.slice(0, second) + piped), 'set');
		expect(
			items.map((item) => [item.status, item.errors, (item.group as Json).functionalId]),
		).toEqual(
			readItems(readEdi(first), 'set').map((item) => [
				'accepted',
				[],
				(item.group as Json).functionalId,
			]),
		);
	});

	it('keeps a whole interchange read when the file ends in a cut-off ISA, and says so (023)', () => {
		const text = corpusFile('valid', 'x12-two-interchanges.x12').toString('latin1');
		const cut = text.slice(0, text.indexOf('ISA', 10) + 40);
		const [interchange, ...others] = readEdi(cut);
		expect(others).toEqual([]);
		expect(interchange.groups.flatMap((group) => group.sets)).toHaveLength(1);
		expect(interchange.findings.map((finding) => finding.code)).toEqual(['023']);
	});

	it('takes a blank ISA11 of a 00501 interchange for no repetition separator (TA1 022), not a space', () => {
		const isa =
			'ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*GLOBEXRETAIL   *261207*1200* *00501*000000702*0*P*:~';
		const [interchange] = readEdi(
			`${isa}GS*PO*ACMESUPPLY*GLOBEXRETAIL*20261207*1200*1*X*005010~ST*850*0001~BEG*00*SA*PO 1**20261207~PO1*1*1*EA~CTT*1~SE*5*0001~GE*1*1~IEA*1*000000702~`,
		);
		expect(interchange.syntax.repetition).toBe('');
		expect(interchange.findings.map((finding) => finding.code)).toEqual(['022']);
		expect(readItems([interchange], 'set')[0].segments).toMatchObject({ BEG: { BEG03: 'PO 1' } });
	});

	it('reads a set it has no structure for as its flat segment list', () => {
		const [, unknown] = itemsOf('x12-unknown-set-flat.x12');
		expect(unknown.structure).toBe('flat');
		expect(unknown.segments).toEqual([
			{ tag: 'ST', ST01: '869', ST02: '0002' },
			{ tag: 'BSI', BSI01: 'X1', BSI02: '20261201' },
			{ tag: 'ZZZ', ZZZ01: 'anything' },
			{ tag: 'SE', SE01: '4', SE02: '0002' },
		]);
	});

	it('honours the EDIFACT release character and splits composites into _02, _03 keys', () => {
		const [orders, response] = itemsOf('edifact-orders-with-release-characters.edi');
		const segments = orders.segments as Segments;
		expect(segments.FTX[0].FTX04).toBe('Deliver to dock 4: ring the bell+wait');
		expect(segments.DTM[0]).toEqual({ DTM01: '137', DTM01_02: '20261201', DTM01_03: '102' });
		expect(segments.LIN_loop.map((line: Segments) => line.LIN.LIN03)).toEqual([
			'4000862141404',
			'4000862141411',
		]);
		expect(segments.NAD_loop.map((party: Segments) => party.NAD.NAD02)).toEqual([
			'5412345000013',
			'4012345500004',
		]);
		expect(orders.transactionSet).toEqual({
			code: 'ORDERS',
			controlNumber: '1',
			version: 'D',
			release: '96A',
			agency: 'UN',
			associationCode: '',
		});
		expect((response.transactionSet as Json).code).toBe('ORDRSP');
	});

	it('releases service characters in envelope values: `ACME?+CO` is the sender ACME+CO', () => {
		const [orders] = itemsOf('edifact-released-characters-in-envelope.edi');
		expect(orders.interchange).toMatchObject({
			sender: { id: 'ACME+CO', qualifier: 'ZZ' },
			receiver: { id: 'GLOBEX:EU', qualifier: '14' },
			controlReference: 'EF+0002',
		});
		expect(orders.transactionSet).toMatchObject({ code: 'ORDERS', controlNumber: 'M:1' });
		expect(orders).toMatchObject({ status: 'accepted', errors: [] });
	});

	it('reads UNA service characters, syntax version 4 repetitions and released terminators', () => {
		const [invoice] = itemsOf('edifact-syntax4-odd-service-characters.edi');
		const segments = invoice.segments as Segments;
		// `*` is this UNA's repetition separator: released `|` and `~` are data, `*` splits.
		expect(segments.FTX[0].FTX04).toEqual(['Net 30| 2~ early', '10 days']);
		expect(segments.MOA_loop[0].MOA.MOA01_02).toBe('645,00');
		expect(invoice.interchange).toMatchObject({
			syntax: { id: 'UNOC', version: '4' },
			controlReference: 'EF0003',
		});
	});

	it('keeps UNG groups as groups', () => {
		const groups = itemsOf('edifact-desadv-in-groups.edi', 'group');
		expect(
			groups.map((group) => [group.controlNumber, (group.transactionSets as Json[]).length]),
		).toEqual([
			['G1', 2],
			['G2', 1],
		]);
		const [despatch] = itemsOf('edifact-desadv-in-groups.edi');
		expect(
			(despatch.segments as Segments).CPS_loop.map((pack: Segments) => pack.CPS.CPS01),
		).toEqual(['1', '2']);
	});

	it('reads no further than an ISA whose segment terminator is its element separator, and rejects it', () => {
		const text =
			'ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*GLOBEXRETAIL   *261201*0930*U*00401*000000410*0*P*>*' +
			'GS*PO*ACMESUPPLY*GLOBEXRETAIL*20261201*0930*1*X*004010~ST*850*0001~BEG*00*SA*PO-1~SE*3*0001~GE*1*1~IEA*1*000000410~';
		const [interchange, ...others] = readEdi(text);
		expect(others).toEqual([]);
		expect(interchange).toMatchObject({ unreadable: true, groups: [], verdict: 'R' });
		// One finding that says why, not one per piece of what could not be read.
		expect(interchange.findings.map((finding) => finding.code)).toEqual(['004']);
		// The file still gives an item, on Invalid, with the envelope it could read.
		expect(readItems([interchange], 'set')).toMatchObject([
			{
				status: 'rejected',
				valid: false,
				interchange: { sender: { id: 'ACMESUPPLY' }, controlNumber: '000000410' },
				groups: [],
			},
		]);
	});

	it('reads on past an ISA whose segment terminator is its component separator, and notes it (TA1 004)', () => {
		const text =
			'ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*GLOBEXRETAIL   *261201*0930*U*00401*000000412*0*P*>>' +
			'GS*PO*ACMESUPPLY*GLOBEXRETAIL*20261201*0930*1*X*004010>ST*850*0001>BEG*00*SA*PO-1**20261201>SE*3*0001>GE*1*1>IEA*1*000000412>';
		const [interchange] = readEdi(text);
		expect(interchange.unreadable).toBeUndefined();
		expect(interchange.findings.map((finding) => finding.code)).toEqual(['004']);
		expect(readItems([interchange], 'set')).toMatchObject([
			{ transactionSet: { code: '850' }, segments: { BEG: { BEG03: 'PO-1' } } },
		]);
	});

	it('gives an interchange or group that holds no set one item, on Invalid, saying so', () => {
		const isa =
			'ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*GLOBEXRETAIL   *261201*0930*U*00401*000000411*0*P*>~';
		const [empty] = readItems(readEdi(`${isa}IEA*0*000000411~`), 'set');
		expect(empty).toMatchObject({ status: 'accepted', valid: false, groups: [] });
		expect(empty.errors).toEqual([
			{
				level: 'interchange',
				message: 'The interchange holds no transaction set (message): only its envelope is given',
			},
		]);
		const withEmptyGroup =
			`${isa}GS*PO*ACMESUPPLY*GLOBEXRETAIL*20261201*0930*1*X*004010~ST*850*0001~BEG*00*SA*PO-1**20261201~PO1*1*1*EA~CTT*1~SE*5*0001~GE*1*1~` +
			'GS*IN*ACMESUPPLY*GLOBEXRETAIL*20261201*0930*2*X*004010~GE*0*2~IEA*2*000000411~';
		const items = readItems(readEdi(withEmptyGroup), 'set');
		expect(items.map((item) => [item.valid, item.transactionSet, item.controlNumber])).toEqual([
			[true, { code: '850', controlNumber: '0001' }, undefined],
			[false, undefined, '2'],
		]);
	});

	it('refuses a UNA that declares one character for two service characters', () => {
		expect(() => readEdi('UNA:+.? +UNB+UNOC:3+A:ZZ+B:ZZ+261201:0930+1+')).toThrow(
			new NotEdiError(
				'The UNA at character 1 declares "+" as both data element separator and segment terminator: nothing after it can be read',
			),
		);
	});

	it('says what non-EDI content starts with, and that empty content is empty', () => {
		expect(() => readEdi(Buffer.from('hello, world'))).toThrow(NotEdiError);
		expect(() => readEdi(Buffer.from('hello, world'))).toThrow(
			/neither X12 .* nor EDIFACT .*"hello, world"/,
		);
		expect(() => readEdi(Buffer.from('  \n'))).toThrow('The content is empty');
		expect(() => readEdi(Buffer.from('ISA*00*'))).toThrow(/cut off/);
	});

	it.each(['utf-16le', 'utf-16be'])(
		'reads a file saved as %s with its byte order mark as the same file in UTF-8',
		(encoding) => {
			for (const name of ['x12-004010-orders-and-invoices.x12', 'edifact-desadv-in-groups.edi']) {
				const utf8 = corpusFile('valid', name);
				const le = Buffer.from(`\ufeff${utf8.toString('utf8')}`, 'utf16le');
				const utf16 = encoding === 'utf-16le' ? le : Buffer.from(le).swap16();
				expect(readItems(readEdi(utf16), 'set')).toEqual(itemsOf(name));
				expect(summarizeEnvelope(utf16)).toEqual(summarizeEnvelope(utf8));
			}
		},
	);

	it.each([
		['NULs a transfer padded it with', '\0'.repeat(64)],
		['a DOS end-of-file mark (Ctrl-Z)', '\x1a'],
	])('reads a file that ends in %s as the file without them', (_, tail) => {
		for (const name of ['x12-two-interchanges.x12', 'edifact-two-interchanges.edi']) {
			const file = corpusFile('valid', name);
			const padded = Buffer.concat([file, Buffer.from(tail, 'latin1')]);
			expect(readItems(readEdi(padded), 'set')).toEqual(itemsOf(name));
			expect(summarizeEnvelope(padded)).toEqual(summarizeEnvelope(file));
		}
	});

	it('reads each interchange of a file whose interchanges are padded with NULs', () => {
		const text = corpusFile('valid', 'x12-two-interchanges.x12').toString('latin1');
		const padded = text.replace(/(IEA\*1\*000000307~)\n?/, `$1${'\0'.repeat(40)}`);
		expect(padded).not.toBe(text);
		expect(readItems(readEdi(Buffer.from(padded, 'latin1')), 'set')).toEqual(
			itemsOf('x12-two-interchanges.x12'),
		);
	});

	it('reads content that is not valid UTF-8 byte for byte (latin1)', () => {
		const text = corpusFile('valid', 'x12-004010-orders-and-invoices.x12')
			.toString('latin1')
			.replace('WIDGET BLUE', 'WIDGET BL\xe9');
		const [item] = readItems(readEdi(Buffer.from(text, 'latin1')), 'set');
		expect((item.segments as Segments).PO1_loop[0].PID_loop[0].PID.PID05).toBe('WIDGET BLé');
	});
});
