import { readEdi, readItems, type Json } from '../../../nodes/shared/edi';
import { corpusFile, corpusFiles } from './corpus';
import { write } from './write.support';

const KEEP = { keepEnvelope: true, controlNumber: undefined };

const same = (text: string) => text;

/*
 * Two corpus files hold what Read's items do not carry: a TA1 between ISA and GS (Write writes
 * sets; a TA1 is an acknowledgment) and line breaks after whole messages only (Write breaks after
 * every segment or none). They are compared without that.
 */
const LAYOUT: Record<string, (text: string) => string> = {
	'x12-carrying-a-ta1.x12': (text) => text.replace(/TA1\*[^~]*~/, ''),
	'edifact-orders-with-release-characters.edi': (text) => text.replace(/'\n/g, "'"),
};

const standardOf = (items: Json[]) => items[0].standard as 'X12' | 'EDIFACT';

/** The segments of a set without its header and trailer, whose control numbers Write assigns. */
function content(segments: unknown): unknown {
	if (Array.isArray(segments))
		return segments.filter((segment) => !['ST', 'SE', 'UNH', 'UNT'].includes(segment.tag));
	const { ST, SE, UNH, UNT, ...rest } = segments as Json;
	void [ST, SE, UNH, UNT];
	return rest;
}

describe('Write: round trip of the valid corpus', () => {
	it.each(corpusFiles('valid'))('%s read per set and written back is byte-identical', (name) => {
		const normalize = LAYOUT[name] ?? same;
		const items = readItems(readEdi(corpusFile('valid', name)), 'set');
		const { interchanges, failures } = write(items, { ...KEEP, standard: standardOf(items) });
		expect(failures).toEqual([]);
		// Two interchanges in one file come out as two files: the same bytes, in order.
		const original = corpusFile('valid', name)
			.toString('latin1')
			.replace(/([~'])\n(?=ISA|UNB)/g, '$1');
		expect(normalize(interchanges.map((interchange) => interchange.text).join(''))).toBe(
			normalize(original),
		);
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
