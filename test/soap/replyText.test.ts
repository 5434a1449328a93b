import { replyText } from '../../nodes/EcGridOs/soap/replyText';

describe('replyText', () => {
	it('reads ASCII and UTF-8 replies as the text they are', () => {
		expect(replyText(Buffer.from('<a>QUJD</a>'), 200)).toBe('<a>QUJD</a>');
		expect(replyText(Buffer.from('<a>Müller → 東京</a>'), 200)).toBe('<a>Müller → 東京</a>');
	});

	it('drops a byte order mark', () => {
		expect(replyText(Buffer.from('\uFEFF<a>é</a>'), 200)).toBe('<a>é</a>');
		expect(replyText(Buffer.from('\uFEFF<a/>'), 200)).toBe('<a/>');
	});

	it('refuses bytes that are not UTF-8, naming the HTTP status', () => {
		const latin1 = Buffer.from('<a>M\xfcller</a>', 'latin1');
		expect(() => replyText(latin1, 500)).toThrow(
			expect.objectContaining({
				message: expect.stringMatching(/not valid UTF-8/),
				httpStatus: 500,
			}),
		);
	});
});
