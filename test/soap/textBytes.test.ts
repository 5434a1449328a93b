import { isAsciiBytes, strictUtf8 } from '../../nodes/EcGridOs/soap/textBytes';

describe('isAsciiBytes', () => {
	it('finds a high byte wherever it is, at every alignment of the view', () => {
		const backing = Buffer.alloc(64, 0x41);
		for (let offset = 0; offset < 4; offset++) {
			for (let length = 0; length <= 40; length++) {
				const view = backing.subarray(offset, offset + length);
				expect(isAsciiBytes(view)).toBe(true);
				for (let at = 0; at < length; at++) {
					view[at] = 0x80;
					expect(isAsciiBytes(view)).toBe(false);
					view[at] = 0x41;
				}
			}
		}
	});
});

describe('strictUtf8', () => {
	it('reads UTF-8 as Buffer does, a byte order mark included', () => {
		const bytes = Buffer.from('\uFEFFÄrger über € 𝄞', 'utf8');
		expect(strictUtf8(bytes)).toBe(bytes.toString('utf8'));
	});

	it.each([
		['a lone continuation byte', [0x41, 0x80]],
		['a truncated sequence', [0xe2, 0x82]],
		['an overlong encoding', [0xc0, 0xaf]],
		['latin1 text', [0x63, 0x61, 0x66, 0xe9]],
	])('refuses %s', (_case, bytes) => {
		expect(strictUtf8(Buffer.from(bytes))).toBeUndefined();
	});
});
