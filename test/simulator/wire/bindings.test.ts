import { DEMO_USERS, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import {
	BINDINGS,
	ECGRID_NS,
	GUID,
	SOAP11_NS,
	SOAP12_NS,
	callOperation,
	envelopeXml,
	fields,
	operationXml,
	parseDocument,
	postSoap12,
	readResult,
	readSoap,
} from '../client';

const NET_ADMIN = DEMO_USERS.find((u) => u.userId === 1001)!;
const MBX_USER = DEMO_USERS.find((u) => u.userId === 1003)!;

const EXPECTED_CONTENT_TYPE = {
	soap11: 'text/xml; charset=utf-8',
	soap12: 'application/soap+xml; charset=utf-8',
	httpPost: 'text/xml; charset=utf-8',
	httpGet: 'text/xml; charset=utf-8',
} as const;

let sim: Simulator;

beforeEach(async () => {
	sim = await startSimulator({ port: 0 });
});

afterEach(async () => {
	await sim.close();
});

test('the endpoint URL is the ECGridOS path on 127.0.0.1', () => {
	expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v4\.1\/prod\/ECGridOS\.asmx$/);
});

describe.each(BINDINGS)('%s binding', (binding) => {
	test('GenerateAPIKey returns a new GUID that replaces the old key', async () => {
		const reply = await callOperation(binding, sim.url, 'GenerateAPIKey', {
			SessionID: NET_ADMIN.apiKey,
			UserID: MBX_USER.userId,
		});
		expect(reply.status).toBe(200);
		expect(reply.contentType).toBe(EXPECTED_CONTENT_TYPE[binding]);
		expect(reply.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
		const result = await readResult(binding, reply, 'GenerateAPIKey');
		expect(result.uri).toBe(ECGRID_NS);
		expect(result.local).toBe(binding.startsWith('soap') ? 'GenerateAPIKeyResult' : 'string');
		expect(result.text).toMatch(GUID);
		expect(result.text).not.toBe(MBX_USER.apiKey);
		expect(sim.world.apiKeyOf(MBX_USER.userId)).toBe(result.text.toLowerCase());

		const recorded = sim.requests[sim.requests.length - 1];
		expect(recorded).toMatchObject({ binding, operation: 'GenerateAPIKey' });
	});

	test('WhoAmI returns SessionInfo in WSDL field order', async () => {
		const reply = await callOperation(binding, sim.url, 'WhoAmI', { SessionID: NET_ADMIN.apiKey });
		expect(reply.status).toBe(200);
		expect(reply.contentType).toBe(EXPECTED_CONTENT_TYPE[binding]);
		const result = await readResult(binding, reply, 'WhoAmI');
		expect(result.local).toBe(binding.startsWith('soap') ? 'WhoAmIResult' : 'SessionInfo');
		expect(result.children.map((c) => c.local)).toEqual([
			'ECGridOSVersion',
			'SessionID',
			'SessionEventID',
			'UserID',
			'LoginName',
			'FirstName',
			'LastName',
			'Company',
			'EMail',
			'Phone',
			'TimeZoneOffset',
			'AuthLevel',
			'LastLogin',
			'OpenSessions',
			'TimeOut',
			'NetworkID',
			'MailboxID',
			'ip',
		]);
		expect(result.children.every((c) => c.uri === ECGRID_NS)).toBe(true);
		expect(fields(result)).toMatchObject({
			SessionID: NET_ADMIN.apiKey,
			UserID: '1001',
			LoginName: 'net.admin',
			AuthLevel: 'NetworkAdmin',
			NetworkID: '1',
			MailboxID: '10',
			LastLogin: '2026-01-02T03:04:05Z',
			TimeOut: '20',
			OpenSessions: '0',
			ip: '127.0.0.1',
		});
	});

	test('Login, WhoAmI with the session, Logout', async () => {
		const login = await callOperation(binding, sim.url, 'Login', {
			LoginName: MBX_USER.loginName,
			Password: MBX_USER.password,
		});
		expect(login.status).toBe(200);
		const sessionId = (await readResult(binding, login, 'Login')).text;
		expect(sessionId).toMatch(GUID);
		expect(sim.world.sessionCount(MBX_USER.userId)).toBe(1);

		const who = await callOperation(binding, sim.url, 'WhoAmI', { SessionID: sessionId });
		const info = fields(await readResult(binding, who, 'WhoAmI'));
		expect(info).toMatchObject({ SessionID: sessionId, UserID: '1003', OpenSessions: '1' });

		const logout = await callOperation(binding, sim.url, 'Logout', { SessionID: sessionId });
		expect(logout.status).toBe(200);
		const logoutResult = await readResult(binding, logout, 'Logout');
		expect(logoutResult.text).toBe('0');
		if (!binding.startsWith('soap')) expect(logoutResult.local).toBe('int');
		expect(sim.world.sessionCount(MBX_USER.userId)).toBe(0);
	});

	test('Version and NowUTC need no SessionID', async () => {
		const version = await callOperation(binding, sim.url, 'Version', {});
		expect((await readResult(binding, version, 'Version')).text).toBe(
			'ECGridOS v4.1 (Build 472) simulator',
		);
		const before = Date.now();
		const now = await callOperation(binding, sim.url, 'NowUTC', {});
		const text = (await readResult(binding, now, 'NowUTC')).text;
		expect(text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
		expect(Math.abs(Date.parse(text) - before)).toBeLessThan(5000);
	});
});

test('SOAP replies use the envelope namespace of their version', async () => {
	const soap11 = await callOperation('soap11', sim.url, 'Version', {});
	const soap12 = await callOperation('soap12', sim.url, 'Version', {});
	expect((await readSoap(soap11.body, 'Version')).envelopeNs).toBe(SOAP11_NS);
	expect((await readSoap(soap12.body, 'Version')).envelopeNs).toBe(SOAP12_NS);
});

test('requests are recorded raw, in order, and resetRequests empties the list', async () => {
	await callOperation('soap11', sim.url, 'Version', {});
	await callOperation('httpGet', sim.url, 'WhoAmI', { SessionID: NET_ADMIN.apiKey });
	expect(sim.requests).toHaveLength(2);
	const [first, second] = sim.requests;
	expect(first.method).toBe('POST');
	expect(first.path).toBe('/v4.1/prod/ECGridOS.asmx');
	expect(first.headers.soapaction).toBe('"https://os.ecgrid.io/Version"');
	expect(first.body).toContain('<Version xmlns="https://os.ecgrid.io/"></Version>');
	expect(second).toMatchObject({
		method: 'GET',
		path: '/v4.1/prod/ECGridOS.asmx/WhoAmI',
		query: `SessionID=${NET_ADMIN.apiKey}`,
		body: '',
		binding: 'httpGet',
		operation: 'WhoAmI',
	});
	const held = sim.requests;
	sim.resetRequests();
	expect(held).toHaveLength(0);
});

test('accepts any prefix, and elements qualified by prefix instead of default namespace', async () => {
	const body =
		'<?xml version="1.0"?>' +
		`<e:Envelope xmlns:e="${SOAP11_NS}"><e:Header/><e:Body>` +
		`<os:WhoAmI xmlns:os="${ECGRID_NS}"><os:SessionID>${NET_ADMIN.apiKey}</os:SessionID></os:WhoAmI>` +
		'</e:Body></e:Envelope>';
	const reply = await fetch(sim.url, {
		method: 'POST',
		headers: { 'content-type': 'text/xml', soapaction: `"${ECGRID_NS}WhoAmI"` },
		body,
	});
	expect(reply.status).toBe(200);
	const outcome = await readSoap(await reply.text(), 'WhoAmI');
	expect(fields(outcome.result!).UserID).toBe('1001');
});

test('SOAP 1.2 routes by the body element when the action parameter is absent', async () => {
	const reply = await postSoap12(
		sim.url,
		envelopeXml(SOAP12_NS, operationXml('WhoAmI', { SessionID: NET_ADMIN.apiKey })),
	);
	expect(reply.status).toBe(200);
	expect(sim.requests[0]).toMatchObject({ binding: 'soap12', operation: 'WhoAmI' });
});

test('GET on the bare endpoint answers a small help page, unknown paths 404', async () => {
	const help = await fetch(sim.url);
	expect(help.status).toBe(200);
	expect(await help.text()).toContain('GenerateAPIKey');
	const missing = await fetch(sim.url.replace('ECGridOS.asmx', 'Other.asmx'));
	expect(missing.status).toBe(404);
	expect(sim.requests.map((r) => r.binding)).toEqual(['unknown', 'unknown']);
});

test('HTTP GET/POST null complex result is an xsi:nil root', async () => {
	sim.register('WhoAmI', () => null);
	const reply = await callOperation('httpGet', sim.url, 'WhoAmI', { SessionID: NET_ADMIN.apiKey });
	const root = await parseDocument(reply.body);
	expect(root.local).toBe('SessionInfo');
	expect(root.attributes.nil).toBe('true');
});
