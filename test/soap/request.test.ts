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

	const upload = (Content: Buffer) => ({
		operation: 'ParcelUpload',
		parameters: { FileName: 'a.edi', Bytes: Content.length, Content },
	});

	it('sends a file over httpPost as ASMX reads a byte array: the field repeated, one decimal byte each', () => {
		const request = buildRequest(upload(Buffer.from([0xfb, 0xff, 0x00, 0x49])), {
			...target,
			binding: 'httpPost',
		});
		expect(Buffer.isBuffer(request.body)).toBe(true);
		expect(String(request.body)).toBe(
			'SessionID=KEY-1234&FileName=a.edi&Bytes=4&Content=251&Content=255&Content=0&Content=73',
		);
	});

	it('writes every byte value into the httpPost form, and nothing more', () => {
		const bytes = Buffer.from(Array.from({ length: 256 }, (_, index) => index));
		const body = String(buildRequest(upload(bytes), { ...target, binding: 'httpPost' }).body);
		const fields = new URLSearchParams(body);
		expect(fields.getAll('Content').map(Number)).toEqual([...bytes]);
		expect(Buffer.byteLength(body)).toBe(body.length);
	});

	it('refuses an empty file over httpPost: ASMX cannot read an array with no field', () => {
		expect(() => buildRequest(upload(Buffer.alloc(0)), { ...target, binding: 'httpPost' })).toThrow(
			'ParcelUpload cannot send an empty Content over HTTP POST: use a SOAP binding',
		);
	});

	it('refuses a file over httpGet, naming the bindings that carry one', () => {
		expect(() =>
			buildRequest(upload(Buffer.from('ISA')), { ...target, binding: 'httpGet' }),
		).toThrow('ParcelUpload cannot send Content over HTTP GET: use HTTP POST or a SOAP binding');
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
