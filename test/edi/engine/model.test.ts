import { isElementEmpty, ScannedSegment } from '../../../nodes/shared/edi/model';
import { X12Syntax } from '../../../nodes/shared/edi/x12/syntax';

const X12 = new X12Syntax('*', '>', '^', '~');

const noSplit = () => {
	throw new Error('the check split the elements');
};

describe('an element checked where it lies in the text', () => {
	it.each([
		'BEG*00*SA*PO-1**20260102',
		'N1*ST***',
		'CTT',
		'CTT*',
		'REF**A^B',
		'DTM*137>20260102*',
		'LIN**VP*SKU-1*UP*0123',
	])('is empty exactly when its split element is: %s', (raw) => {
		const split = ScannedSegment.of(raw, X12.element, (rest) => rest.split(X12.element));
		for (let index = 0; index < 7; index++) {
			const scanned = ScannedSegment.of(raw, X12.element, noSplit);
			expect([index, isElementEmpty(scanned, index, X12)]).toEqual([
				index,
				(split.elements[index] ?? '') === '',
			]);
		}
	});

	it('reads a segment in the middle of a file only up to its own end', () => {
		const text = 'ST*850*0001~BEG*00**PO-1~SE*3*0001~';
		const beg = ScannedSegment.in(text, 12, 24, X12.element, noSplit);
		expect(beg.tag).toBe('BEG');
		expect([0, 1, 2, 3].map((index) => isElementEmpty(beg, index, X12))).toEqual([
			false,
			true,
			false,
			true,
		]);
	});
});
