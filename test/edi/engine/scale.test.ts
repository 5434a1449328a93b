/*
 * Files that look like EDI but are built to cost: millions of segments in error, stray segments,
 * thousands of sets. What the engine keeps for them is bounded by the file, never by the file
 * times itself; asserted on counts, never on time.
 */
import { readEdi } from '../../../nodes/shared/edi';
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
