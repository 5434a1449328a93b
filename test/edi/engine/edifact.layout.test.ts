import {
	readEdi,
	readItems,
	summarizeEnvelope,
	type EdifactSummary,
	type Json,
} from '../../../nodes/shared/edi';

// Shaped segments are walked by path, as an expression in n8n would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Segments = Record<string, any>;

/** An ORDERS whose values hold released separators, on one line. */
const ORDERS =
	"UNA:+.? 'UNB+UNOC:3+ACMESUPPLY:14+GLOBEXRETAIL:14+261201:0930+EF0301'" +
	"UNH+1+ORDERS:D:96A:UN:EAN008'BGM+220+PO?+4711+9'DTM+137:20261201:102'" +
	"FTX+AAI+++Ring twice?: dock 4?'s bell'NAD+BY+5412345000013::9'NAD+SU+4012345500004::9'" +
	"LIN+1++4000862141404:SRS'QTY+21:48'UNS+S'CNT+2:1'UNT+11+1'UNZ+1+EF0301'";

/** The same file as a mainframe or X.400 mailbox sends it: cut into lines of `width` characters. */
const wrapped = (text: string, width: number) =>
	text.match(new RegExp(`[^]{1,${width}}`, 'g'))!.join('\r\n') + '\r\n';

const edifactSummary = (text: string) => summarizeEnvelope(Buffer.from(text)) as EdifactSummary;
const setItems = (text: string) => readItems(readEdi(text), 'set');
const withoutLayout = (item: Json) => {
	const { delimiters, ...interchange } = item.interchange as Json;
	void delimiters;
	return { ...item, interchange };
};

describe('EDIFACT: line breaks inside segments', () => {
	it('reads a file wrapped at any width as the same file on one line: a line break is no data', () => {
		const [flat] = setItems(ORDERS);
		expect(flat).toMatchObject({ status: 'accepted', errors: [] });
		// Widths (the UNA whole) that break inside tags, values, composites and right after a release character.
		for (let width = 10; width <= 80; width++) {
			const [item, ...more] = setItems(wrapped(ORDERS, width));
			expect(more).toEqual([]);
			expect(withoutLayout(item)).toEqual(withoutLayout(flat));
		}
		const segments = setItems(wrapped(ORDERS, 80))[0].segments as Segments;
		expect(segments.UNH.UNH02_02).toBe('D');
		expect(segments.BGM.BGM02).toBe('PO+4711');
		expect(segments.FTX[0].FTX04).toBe("Ring twice: dock 4's bell");
	});

	it('does not end a segment at a terminator released across a line break', () => {
		const text =
			"UNB+UNOC:3+A:14+B:14+261201:0930+EF0302'UNH+1+ORDERS:D:96A:UN'BGM+220+PO?\r\n'1+9'DTM+137:20261201:102'UNS+S'UNT+5+1'UNZ+1+EF0302'";
		const [item] = setItems(text);
		expect(item).toMatchObject({ status: 'accepted', errors: [] });
		expect((item.segments as Segments).BGM.BGM02).toBe("PO'1");
	});

	it('keeps a released line break as data when the line break is the segment terminator', () => {
		const text =
			'UNA:+.? \nUNB+UNOC:3+A:14+B:14+261201:0930+EF0303\r\nUNH+1+ORDERS:D:96A:UN\r\n' +
			'BGM+220+PO?\n1+9\nDTM+137:20261201:102\nUNS+S\nUNT+5+1\nUNZ+1+EF0303\n';
		const [item] = setItems(text);
		expect(item).toMatchObject({ status: 'accepted', errors: [] });
		expect((item.segments as Segments).BGM.BGM02).toBe('PO\n1');
	});

	it('summarises a wrapped file with the sender and message types of the unwrapped one', () => {
		const flat = summarizeEnvelope(Buffer.from(ORDERS));
		for (let width = 10; width <= 80; width++) {
			expect(summarizeEnvelope(Buffer.from(wrapped(ORDERS, width)))).toEqual(flat);
		}
	});
});

describe('EDIFACT: the UNA’s fifth character before syntax version 4', () => {
	const interchange = (version: string) =>
		`UNA:+.?*'UNB+UNOC:${version}+ACMESUPPLY:14+GLOBEXRETAIL:14+261201:0930+EF0303'` +
		"UNH+1+ORDERS:D:96A:UN'BGM+220+PO*4711+9'DTM+137:20261201:102'UNS+S'UNT+5+1'UNZ+1+EF0303'";

	it('is reserved in versions 1 to 3: a * there splits no value', () => {
		for (const version of ['1', '2', '3']) {
			const [item] = setItems(interchange(version));
			expect((item.segments as Segments).BGM.BGM02).toBe('PO*4711');
			expect((item.interchange as Json).delimiters).toMatchObject({ repetition: '' });
			expect(edifactSummary(interchange(version)).delimiters.repetition).toBe(' ');
		}
	});

	it('is the repetition separator in version 4', () => {
		const [item] = setItems(interchange('4'));
		expect((item.segments as Segments).BGM.BGM02).toEqual(['PO', '4711']);
		expect(edifactSummary(interchange('4')).delimiters.repetition).toBe('*');
	});
});
