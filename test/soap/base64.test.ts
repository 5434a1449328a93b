import { decodeBase64 } from '../../nodes/EcGridOs/soap/base64';

describe('decodeBase64', () => {
	it('decodes canonical base64, padded or not, and nothing', () => {
		expect(decodeBase64('QUJD')).toEqual(Buffer.from('ABC'));
		expect(decodeBase64('QUI=')).toEqual(Buffer.from('AB'));
		expect(decodeBase64('QQ==')).toEqual(Buffer.from('A'));
		expect(decodeBase64('')).toEqual(Buffer.alloc(0));
	});

	it('drops the whitespace XML Schema allows, as line-wrapped base64 has', () => {
		expect(decodeBase64('QUJD\r\nREVG\n R0g=\t')).toEqual(Buffer.from('ABCDEFGH'));
	});

	it('decodes a file larger than one piece byte for byte', () => {
		const bytes = Buffer.alloc(3 * 1024 * 1024 + 2);
		for (let index = 0; index < bytes.length; index++) bytes[index] = (index * 7919) % 256;
		expect(decodeBase64(bytes.toString('base64'))!.equals(bytes)).toBe(true);
	});

	it.each([
		['a character outside the alphabet', 'QUJD*EFG'],
		['URL-safe characters', 'QUJD-_8='],
		['a cut-off quad', 'QUJDR'],
		['padding in the middle', 'QQ==QUJD'],
		['too much padding', 'Q==='],
		['bits that canonical base64 leaves zero', 'QR=='],
	])('refuses %s', (_what, text) => {
		expect(decodeBase64(text)).toBeUndefined();
	});

	it('refuses padding at the end of a piece that is not the last', () => {
		const piece = 'QUJD'.repeat((64 * 1024) / 4 - 1);
		expect(decodeBase64(`${piece}QQ==QUJD`)).toBeUndefined();
	});
});
