import { segmentEnd } from '../../nodes/shared/edi/edifact/syntax';
import { TextWindow } from '../../nodes/shared/edi/window';

/** Every segment the window gives, as text, read with windows of `size` characters. */
function segments(content: string, size: number, endOf: (text: string, at: number) => number) {
	const window = new TextWindow(Buffer.from(content, 'latin1'), 0, size);
	const found: string[] = [];
	while (window.skipBlanks()) {
		const end = window.segmentEnd(endOf);
		found.push(window.text.slice(window.position, end));
		window.position = end + 1;
	}
	return found;
}

describe('reading a file a window of text at a time', () => {
	const x12 = (text: string, at: number) => {
		const end = text.indexOf('~', at);
		return end < 0 ? text.length : end;
	};

	it.each([1, 2, 3, 5, 8, 64])(
		'gives the same segments with windows of %i characters as the whole text does',
		(size) => {
			const content =
				'ISA*00~\r\nGS*PO*A*B~  ST*850*0001~BEG*00*SA*A-LONGER-SEGMENT-THAN-A-WINDOW~SE*3*0001~GE';
			expect(segments(content, size, x12)).toEqual([
				'ISA*00',
				'GS*PO*A*B',
				'ST*850*0001',
				'BEG*00*SA*A-LONGER-SEGMENT-THAN-A-WINDOW',
				'SE*3*0001',
				'GE',
			]);
		},
	);

	it.each([1, 2, 4, 16])(
		'honours release characters across window edges (windows of %i)',
		(size) => {
			const content = "UNH+1'FTX+AAI+++IT?'S?? DONE'FTX+??'FTX+?''UNT";
			const edifact = (text: string, at: number) => segmentEnd(text, at, "'", '?');
			expect(segments(content, size, edifact)).toEqual([
				'UNH+1',
				"FTX+AAI+++IT?'S?? DONE",
				'FTX+??',
				"FTX+?'",
				'UNT',
			]);
		},
	);

	it('keeps every byte as one character (latin1), so a window may end anywhere', () => {
		const window = new TextWindow(Buffer.from([0x41, 0xe9, 0x7e, 0xff, 0x42]), 0, 2);
		const found: string[] = [];
		while (window.skipBlanks()) {
			const end = window.segmentEnd((text, at) => {
				const next = text.indexOf('~', at);
				return next < 0 ? text.length : next;
			});
			found.push(window.text.slice(window.position, end));
			window.position = end + 1;
		}
		expect(found).toEqual(['A\xe9', '\xffB']);
	});
});
