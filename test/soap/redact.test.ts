import { redact } from '../../nodes/EcGridOs/soap';

const KEY = 'AB<CD>&EF-1234';

describe('redact', () => {
	it.each([
		['raw', `key ${KEY} here`],
		['XML-escaped', 'key AB&lt;CD&gt;&amp;EF-1234 here'],
		['URL-encoded', `GET /x?SessionID=${encodeURIComponent(KEY)}&UserID=1`],
		['form-encoded', `SessionID=${new URLSearchParams({ k: KEY }).toString().slice(2)}`],
		['URL-encoded in lowercase hex', `x=${encodeURIComponent(KEY).toLowerCase()}`],
		['URL-encoded twice', `x=${encodeURIComponent(encodeURIComponent(KEY))}`],
		['as decimal references', 'key AB&#60;CD&#62;&#38;EF-1234'],
		['as hex references', 'key AB&#x3C;CD&#x3e;&#x26;EF-1234'],
		['doubly XML-escaped', 'key AB&amp;lt;CD&amp;gt;&amp;amp;EF-1234'],
		['JSON-escaped', JSON.stringify({ key: KEY })],
		['with \\u escapes', 'key AB\\u003cCD\\u003e\\u0026EF-1234'],
		['upper-cased', `key ${KEY.toUpperCase()}`],
		['mixed', 'key AB%3c' + 'CD&gt;%26EF-1234'],
	])('removes a %s secret', (_form, text) => {
		const result = redact(text, [KEY]);
		expect(result).toContain('[redacted]');
		expect(result).not.toContain('AB<CD>');
		expect(result).not.toContain('AB&lt;CD');
		expect(result).not.toContain('AB%3CCD');
		expect(result).not.toMatch(/EF-1234/i);
	});

	it('catches a JSON text that was XML-escaped afterwards', () => {
		const secret = 'K"E/Y-1234';
		const text = JSON.stringify(secret).replace(/"/g, '&quot;');
		expect(redact(`x ${text} y`, [secret])).not.toContain('1234');
	});

	it('removes a whole GUID, not a prefix of it', () => {
		const guid = '11111111-1111-4111-8111-111111111111';
		expect(redact(`x ${guid} y`, [guid])).toBe('x [redacted] y');
	});

	it('ignores missing secrets', () => {
		expect(redact('nothing secret', [undefined, ''])).toBe('nothing secret');
	});
});

describe('redact, base64', () => {
	const guid = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
	const decodedWithout = (text: string) =>
		[0, 1, 2, 3]
			.map((start) => Buffer.from(text.replace('[redacted]', '').slice(start), 'base64'))
			.join(' ');

	it.each(['', 'a', 'ab', 'SessionID='])(
		'removes a secret base64-encoded after %j, in either alphabet and either case',
		(before) => {
			for (const secret of [guid, guid.toUpperCase()]) {
				const encoded = Buffer.from(`${before}${secret}&UserID=1`).toString('base64');
				for (const text of [encoded, encoded.replace(/\+/g, '-').replace(/\//g, '_')]) {
					const result = redact(text, [guid]);
					expect(result).toContain('[redacted]');
					expect(decodedWithout(result)).not.toMatch(/0305e82c|4f89/i);
				}
			}
		},
	);

	it('leaves base64 that does not hold the secret alone', () => {
		const other = Buffer.from('11111111-2222-4333-8444-555555555555').toString('base64');
		expect(redact(other, [guid])).toBe(other);
	});
});
