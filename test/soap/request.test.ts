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
		expect(String(request.body).match(/<Password>/g)).toHaveLength(1);
	});

	it.each(['soap11', 'soap12'] as const)(
		'writes a file into the %s envelope as the same bytes its base64 text would make',
		(binding) => {
			// Not a multiple of the encoder's piece: the last piece is a short one.
			const file = Buffer.alloc(200_003);
			for (let index = 0; index < file.length; index++) file[index] = (index * 31) % 256;
			const call = (content: Buffer | string) => ({
				operation: 'ParcelUpload',
				parameters: { FileName: 'ä.edi', Bytes: file.length, Content: content },
			});
			const asBytes = buildRequest(call(file), { ...target, binding });
			const asText = buildRequest(call(file.toString('base64')), { ...target, binding });
			expect(Buffer.isBuffer(asBytes.body)).toBe(true);
			expect(typeof asText.body).toBe('string');
			expect((asBytes.body as Buffer).equals(Buffer.from(asText.body as string))).toBe(true);
		},
	);

	it.each(['httpPost', 'httpGet'] as const)('sends a file as base64 text over %s', (binding) => {
		const request = buildRequest(
			{
				operation: 'ParcelUpload',
				parameters: { FileName: 'a.edi', Bytes: 3, Content: Buffer.from([0xfb, 0xff, 0x00]) },
			},
			{ ...target, binding },
		);
		expect(`${request.url} ${String(request.body)}`).toContain('Content=%2B%2F8A');
	});

	it('refuses bytes for a parameter that takes text', () => {
		expect(() =>
			buildRequest(
				{
					operation: 'ParcelUpload',
					parameters: { FileName: Buffer.from('a'), Bytes: 1, Content: 'QQ==' },
				},
				target,
			),
		).toThrow('FileName takes text, not bytes');
	});
});
