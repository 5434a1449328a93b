import { readEdi, readItems, type Json } from '../../../nodes/shared/edi';
import { manyOrders } from './bigFiles';
import { corpusFile, corpusFiles, writtenAgain } from './corpus';
import { write } from './write.support';

const KEEP = { keepEnvelope: true, controlNumber: undefined };

const standardOf = (items: Json[]) => items[0].standard as 'X12' | 'EDIFACT';

/** The segments of a set without its header and trailer, whose control numbers Write assigns. */
function content(segments: unknown): unknown {
	if (Array.isArray(segments))
		return segments.filter((segment) => !['ST', 'SE', 'UNH', 'UNT'].includes(segment.tag));
	const { ST, SE, UNH, UNT, ...rest } = segments as Json;
	void [ST, SE, UNH, UNT];
	return rest;
}

/** Read's items per set, written back keeping their envelopes, as the bytes of the files. */
function roundTrip(name: string, change: (items: Json[]) => void = () => {}) {
	const items = readItems(readEdi(corpusFile('valid', name)), 'set');
	change(items);
	const { interchanges, failures } = write(items, { ...KEEP, standard: standardOf(items) });
	expect(failures).toEqual([]);
	const bytes = Buffer.concat(
		interchanges.map((interchange) => Buffer.from(interchange.text, interchange.encoding)),
	);
	return { bytes, expected: writtenAgain(name, interchanges.length) };
}

const delimitersOf = (item: Json) => (item.interchange as Json).delimiters as Json;

describe('Write: round trip of the valid corpus', () => {
	it.each(corpusFiles('valid'))('%s read per set and written back is byte-identical', (name) => {
		const { bytes, expected } = roundTrip(name);
		expect(bytes.toString('latin1')).toBe(expected.toString('latin1'));
		expect(bytes.equals(expected)).toBe(true);
	});

	it('writes back the TA1 an interchange carries between ISA and GS, and tells without it', () => {
		const name = 'x12-carrying-a-ta1.x12';
		expect(roundTrip(name).bytes.toString()).toContain('>~TA1*000000900*261130*1200*A*000~GS*');
		const without = roundTrip(name, (items) =>
			items.forEach((item) => delete (item.interchange as Json).ta1),
		);
		expect(without.bytes.toString()).not.toContain('TA1');
		expect(without.bytes.equals(without.expected)).toBe(false);
	});

	it('breaks lines after whole messages as the file did, and tells when told otherwise', () => {
		const name = 'edifact-orders-with-release-characters.edi';
		const kept = roundTrip(name);
		expect(kept.bytes.toString().split('\n')).toHaveLength(5);
		const perSegment = roundTrip(name, (items) =>
			items.forEach((item) => (delimitersOf(item).lineBreakAfter = 'segment')),
		);
		expect(perSegment.bytes.toString()).toContain("UNH+1+ORDERS:D:96A:UN'\nBGM+");
		expect(perSegment.bytes.equals(perSegment.expected)).toBe(false);
	});

	it.each(corpusFiles('valid'))(
		'%s read per interchange or per group and written back is the same',
		(name) => {
			const items = readItems(readEdi(corpusFile('valid', name)), 'interchange');
			const perGroup = readItems(readEdi(corpusFile('valid', name)), 'group');
			const perSet = readItems(readEdi(corpusFile('valid', name)), 'set');
			const whole = write(items, { ...KEEP, standard: standardOf(items) }, 'item');
			const groups = write(perGroup, { ...KEEP, standard: standardOf(items) });
			const sets = write(perSet, { ...KEEP, standard: standardOf(items) });
			expect(whole.failures).toEqual([]);
			const texts = sets.interchanges.map((each) => each.text);
			expect(whole.interchanges.map((each) => each.text)).toEqual(texts);
			expect(groups.interchanges.map((each) => each.text)).toEqual(texts);
			expect(whole.interchanges.map((each) => each.items)).toEqual(
				items.map((_, index) => [index]),
			);
		},
	);

	it.each(corpusFiles('valid'))(
		'%s written with new envelopes reads back valid, with the same segments',
		(name) => {
			const items = readItems(readEdi(corpusFile('valid', name)), 'set');
			const standard = standardOf(items);
			const syntax = (items[0].interchange as Json).syntax as Json | undefined;
			const { interchanges, failures } = write(items, {
				standard,
				version: standard === 'X12' ? 'item' : `${syntax!.id}:${syntax!.version}`,
			});
			expect(failures).toEqual([]);
			const written = interchanges.flatMap((interchange) =>
				readItems(readEdi(interchange.text), 'set'),
			);
			expect(written.map((item) => [item.status, item.errors])).toEqual(
				items.map(() => ['accepted', []]),
			);
			expect(written.map((item) => content(item.segments))).toEqual(
				items.map((item) => content(item.segments)),
			);
		},
	);
});

describe('Write: big inputs', () => {
	it('writes back an interchange item of 150,000 sets, and refuses 150,000 items at once', () => {
		const text = manyOrders(150_000);
		const read = readEdi(text);
		const [item] = readItems(read, 'interchange');
		const whole = write([item], { ...KEEP, standard: 'X12' }, 'item');
		expect(whole.failures).toEqual([]);
		expect(whole.interchanges.map((each) => each.text)).toEqual([text]);
		// Every item keeps the same ST02 in one group: each but the first is refused.
		const sets = readItems(read, 'set');
		for (const set of sets) (set.transactionSet as Json).controlNumber = '0001';
		const refused = write(sets, { ...KEEP, standard: 'X12' });
		expect(refused.failures).toHaveLength(149_999);
	});
});
