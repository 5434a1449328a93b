/*
 * Files that look like EDI but are built to cost: millions of segments in error, stray segments,
 * thousands of sets. What the engine keeps for them is bounded by the file, never by the file
 * times itself; asserted on counts, never on time.
 */
import { readEdi, readItems } from '../../../nodes/shared/edi';
import { cachedDesignators } from '../../../nodes/shared/edi/shape';
import {
	matchStructure,
	X12_STRUCTURE_CODES,
	x12Structure,
} from '../../../nodes/shared/edi/structure';

const ISA =
	'ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*GLOBEXRETAIL   *261207*1200*U*00401*000000501*0*P*>~';
const GS = 'GS*PO*ACMESUPPLY*GLOBEXRETAIL*20261207*1200*1*X*004010~';

/** One 850 whose body is `count` CTT segments out of place, each an AK3 and (no CTT01) an AK4. */
function orderOfStrayTotals(count: number): string {
	return `${ISA}${GS}ST*850*0001~BEG*00*SA*PO-1**20261207~${'CTT~'.repeat(count)}PO1*1*1*EA~SE*${count + 4}*0001~GE*1*1~IEA*1*000000501~`;
}

describe('a set of many segments in error', () => {
	it('is given no more findings than are kept, rather than all of them and then the first', () => {
		const [interchange] = readEdi(orderOfStrayTotals(50), {
			keepSegments: true,
			validateStructure: false,
		});
		const [set] = interchange.groups[0].sets;
		const match = (maxFindings?: number) =>
			matchStructure(
				set.segments,
				x12Structure('850')!,
				interchange.syntax,
				X12_STRUCTURE_CODES,
				false,
				maxFindings,
			).findings;
		const all = match();
		expect(all.length).toBeGreaterThan(100);
		// The cap may fall between a segment's AK3 and its AK4s: they are cut where the list is.
		expect(match(7)).toEqual(all.slice(0, 7));
		expect(match(0)).toEqual([]);
	});

	it('keeps its first thousand segment and element findings when read', () => {
		const [set] = readEdi(orderOfStrayTotals(5000))[0].groups[0].sets;
		const structural = set.findings.filter(
			(finding) => finding.level === 'segment' || finding.level === 'element',
		);
		expect(structural).toHaveLength(1000);
		expect(structural[1]).toMatchObject({ level: 'segment', segment: 'CTT', position: 3 });
	});
});

describe('an interchange of many segments outside any set', () => {
	const strays = 5000;

	it('notes the first thousand (X12), and still checks its trailer', () => {
		const text = `${ISA}${'~'.repeat(strays)}${GS}ST*850*0001~BEG*00*SA*PO-1**20261207~PO1*1*1*EA~SE*4*0001~GE*1*1~${'N1*ST*X~'.repeat(strays)}IEA*1*000000502~`;
		const [interchange] = readEdi(text);
		const outside = interchange.findings.filter((finding) => finding.code === '024');
		expect(outside).toHaveLength(1000);
		expect(outside[0].message).toBe(
			'Segment  (segment 2 of the file) is outside any transaction set',
		);
		expect(interchange.findings).toContainEqual(
			expect.objectContaining({ code: '001', segment: 'IEA' }),
		);
		expect(readItems([interchange], 'set').map((item) => item.status)).toEqual(['rejected']);
	});

	it('notes the first thousand (EDIFACT)', () => {
		const text = `UNB+UNOC:3+A:ZZ+B:ZZ+261207:1200+EF1'${"FTX+AAI'".repeat(strays)}UNH+1+ORDERS:D:96A:UN'BGM+220+PO-1+9'DTM+137:20261207:102'UNS+S'UNT+5+1'UNZ+1+EF2'`;
		const [interchange] = readEdi(text);
		expect(interchange.findings.filter((finding) => finding.code === '33')).toHaveLength(1000);
		expect(interchange.findings).toContainEqual(
			expect.objectContaining({ code: '28', segment: 'UNZ' }),
		);
	});
});

describe('an interchange of many sets, each followed by a stray segment', () => {
	const count = 50;
	const sets = Array.from({ length: count }, (_, index) => {
		const number = String(index + 1).padStart(4, '0');
		return `ST*850*${number}~BEG*00*SA*PO-${index}**20261207~PO1*1*1*EA~SE*4*${number}~N1*ST*X~`;
	});
	const text = `${ISA}${GS}${sets.join('')}GE*${count}*1~IEA*1*000000501~`;

	it('repeats the first ten of its errors in each set item, and says how many more there are', () => {
		const items = readItems(readEdi(text), 'set');
		expect(items).toHaveLength(count);
		for (const item of items) {
			const errors = item.errors as Array<{ level: string; code?: string; message: string }>;
			expect(errors).toHaveLength(11);
			expect(errors.slice(0, 10).every((error) => error.code === '024')).toBe(true);
			expect(errors[10]).toEqual({
				level: 'interchange',
				message:
					'40 more errors of the interchange envelope are not repeated in each item: Output One Item Per Interchange lists them all',
			});
			expect(item.status).toBe('rejected');
		}
	});

	it('does the same in each group item, and lists them all in its interchange item', () => {
		const [group] = readItems(readEdi(text), 'group');
		expect(group.errors).toHaveLength(11);
		const [interchange] = readItems(readEdi(text), 'interchange');
		expect(interchange.errors).toHaveLength(count);
	});
});

describe('an EDIFACT segment of many line breaks', () => {
	afterEach(() => jest.restoreAllMocks());

	it('drops those inside a value (layout, as in a file wrapped at 80 columns) and before the terminator, with no regular expression over the segment', () => {
		// A regular expression trimming the end (/[\r\n]+$/) is tried from each of the line breaks
		// in turn: 300,000 of them inside one FTX took over a minute to read, these 20,000
		// a third of a second.
		const breaks = '\r\n'.repeat(10_000);
		const text = `UNB+UNOC:3+A:ZZ+B:ZZ+261207:1200+EF1'UNH+1+ORDERS:D:96A:UN'BGM+220+PO-1+9'FTX+AAI+++A${breaks}B\r\n'UNT+4+1'UNZ+1+EF1'`;
		const replace = RegExp.prototype[Symbol.replace] as (input: string, by: string) => string;
		const searched: number[] = [];
		jest.spyOn(RegExp.prototype, Symbol.replace).mockImplementation(function (
			this: RegExp,
			input: string,
			by: unknown,
		) {
			searched.push(input.length);
			return replace.call(this, input, by as string);
		});
		const [item] = readItems(readEdi(text), 'set');
		const segments = item.segments as { FTX: Array<{ FTX04: string }> };
		expect(segments.FTX[0].FTX04).toBe('AB');
		expect(searched.filter((length) => length > breaks.length)).toEqual([]);
	});
});

describe('a set of many distinct segment tags', () => {
	it('shapes every segment, and keeps a bounded cache of designators once read', () => {
		const count = 100_000;
		const tags = Array.from({ length: count }, (_, index) => `T${index.toString(36)}`);
		// 123: a set whose structure the engine does not know, given flat.
		const text = `${ISA}${GS}ST*123*0001~${tags.map((tag) => `${tag}*1*2~`).join('')}SE*${count + 2}*0001~GE*1*1~IEA*1*000000501~`;
		const [item] = readItems(readEdi(text), 'set');
		const segments = item.segments as Array<Record<string, string>>;
		expect(item.structure).toBe('flat');
		expect(segments.length).toBe(count + 2);
		const last = tags[count - 1];
		expect(segments[count]).toEqual({ tag: last, [`${last}01`]: '1', [`${last}02`]: '2' });
		// Eight designators or more for each of 100,000 tags were kept for as long as n8n ran.
		expect(cachedDesignators()).toBeLessThanOrEqual(1 << 16);
	});
});
