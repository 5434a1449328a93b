import { DEMO_USERS, startSimulator } from '../../../simulator';
import { ENUM_TYPES } from '../../../simulator/metadata';
import type { Simulator } from '../../../simulator';
import {
	ECGRID_NS,
	SOAP11_NS,
	SOAP12_NS,
	callOperation,
	envelopeXml,
	operationXml,
	parseDocument,
	path,
	postSoap11,
	postSoap12,
	readSoap,
	send,
} from '../client';
import type { WireReply } from '../client';

const KEY = DEMO_USERS[0].apiKey;
const PARCEL_STATUS = ENUM_TYPES.ParcelStatus[1];

let sim: Simulator;

beforeEach(async () => {
	sim = await startSimulator({ port: 0 });
});

afterEach(async () => {
	await sim.close();
});

/** A framework fault: HTTP 500, the given code, no ErrorInfo anywhere. */
async function expectFrameworkFault(
	reply: WireReply,
	code: string,
	messagePart: string | RegExp,
): Promise<void> {
	expect(reply.status).toBe(500);
	const outcome = await readSoap(reply.body, 'unused');
	expect(outcome.fault).toBeDefined();
	expect(outcome.fault!.code).toBe(code);
	expect(outcome.fault!.message).toMatch(messagePart);
	expect(outcome.fault!.errorInfo).toBeUndefined();
	expect(reply.body).not.toContain('ErrorInfo');
}

function expectPlainTextFault(reply: WireReply, text: string | RegExp): void {
	expect(reply.status).toBe(500);
	expect(reply.contentType).toBe('text/plain; charset=utf-8');
	expect(reply.body).toMatch(text);
	expect(reply.body).not.toContain('ErrorInfo');
}

const soap11 = (op: string, params: Record<string, string | number>) =>
	envelopeXml(SOAP11_NS, operationXml(op, params));
const soap12 = (op: string, params: Record<string, string | number>) =>
	envelopeXml(SOAP12_NS, operationXml(op, params));

describe('SOAP 1.1 framework faults', () => {
	const whoAmI = () => soap11('WhoAmI', { SessionID: KEY });

	test('missing SOAPAction', async () => {
		const reply = await postSoap11(sim.url, 'WhoAmI', whoAmI(), null);
		expect(sim.requests[0].headers.soapaction).toBeUndefined();
		expect(reply.contentType).toBe('text/xml; charset=utf-8');
		await expectFrameworkFault(reply, 'soap:Client', /did not recognize.*SOAPAction/);
	});

	test('unquoted SOAPAction', async () => {
		const reply = await postSoap11(sim.url, 'WhoAmI', whoAmI(), `${ECGRID_NS}WhoAmI`);
		await expectFrameworkFault(reply, 'soap:Client', /SOAPAction/);
	});

	test('SOAPAction in another namespace', async () => {
		const reply = await postSoap11(sim.url, 'WhoAmI', whoAmI(), '"http://ecgridos.net/WhoAmI"');
		await expectFrameworkFault(reply, 'soap:Client', /SOAPAction/);
	});

	test('unknown operation', async () => {
		const reply = await postSoap11(sim.url, 'Foo', soap11('Foo', { SessionID: KEY }));
		await expectFrameworkFault(reply, 'soap:Client', /SOAPAction: "https:\/\/os\.ecgrid\.io\/Foo"/);
		expect(sim.requests[0].binding).toBe('soap11');
	});

	test('SOAPAction and body element disagree', async () => {
		const reply = await postSoap11(
			sim.url,
			'WhoAmI',
			soap11('Version', {}),
			`"${ECGRID_NS}WhoAmI"`,
		);
		await expectFrameworkFault(
			reply,
			'soap:Client',
			/<Version xmlns='https:\/\/os\.ecgrid\.io\/'> was not expected/,
		);
	});

	test('operation element in the wrong namespace', async () => {
		const body = envelopeXml(
			SOAP11_NS,
			`<WhoAmI xmlns="http://ecgridos.net/"><SessionID>${KEY}</SessionID></WhoAmI>`,
		);
		const reply = await postSoap11(sim.url, 'WhoAmI', body);
		await expectFrameworkFault(reply, 'soap:Client', /was not expected/);
	});

	test('operation element without namespace', async () => {
		const body = envelopeXml(SOAP11_NS, `<WhoAmI><SessionID>${KEY}</SessionID></WhoAmI>`);
		const reply = await postSoap11(sim.url, 'WhoAmI', body);
		await expectFrameworkFault(reply, 'soap:Client', /<WhoAmI xmlns=''> was not expected/);
	});

	test('parameters must inherit the ECGridOS namespace (unqualified child = missing)', async () => {
		const body = envelopeXml(
			SOAP11_NS,
			`<WhoAmI xmlns="${ECGRID_NS}"><SessionID xmlns="">${KEY}</SessionID></WhoAmI>`,
		);
		const reply = await postSoap11(sim.url, 'WhoAmI', body);
		await expectFrameworkFault(reply, 'soap:Client', /Missing parameter: SessionID\./);
	});

	test('SOAP 1.2 envelope on the SOAP 1.1 content type', async () => {
		const reply = await postSoap11(sim.url, 'WhoAmI', soap12('WhoAmI', { SessionID: KEY }));
		await expectFrameworkFault(reply, 'soap:VersionMismatch', /Envelope namespace/);
		expect((await readSoap(reply.body, 'x')).envelopeNs).toBe(SOAP11_NS);
	});

	test('missing parameter', async () => {
		const reply = await postSoap11(
			sim.url,
			'GenerateAPIKey',
			soap11('GenerateAPIKey', { SessionID: KEY }),
		);
		await expectFrameworkFault(reply, 'soap:Client', /Missing parameter: UserID\./);
		expect(sim.requests[0].operation).toBe('GenerateAPIKey');
	});

	test.each(['abc', '1.5', '', '0x10', '1e3', '2147483648', '-2147483649', '99999999999999999999'])(
		'UserID %p is not an xs:int',
		async (value) => {
			const reply = await postSoap11(
				sim.url,
				'GenerateAPIKey',
				soap11('GenerateAPIKey', { SessionID: KEY, UserID: value }),
			);
			await expectFrameworkFault(reply, 'soap:Client', /Server was unable to read request/);
			expect(sim.world.apiKeyOf(1003)).toBe(DEMO_USERS[2].apiKey);
		},
	);

	test.each([' 1003 ', '+1003', '01003'])('UserID %p is a valid xs:int', async (value) => {
		const reply = await postSoap11(
			sim.url,
			'UserGetAPIKey',
			soap11('UserGetAPIKey', { SessionID: KEY, UserID: value }),
		);
		expect(reply.status).toBe(200);
		expect((await readSoap(reply.body, 'UserGetAPIKey')).result?.text).toBe(DEMO_USERS[2].apiKey);
	});

	test('malformed XML', async () => {
		const reply = await postSoap11(sim.url, 'WhoAmI', whoAmI().replace('</soap:Body>', ''));
		await expectFrameworkFault(reply, 'soap:Client', /error in XML document/);
	});

	test('a DTD is refused', async () => {
		const body = whoAmI().replace('?>', '?><!DOCTYPE x [<!ENTITY k "key">]>');
		const reply = await postSoap11(sim.url, 'WhoAmI', body);
		await expectFrameworkFault(reply, 'soap:Client', /DTD is prohibited/);
	});

	test('root element that is not an Envelope', async () => {
		const reply = await postSoap11(sim.url, 'WhoAmI', operationXml('WhoAmI', { SessionID: KEY }));
		await expectFrameworkFault(reply, 'soap:Client', /not a SOAP Envelope/);
	});

	test('an empty Body', async () => {
		const reply = await postSoap11(sim.url, 'WhoAmI', envelopeXml(SOAP11_NS, ''));
		await expectFrameworkFault(reply, 'soap:Client', /exactly one operation element/);
	});

	test('wrong content type with a SOAPAction header answers a SOAP 1.1 fault', async () => {
		const reply = await postSoap11(
			sim.url,
			'WhoAmI',
			whoAmI(),
			`"${ECGRID_NS}WhoAmI"`,
			'application/json',
		);
		await expectFrameworkFault(
			reply,
			'soap:Client',
			/Request format is invalid: application\/json/,
		);
	});

	test('wrong content type without SOAPAction answers plain text', async () => {
		const reply = await send(sim.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		expectPlainTextFault(
			reply,
			/^System\.InvalidOperationException: Request format is invalid: application\/json\./,
		);
		expect(sim.requests[0].binding).toBe('unknown');
	});
});

describe('SOAP 1.2 framework faults', () => {
	test('Code/Value Sender and Reason/Text xml:lang="en"', async () => {
		const reply = await postSoap12(
			sim.url,
			soap12('GenerateAPIKey', { SessionID: KEY }),
			`${ECGRID_NS}GenerateAPIKey`,
		);
		expect(reply.contentType).toBe('application/soap+xml; charset=utf-8');
		await expectFrameworkFault(reply, 'soap:Sender', /Missing parameter: UserID\./);
		const envelope = await parseDocument(reply.body);
		const text = path(envelope, 'Body', 'Fault', 'Reason', 'Text');
		expect(text?.uri).toBe(SOAP12_NS);
		expect(text?.attributes.lang).toBe('en');
		expect(path(envelope, 'Body', 'Fault', 'Code', 'Value')?.uri).toBe(SOAP12_NS);
	});

	test('unknown action parameter', async () => {
		const reply = await postSoap12(
			sim.url,
			soap12('WhoAmI', { SessionID: KEY }),
			`${ECGRID_NS}Foo`,
		);
		await expectFrameworkFault(reply, 'soap:Sender', /SOAPAction/);
	});

	test('unknown operation element without action', async () => {
		const reply = await postSoap12(sim.url, soap12('Foo', { SessionID: KEY }));
		await expectFrameworkFault(reply, 'soap:Sender', /valid action/);
	});

	test('action and body element disagree', async () => {
		const reply = await postSoap12(sim.url, soap12('Version', {}), `${ECGRID_NS}WhoAmI`);
		await expectFrameworkFault(reply, 'soap:Sender', /was not expected/);
	});

	test('SOAP 1.1 envelope on the SOAP 1.2 content type', async () => {
		const reply = await postSoap12(sim.url, soap11('WhoAmI', { SessionID: KEY }));
		await expectFrameworkFault(reply, 'soap:VersionMismatch', /Envelope namespace/);
		expect((await readSoap(reply.body, 'x')).envelopeNs).toBe(SOAP12_NS);
	});

	test('non-integer UserID', async () => {
		const reply = await postSoap12(
			sim.url,
			soap12('GenerateAPIKey', { SessionID: KEY, UserID: 'x' }),
		);
		await expectFrameworkFault(reply, 'soap:Sender', /Input string was not in a correct format/);
	});
});

describe.each(['httpGet', 'httpPost'] as const)('%s framework faults', (binding) => {
	test('missing parameter', async () => {
		const reply = await callOperation(binding, sim.url, 'GenerateAPIKey', { SessionID: KEY });
		expectPlainTextFault(
			reply,
			/^System\.InvalidOperationException: Missing parameter: UserID\.\r\n/,
		);
	});

	test('parameter names are case-sensitive', async () => {
		const reply = await callOperation(binding, sim.url, 'WhoAmI', { sessionid: KEY });
		expectPlainTextFault(reply, /Missing parameter: SessionID\./);
	});

	test('unknown operation', async () => {
		const reply = await callOperation(binding, sim.url, 'Foo', { SessionID: KEY });
		expectPlainTextFault(
			reply,
			"System.InvalidOperationException: Request format is unrecognized for URL unexpectedly ending in '/Foo'.",
		);
		expect(sim.requests[0].binding).toBe(binding);
	});

	test('non-integer UserID, without echoing the value', async () => {
		const reply = await callOperation(binding, sim.url, 'GenerateAPIKey', {
			SessionID: KEY,
			UserID: 'secret-ish',
		});
		expectPlainTextFault(
			reply,
			/^System\.ArgumentException: Cannot convert .*UserID.* to System\.Int32\./,
		);
		expect(reply.body).toContain('Input string was not in a correct format.');
		expect(reply.body).not.toContain('secret-ish');
	});

	describe("a byte array (the WSDL's StringArray), read as ASMX reads it", () => {
		const header = Buffer.from('ISA*00*          *00*          *ZZ*ACME');
		const upload = (Content: string | Buffer, Bytes = header.length) =>
			callOperation(binding, sim.url, 'ParcelUpload', {
				SessionID: KEY,
				FileName: 'a.edi',
				Bytes,
				Content,
			});

		test('takes the field repeated, one decimal byte each', async () => {
			const content = Buffer.from([0, 255, 0x49, 10, 13, 0x80]);
			const reply = await upload(content, content.length);
			expect(reply.status).toBe(200);
			const parcelId = Number(/>(\d+)</.exec(reply.body)![1]);
			expect(sim.parcelContent(parcelId)).toEqual(content);
		});

		test('refuses one base64 string, as Byte.Parse does', async () => {
			expectPlainTextFault(
				await upload(header.toString('base64')),
				/^System\.ArgumentException: Cannot convert the value of Content to System\.Byte\.[\s\S]*FormatException/,
			);
		});

		test('refuses a byte above 255', async () => {
			const reply = await send(`${sim.url}/ParcelUpload`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: `SessionID=${KEY}&FileName=a.edi&Bytes=2&Content=1&Content=256`,
			});
			expectPlainTextFault(reply, /too large or too small for an? Byte/);
		});

		test('fails without saying why when the field is missing', async () => {
			const reply = await callOperation(binding, sim.url, 'ParcelUpload', {
				SessionID: KEY,
				FileName: 'a.edi',
				Bytes: 0,
			});
			expectPlainTextFault(reply, /^System\.NullReferenceException:/);
		});
	});

	test('UserID out of 32-bit range', async () => {
		const reply = await callOperation(binding, sim.url, 'GenerateAPIKey', {
			SessionID: KEY,
			UserID: '4294967296',
		});
		expectPlainTextFault(reply, /too large or too small for an Int32/);
	});
});

describe('HTTP POST content types', () => {
	test('multipart is refused', async () => {
		const body = new FormData();
		body.set('SessionID', KEY);
		const reply = await send(`${sim.url}/WhoAmI`, { method: 'POST', body });
		expectPlainTextFault(reply, /Request format is invalid: multipart\/form-data/);
	});

	test('XML on the form endpoint is refused', async () => {
		const reply = await send(`${sim.url}/WhoAmI`, {
			method: 'POST',
			headers: { 'content-type': 'text/xml' },
			body: soap11('WhoAmI', { SessionID: KEY }),
		});
		expectPlainTextFault(reply, /Request format is invalid: text\/xml/);
	});

	test('other methods are unrecognized', async () => {
		const reply = await send(`${sim.url}/WhoAmI?SessionID=${KEY}`, { method: 'PUT' });
		expectPlainTextFault(reply, /Request format is unrecognized/);
	});
});

describe('parameter typing from the WSDL', () => {
	let seen: Record<string, unknown> | undefined;
	beforeEach(() => {
		seen = undefined;
		sim.register('ParcelUpdateStatus', ({ params }) => {
			seen = { ...params };
			return true;
		});
	});

	const parcelParams = (overrides: Record<string, string>) => ({
		SessionID: KEY,
		ParcelID: '9007199254740993',
		Status: 'InBoxTransferred',
		TransLogOnly: 'true',
		...overrides,
	});

	test('long beyond 2^53 arrives as bigint, boolean and enum by name (SOAP)', async () => {
		const reply = await callOperation(
			'soap11',
			sim.url,
			'ParcelUpdateStatus',
			parcelParams({ Status: PARCEL_STATUS, TransLogOnly: '1' }),
		);
		expect(reply.status).toBe(200);
		expect(seen).toEqual({
			SessionID: KEY,
			ParcelID: 9007199254740993n,
			Status: PARCEL_STATUS,
			TransLogOnly: true,
		});
		expect((await readSoap(reply.body, 'ParcelUpdateStatus')).result?.text).toBe('true');
	});

	test('SOAP booleans are xs:boolean (True is refused)', async () => {
		const reply = await callOperation(
			'soap11',
			sim.url,
			'ParcelUpdateStatus',
			parcelParams({ Status: PARCEL_STATUS, TransLogOnly: 'True' }),
		);
		await expectFrameworkFault(reply, 'soap:Client', /valid Boolean/);
		expect(seen).toBeUndefined();
	});

	test('GET booleans follow Boolean.Parse (True ok, 1 refused)', async () => {
		const ok = await callOperation(
			'httpGet',
			sim.url,
			'ParcelUpdateStatus',
			parcelParams({ Status: PARCEL_STATUS, TransLogOnly: 'True' }),
		);
		expect(ok.status).toBe(200);
		expect(seen?.TransLogOnly).toBe(true);
		const refused = await callOperation(
			'httpGet',
			sim.url,
			'ParcelUpdateStatus',
			parcelParams({ Status: PARCEL_STATUS, TransLogOnly: '1' }),
		);
		expectPlainTextFault(refused, /Cannot convert .*TransLogOnly.* to System\.Boolean/);
	});

	test('an unknown enum name is refused without echoing it', async () => {
		const reply = await callOperation(
			'soap12',
			sim.url,
			'ParcelUpdateStatus',
			parcelParams({ Status: 'NoSuchStatus' }),
		);
		await expectFrameworkFault(reply, 'soap:Sender', /not a valid ParcelStatus/);
		expect(reply.body).not.toContain('NoSuchStatus');
	});
});

describe('failing handlers', () => {
	test('a handler whose result misses a required field is a Server / Receiver fault', async () => {
		sim.register('UserInfo', () => ({ LoginName: 'no-id' }));
		const params = { SessionID: KEY, UserID: 1001 };
		const soap11 = await callOperation('soap11', sim.url, 'UserInfo', params);
		await expectFrameworkFault(soap11, 'soap:Server', /required field UserID empty/);
		const soap12 = await callOperation('soap12', sim.url, 'UserInfo', params);
		await expectFrameworkFault(soap12, 'soap:Receiver', /required field UserID empty/);
		const get = await callOperation('httpGet', sim.url, 'UserInfo', params);
		expectPlainTextFault(get, /required field UserID empty/);
	});

	test('a handler that throws a plain Error gives a Server fault', async () => {
		sim.register('Version', () => {
			throw new Error('boom');
		});
		const reply = await callOperation('soap11', sim.url, 'Version', {});
		await expectFrameworkFault(reply, 'soap:Server', /unable to process request\. ---> boom/);
	});

	test('register() refuses names that are not ECGridOS operations', () => {
		expect(() => sim.register('NotAnOperation', () => 1)).toThrow(/not an ECGridOS operation/);
	});
});
