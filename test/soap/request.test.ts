import { buildRequest, ParameterTypeError } from '../../nodes/EcGridOs/soap';

const target = {
	endpoint: 'https://example.test/ECGridOS.asmx/',
	binding: 'soap11' as const,
	sessionId: 'KEY-1234',
};

describe('buildRequest', () => {
	it('drops trailing slashes from the endpoint', () => {
		expect(buildRequest({ operation: 'Version', parameters: {} }, target).url).toBe(
			'https://example.test/ECGridOS.asmx',
		);
	});

	it.each([
		['a fraction', 1.5],
		['a numeric string with letters', '12abc'],
		['a value above the 32-bit range', 2147483648],
		['a boolean', true],
	])('refuses %s for an xs:int', (_case, value) => {
		expect(() =>
			buildRequest({ operation: 'GenerateAPIKey', parameters: { UserID: value } }, target),
		).toThrow(ParameterTypeError);
	});

	it('refuses a missing parameter: ECGridOS wants every element', () => {
		expect(() => buildRequest({ operation: 'GenerateAPIKey', parameters: {} }, target)).toThrow(
			'GenerateAPIKey needs a value for UserID',
		);
	});

	it('refuses a session-bound call without a key', () => {
		expect(() =>
			buildRequest(
				{ operation: 'GenerateAPIKey', parameters: { UserID: 1 } },
				{ ...target, sessionId: '' },
			),
		).toThrow('GenerateAPIKey needs an API key or session ID');
	});

	it('refuses an operation the WSDL does not have', () => {
		expect(() => buildRequest({ operation: 'DropAllTables', parameters: {} }, target)).toThrow(
			'ECGridOS has no operation named DropAllTables',
		);
	});

	it('cannot be made to inject elements through a value', () => {
		const request = buildRequest(
			{ operation: 'Login', parameters: { LoginName: '</LoginName><Password>x', Password: 'p' } },
			{ ...target, binding: 'soap12' },
		);
		expect(request.body).toContain('<LoginName>&lt;/LoginName&gt;&lt;Password&gt;x</LoginName>');
		expect(request.body?.match(/<Password>/g)).toHaveLength(1);
	});
});
