import { replyText } from '../../nodes/EcGridOs/soap/replyText';
import { SET_ASIDE_LENGTH } from '../../nodes/EcGridOs/soap/standIns';
import { parseXml } from '../../nodes/EcGridOs/soap/xml';

const text = (value: string | Buffer, status = 200) =>
	replyText(Buffer.isBuffer(value) ? value : Buffer.from(value), status).text;

describe('replyText', () => {
	it('reads ASCII and UTF-8 replies as the text they are', () => {
		expect(text('<a>QUJD</a>')).toBe('<a>QUJD</a>');
		expect(text('<a>Müller → 東京</a>')).toBe('<a>Müller → 東京</a>');
	});

	it('drops a byte order mark', () => {
		expect(text('\uFEFF<a>é</a>')).toBe('<a>é</a>');
		expect(text('\uFEFF<a/>')).toBe('<a/>');
	});

	it('refuses bytes that are not UTF-8, naming the HTTP status', () => {
		const latin1 = Buffer.from('<a>M\xfcller</a>', 'latin1');
		expect(() => text(latin1, 500)).toThrow(
			expect.objectContaining({
				message: expect.stringMatching(/not valid UTF-8/),
				httpStatus: 500,
			}),
		);
	});
});

describe('replyText of a large reply', () => {
	const base64 = Buffer.alloc(1024 * 1024, 7).toString('base64');
	const big = (inner: string) => Buffer.from(`<r><n>Müller</n><c>${inner}</c><t>x</t></r>`);

	it('keeps a long plain run as bytes behind a marker, and the XML reader gives it back', async () => {
		const reply = replyText(big(base64), 200);
		expect(reply.runs).toHaveLength(1);
		expect(reply.text.length).toBeLessThan(100);
		const root = await parseXml(reply.text, reply.runs);
		expect(root.children.c[0].run).toBeDefined();
		expect(root.children.c[0].text).toBe(base64);
		expect(root.children.n[0].text).toBe('Müller');
	});

	it.each([
		['an entity', `${base64}&amp;`],
		['a quote', `${base64}"`],
		['a > (it could end a tag)', `${base64}>`],
		['a character that is not ASCII', `${base64}é`],
		['only whitespace', ' '.repeat(SET_ASIDE_LENGTH * 20)],
	])('reads a long run with %s as text', (_what, inner) => {
		const bytes = big(inner);
		const reply = replyText(bytes, 200);
		expect(reply.runs).toHaveLength(0);
		// Not toBe: a failing comparison of megabytes would take jest minutes to print.
		expect(reply.text === bytes.toString('utf8')).toBe(true);
	});

	it('reads the whole reply as text when it holds the private-use characters markers use', () => {
		const reply = replyText(Buffer.from(`<r><n>\uE002</n><c>${base64}</c></r>`), 200);
		expect(reply.runs).toHaveLength(0);
	});

	it('still refuses bytes that are not UTF-8 around a long run', () => {
		const bytes = Buffer.concat([big(base64), Buffer.from([0xff])]);
		expect(() => replyText(bytes, 200)).toThrow(/not valid UTF-8/);
	});
});
