import {
	readEdi,
	readItems,
	summarizeEnvelope,
	type Json,
	type EdifactSummary,
	type EnvelopeSummary,
	type X12Summary,
} from '../../nodes/shared/edi';
import { corpusFile } from './engine/corpus';
import { seededRandom } from './engine/random';
import { x12Interchange } from './samples';

const summarize = (text: string) => summarizeEnvelope(Buffer.from(text, 'utf8'));

/** Seeded "random" bytes: the same on every run. */
function randomBytes(seed: number, length: number): Buffer {
	const next = seededRandom(seed);
	return Buffer.from(Array.from({ length }, () => next(256)));
}

describe('files that are not EDI', () => {
	it.each([
		['an empty buffer', ''],
		['whitespace only', ' \r\n\t '],
		['plain text', 'Dear partner,\nplease find the invoice attached.\n'],
		['text that starts with ISA', 'ISA is not an interchange here'],
		['ISA and a separator but no ISA01', 'ISA-level report'],
		['text that starts with UNA', 'UNAVAILABLE'],
		['UNB without its element separator', 'UNB was a segment name'],
		['JSON', '{"parcelId": 42}'],
		['CSV', 'po,qty\nPO-1,12\n'],
		['a lone angle bracket', '<'],
		['a comparison', '< 3 days'],
	])('%s is unknown', (_name, text) => {
		expect(summarize(text)).toStrictEqual({ standard: 'unknown' });
	});

	it('bytes that are not valid UTF-8 are unknown', () => {
		const bytes = Buffer.from([
			0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc,
		]);
		expect(bytes.toString('utf8')).toContain('\ufffd');
		expect(summarizeEnvelope(bytes)).toStrictEqual({ standard: 'unknown' });
	});

	it('never throws on random bytes, alone or behind an EDI header', () => {
		const standards = new Set<string>();
		for (let seed = 1; seed <= 300; seed++) {
			const noise = randomBytes(seed, seed * 7);
			for (const prefix of ['', 'ISA*00*', "UNA:+.? 'UNB+", 'UNB+UNOA:', '<?xml ']) {
				const summary = summarizeEnvelope(Buffer.concat([Buffer.from(prefix), noise]));
				standards.add(summary.standard);
				if (prefix.startsWith('ISA')) expect(summary.standard).toBe('X12');
				if (prefix.startsWith('UN')) expect(summary.standard).toBe('EDIFACT');
				if (prefix.startsWith('<')) expect(summary.standard).toBe('XML');
			}
		}
		expect([...standards].sort()).toEqual(['EDIFACT', 'X12', 'XML', 'unknown']);
	});

	it('answers unknown, with the reason, even for input that is no buffer at all', () => {
		const summary = summarizeEnvelope(null as unknown as Buffer);
		expect(summary.standard).toBe('unknown');
		expect((summary as { warnings?: string[] }).warnings?.[0]).toMatch(
			/^The envelope could not be read: /,
		);
	});
});

describe('XML', () => {
	it.each([
		['a declaration', '<?xml version="1.0" encoding="UTF-8"?>\n<Invoice/>', 'Invoice'],
		['no declaration, a namespace', '<Invoice xmlns="urn:example:invoice">', 'Invoice'],
		['a prefixed root', '<ns0:PurchaseOrder xmlns:ns0="urn:x">', 'ns0:PurchaseOrder'],
		['a BOM and leading whitespace', '\ufeff \n<cXML payloadID="1">', 'cXML'],
		[
			'comments, a processing instruction and a DOCTYPE with an internal subset',
			'<?xml version="1.0"?><!-- <notroot> --><?xml-stylesheet href="a.xsl"?>' +
				'<!DOCTYPE cXML [<!ENTITY vendor "ACME > GLOBEX">]>\n<cXML>',
			'cXML',
		],
		['a DOCTYPE without a subset', '<!DOCTYPE cXML SYSTEM "cXML.dtd"><cXML>', 'cXML'],
		['a non-ASCII root name', '<Bestellübersicht/>', 'Bestellübersicht'],
	])('is detected with %s, and its root element named', (_name, text, rootElement) => {
		expect(summarize(text)).toStrictEqual({ standard: 'XML', rootElement });
	});

	it('is detected without a root element name when the prolog does not end', () => {
		expect(summarize('<?xml version="1.0"?><!-- never closed')).toStrictEqual({ standard: 'XML' });
	});
});

describe('large files', () => {
	it('summarises a 20 MB X12 interchange with two groups', () => {
		const isa = x12Interchange({ after: '\r\n' }).slice(0, 108);
		const chunks = [isa, 'GS*PO*GLOBEXRETAIL*ACMESUPPLY*20261201*0930*1*X*004010~\r\n'];
		let sets = 0;
		let size = 0;
		const purchaseOrders = 90_000;
		for (let index = 1; index <= purchaseOrders; index++) {
			const set = `ST*850*${index}~\r\nBEG*00*SA*PO-${index}**20261201~\r\nPO1*1*12*EA*4.25*PE*VN*AS-1001~\r\nPID*F****WIDGET \xe9\xff~\r\nSE*5*${index}~\r\n`;
			chunks.push(set);
			size += set.length;
			sets++;
		}
		chunks.push(`GE*${sets}*1~\r\nGS*IN*ACMESUPPLY*GLOBEXRETAIL*20261201*0930*2*X*004010~\r\n`);
		let invoices = 0;
		for (let index = 1; size < 20 * 1024 * 1024; index++) {
			const set = `ST*810*${index}~\r\nBIG*20261201*INV-${index}~\r\nIT1*1*12*EA*4.25**VN*AS-1001~\r\nTDS*5100~\r\nSE*5*${index}~\r\n`;
			chunks.push(set);
			size += set.length;
			invoices++;
		}
		chunks.push(`GE*${invoices}*2~\r\nIEA*2*000012345~\r\n`);
		const content = Buffer.from(chunks.join(''), 'latin1');
		expect(content.length).toBeGreaterThan(20 * 1024 * 1024);

		const summary = summarizeEnvelope(content) as X12Summary;
		expect(summary.controlNumber).toBe('000012345');
		expect(summary.functionalGroups.map((group) => group.functionalId)).toEqual(['PO', 'IN']);
		expect(summary.transactionSets).toEqual([
			{ code: '810', count: invoices },
			{ code: '850', count: purchaseOrders },
		]);
		expect(summary.warnings).toBeUndefined();
	});

	it('summarises a 20 MB EDIFACT interchange full of released terminators', () => {
		const chunks = ["UNA:+.? 'UNB+UNOC:3+GLOBEXRETAIL:ZZ+ACMESUPPLY:ZZ+261201:0930+R1'\n"];
		let messages = 0;
		let size = 0;
		while (size < 20 * 1024 * 1024) {
			messages++;
			const message = `UNH+${messages}+ORDERS:D:96A:UN'\nBGM+220+PO-${messages}+9'\nFTX+AAI+++O?'Neill?'s order ?? UNH+0+FAKE:D:96A:UN?''\nUNT+4+${messages}'\n`;
			chunks.push(message);
			size += message.length;
		}
		chunks.push(`UNZ+${messages}+R1'\n`);
		const summary = summarizeEnvelope(Buffer.from(chunks.join(''), 'latin1')) as EdifactSummary;
		expect(summary.controlReference).toBe('R1');
		expect(summary.messageTypes).toEqual([
			{ type: 'ORDERS', version: 'D', release: '96A', agency: 'UN', count: messages },
		]);
		expect(summary.warnings).toBeUndefined();
	});
});

describe('the summary as n8n item data', () => {
	it('survives a JSON round trip unchanged (plain strings, numbers and arrays only)', () => {
		const summaries: EnvelopeSummary[] = [
			summarize(x12Interchange()),
			summarize("UNB+UNOA:2+A+B+261201:0930+R1'UNH+1+ORDERS:D:96A:UN'UNT+2+1'UNZ+1+R1'"),
			summarize('<a/>'),
			summarize('x'),
		];
		for (const summary of summaries)
			expect(JSON.parse(JSON.stringify(summary))).toStrictEqual(summary);
	});
});

describe('values written in UTF-8, UTF-16 or Latin-1', () => {
	const unb =
		"UNB+UNOW:3+MÜLLER:ZZ+GLOBEX:ZZ+261207:1827+RÉF1'UNH+1+ORDERS:D:96A:UN'UNT+2+1'UNZ+1+RÉF1'";
	it.each([
		['UTF-8', Buffer.from(unb, 'utf8')],
		['UTF-16 with its byte order mark', Buffer.from(`\ufeff${unb}`, 'utf16le')],
		['Latin-1', Buffer.from(unb.replace('UNOW', 'UNOC'), 'latin1')],
	])('are given as Read gives them: %s', (_, content) => {
		const summary = summarizeEnvelope(content) as EdifactSummary;
		expect([summary.sender.id, summary.controlReference]).toEqual(['MÜLLER', 'RÉF1']);
	});
});

describe('files of several interchanges with their own separators', () => {
	/** Each set's code, as Read counts them, against the summary's counts. */
	const readCodes = (text: string) =>
		readItems(readEdi(text), 'set').map((item) => (item.transactionSet as Json).code as string);
	const counted = (summary: EnvelopeSummary) =>
		summary.standard === 'X12'
			? summary.transactionSets.flatMap(({ code, count }) => Array<string>(count).fill(code))
			: summary.standard === 'EDIFACT'
				? summary.messageTypes.flatMap(({ type, count }) => Array<string>(count).fill(type))
				: [];

	it('X12: a later ISA’s own separators', () => {
		const text = corpusFile('valid', 'x12-two-interchanges.x12').toString('latin1');
		const second = text.indexOf('ISA', 10);
		const mixed =
			text.slice(0, second) + text.slice(second).replace(/\*/g, '|').replace(/~/g, '\n');
		const summary = summarize(mixed);
		expect(counted(summary).sort()).toEqual(readCodes(mixed).sort());
		expect((summary as X12Summary).warnings).toEqual([
			expect.stringMatching(/^The file holds 2 interchanges/),
		]);
	});

	it('X12: lists every interchange with its own sender and control number, a later ISA in its own separators too', () => {
		const text = corpusFile('valid', 'x12-two-interchanges.x12').toString('latin1');
		const second = text.indexOf('ISA', 10);
		const fromInitech = text
			.slice(second)
			.replace('ACMESUPPLY     ', 'INITECH        ')
			.replace(/\*/g, '|')
			.replace(/~/g, '\n');
		const summary = summarize(text.slice(0, second) + fromInitech) as X12Summary;
		expect(summary.interchanges).toStrictEqual([
			{
				sender: { qualifier: 'ZZ', id: 'ACMESUPPLY' },
				receiver: { qualifier: 'ZZ', id: 'GLOBEXRETAIL' },
				controlNumber: '000000307',
			},
			{
				sender: { qualifier: 'ZZ', id: 'INITECH' },
				receiver: { qualifier: 'ZZ', id: 'GLOBEXRETAIL' },
				controlNumber: '000000308',
			},
		]);
		// The top-level fields stay the first interchange's.
		expect([summary.sender.id, summary.controlNumber]).toEqual(['ACMESUPPLY', '000000307']);
	});

	it('X12: lists at most 100 interchanges and says how many more there were', () => {
		const one = corpusFile('valid', 'x12-two-interchanges.x12').toString('latin1').split('\n')[0];
		const summary = summarize(`${one}\n`.repeat(102)) as X12Summary;
		expect(summary.interchanges).toHaveLength(100);
		expect(summary.warnings).toContain(
			'Only the first 100 interchanges are listed; 2 more were not',
		);
	});

	it('EDIFACT: lists every interchange with its own sender and control reference', () => {
		const text = corpusFile('valid', 'edifact-two-interchanges.edi')
			.toString('latin1')
			.replace(
				'+ACMESUPPLY:ZZ+GLOBEXRETAIL:ZZ+261201:0930+EF0005',
				'+INITECH:14+GLOBEXRETAIL:ZZ+261201:0930+EF0005',
			);
		const summary = summarize(text) as EdifactSummary;
		expect(summary.interchanges).toStrictEqual([
			{
				sender: { id: 'ACMESUPPLY', qualifier: 'ZZ' },
				receiver: { id: 'GLOBEXRETAIL', qualifier: 'ZZ' },
				controlReference: 'EF0004',
			},
			{
				sender: { id: 'INITECH', qualifier: '14' },
				receiver: { id: 'GLOBEXRETAIL', qualifier: 'ZZ' },
				controlReference: 'EF0005',
			},
		]);
	});

	it('X12: no set outside a group is counted, as Read reads none', () => {
		const text = corpusFile('valid', 'x12-two-interchanges.x12').toString('latin1');
		const stray = text
			.replace(/~GE\*/, '~GE*')
			.replace(/(~GE\*[^~]*~)/, '$1ST*997*0009~AK1*PO*1~SE*3*0009~');
		expect(stray).not.toBe(text);
		expect(counted(summarize(stray)).sort()).toEqual(readCodes(stray).sort());
	});

	it('EDIFACT: no message after a UNZ is counted, as Read reads none', () => {
		const text = corpusFile('valid', 'edifact-two-interchanges.edi').toString('latin1');
		const stray = `${text}UNH+9+INVOIC:D:96A:UN'UNT+2+9'`;
		expect(readCodes(stray)).toEqual(['ORDERS', 'ORDERS']);
		expect(counted(summarize(stray))).toEqual(['ORDERS', 'ORDERS']);
	});

	it('EDIFACT: a UNA that Read cannot take (a space as separator) is not EDIFACT to the summary either', () => {
		const text = "UNA: .? 'UNB UNOC:3 A B 261207:1200 R1'UNZ 0 R1'";
		expect(() => readEdi(text)).toThrow();
		expect(summarize(text).standard).toBe('unknown');
	});

	/** An interchange of the corpus in other service characters, declared by its UNA. */
	const withUna = (interchange: string) =>
		`UNA:*.? ~${interchange.replace(/\+/g, '*').replace(/'/g, '~')}`;

	it.each([
		['defaults, then a UNA of its own', (first: string, second: string) => first + withUna(second)],
		['a UNA, then the defaults again', (first: string, second: string) => withUna(first) + second],
	])('EDIFACT: %s', (_, mix) => {
		const [first, second] = corpusFile('valid', 'edifact-two-interchanges.edi')
			.toString('latin1')
			.split(/(?=UNB\+)/);
		const mixed = mix(first, second);
		expect(readCodes(mixed)).toEqual(['ORDERS', 'ORDERS']);
		expect(counted(summarize(mixed))).toEqual(['ORDERS', 'ORDERS']);
	});
});
