import { decodeText, readEdi } from '../../../nodes/shared/edi';
import { ScannedSegment, type Segment } from '../../../nodes/shared/edi/model';
import { shapeSegment } from '../../../nodes/shared/edi/shape';
import { EdifactSyntax, splitUnreleased } from '../../../nodes/shared/edi/edifact/syntax';
import { X12Syntax } from '../../../nodes/shared/edi/x12/syntax';
import { corpusFile, corpusFiles } from './corpus';

const X12 = new X12Syntax('*', '>', '^', '~');
const EDIFACT = new EdifactSyntax('+', ':', '*', "'", '?', '.');

const noSplit = () => {
	throw new Error('shaping split the elements');
};

/** The segment shaped from the text as the readers scan it, and from its list of elements. */
function bothWays(raw: string, syntax: X12Syntax | EdifactSyntax) {
	const split = (rest: string) =>
		syntax instanceof EdifactSyntax
			? splitUnreleased(rest, syntax.element, syntax.release)
			: rest.split(syntax.element);
	const listed = ScannedSegment.of(raw, syntax.element, split);
	return {
		fast: shapeSegment(ScannedSegment.of(raw, syntax.element, noSplit), syntax),
		slow: shapeSegment({ tag: listed.tag, elements: listed.elements }, syntax),
	};
}

describe('shaping a segment from the text in one pass', () => {
	it.each([
		['BEG*00*SA*PO-1**20260102', X12],
		['DTM*137>20260102', X12],
		['REF*ZZ*A^B^C', X12],
		['N1*ST***', X12],
		['CTT', X12],
		['CTT*', X12],
		['FTX+AAI+++ONE?+TWO?:THREE', EDIFACT],
		['FTX+AAI+++ENDS WITH RELEASE?', EDIFACT],
		['DTM+137:20260102:102', EDIFACT],
		['RFF+ON:A?:B*C:D', EDIFACT],
		['PRI+AAA:??12', EDIFACT],
	])('%s reads as it does element by element', (raw, syntax) => {
		const { fast, slow } = bothWays(raw, syntax);
		expect(fast).toStrictEqual(slow);
	});

	it('keeps short values apart that differ only in length, case or a non-ASCII character', () => {
		// Short values are shared by a key made of their character codes: none may stand for another.
		const values = [
			'AB',
			'AB\u0000',
			'ab',
			'ÄB',
			'A€',
			'ABCD',
			'ABCE',
			'ABCDE',
			'2026120',
			'20261201',
		];
		const raw = `REF*${values.join('*')}`;
		for (let round = 0; round < 2; round++) {
			const { fast } = bothWays(raw, X12);
			expect(Object.values(fast)).toStrictEqual(values);
		}
	});

	it('gives every corpus segment the same keys and values either way', () => {
		let compared = 0;
		for (const name of corpusFiles('valid')) {
			for (const interchange of readEdi(decodeText(corpusFile('valid', name)), {
				keepSegments: true,
			})) {
				for (const set of interchange.groups.flatMap((group) => group.sets)) {
					for (const segment of set.segments) {
						const plain: Segment = { tag: segment.tag, elements: [...segment.elements] };
						const text = (segment as ScannedSegment).text;
						const { from, to } = segment as ScannedSegment;
						const fresh = new ScannedSegment(segment.tag, text, from, to, noSplit);
						expect(shapeSegment(fresh, interchange.syntax)).toStrictEqual(
							shapeSegment(plain, interchange.syntax),
						);
						compared++;
					}
				}
			}
		}
		expect(compared).toBeGreaterThan(100);
	});
});
