import { redact } from '../../nodes/EcGridOs/soap';

const KEY = 'AB<CD>&EF-1234';

describe('redact', () => {
	it.each([
		['raw', `key ${KEY} here`],
		['XML-escaped', 'key AB&lt;CD&gt;&amp;EF-1234 here'],
		['URL-encoded', `GET /x?SessionID=${encodeURIComponent(KEY)}&UserID=1`],
		['form-encoded', `SessionID=${new URLSearchParams({ k: KEY }).toString().slice(2)}`],
	])('removes a %s secret', (_form, text) => {
		const result = redact(text, [KEY]);
		expect(result).toContain('[redacted]');
		expect(result).not.toContain('AB<CD>');
		expect(result).not.toContain('AB&lt;CD');
		expect(result).not.toContain('AB%3CCD');
	});

	it('removes a whole GUID, not a prefix of it', () => {
		const guid = '11111111-1111-4111-8111-111111111111';
		expect(redact(`x ${guid} y`, [guid])).toBe('x [redacted] y');
	});

	it('ignores missing secrets', () => {
		expect(redact('nothing secret', [undefined, ''])).toBe('nothing secret');
	});
});
