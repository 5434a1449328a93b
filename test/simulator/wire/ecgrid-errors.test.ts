import { DEMO_USERS, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { BINDINGS, GUID, callOperation, fields, readResult, readSoap } from '../client';
import type { WireReply } from '../client';

const user = (id: number) => DEMO_USERS.find((u) => u.userId === id)!;
const NET_ADMIN = user(1001);
const MBX_ADMIN = user(1002);
const MBX_USER = user(1003);
const OTHER_USER = user(1004);
const FOREIGN_USER = user(2001);

let sim: Simulator;

afterEach(async () => {
	await sim?.close();
});

async function start(options: Parameters<typeof startSimulator>[0] = {}) {
	sim = await startSimulator({ port: 0, ...options });
}

/** An ECGridOS error on SOAP: HTTP 500 fault with faultstring = ErrorString and ErrorInfo. */
async function expectErrorInfo(
	reply: WireReply,
	code: number,
	errorString: string,
	item?: string,
): Promise<Record<string, string>> {
	expect(reply.status).toBe(500);
	const { fault } = await readSoap(reply.body, 'unused');
	expect(fault?.message).toBe(errorString);
	expect(fault?.errorInfo).toBeDefined();
	expect(fault!.errorInfo!.ErrorCode).toBe(String(code));
	expect(fault!.errorInfo!.ErrorString).toBe(errorString);
	if (item !== undefined) expect(fault!.errorInfo!.ErrorItem).toBe(item);
	return fault!.errorInfo!;
}

describe('ErrorInfo faults on SOAP', () => {
	beforeEach(() => start());

	test('SOAP 1.1: soap:Client, unqualified ErrorInfo in detail', async () => {
		const reply = await callOperation('soap11', sim.url, 'WhoAmI', {
			SessionID: '00000000-0000-4000-8000-000000000000',
		});
		await expectErrorInfo(reply, 1, 'Session timed out.', 'SessionID');
		expect(reply.body).toContain(
			'<faultcode>soap:Client</faultcode><faultstring>Session timed out.</faultstring><detail><ErrorInfo><ErrorCode>1</ErrorCode>',
		);
	});

	test('SOAP 1.2: soap:Sender, ErrorInfo in the service’s unqualified detail, as ASMX writes it', async () => {
		const reply = await callOperation('soap12', sim.url, 'WhoAmI', { SessionID: 'nope' });
		await expectErrorInfo(reply, 1, 'Session timed out.');
		expect(reply.body).toContain('<soap:Value>soap:Sender</soap:Value>');
		expect(reply.body).toContain('</soap:Reason><detail><ErrorInfo>');
		expect(reply.body).not.toContain('soap:Detail');
	});

	test.each([
		['empty SessionID', ''],
		['unknown GUID', '12345678-1234-4234-8234-123456789012'],
		['garbage', 'not-a-guid'],
	])('%s → SessionTimeout (1)', async (_label, token) => {
		const reply = await callOperation('soap11', sim.url, 'GenerateAPIKey', {
			SessionID: token,
			UserID: 1003,
		});
		await expectErrorInfo(reply, 1, 'Session timed out.');
	});

	test('API keys match case-insensitively', async () => {
		const reply = await callOperation('soap11', sim.url, 'WhoAmI', {
			SessionID: NET_ADMIN.apiKey.toUpperCase(),
		});
		expect(reply.status).toBe(200);
	});

	test.each([0, -1, 999999])('unknown UserID %p → NotFound (3)', async (userId) => {
		const reply = await callOperation('soap11', sim.url, 'GenerateAPIKey', {
			SessionID: NET_ADMIN.apiKey,
			UserID: userId,
		});
		await expectErrorInfo(reply, 3, 'Not found.', 'UserID');
	});

	test('wrong password → AccessDenied (2), password never echoed', async () => {
		const password = 'Wr0ng-P4ssw0rd-value';
		const reply = await callOperation('soap11', sim.url, 'Login', {
			LoginName: MBX_USER.loginName,
			Password: password,
		});
		await expectErrorInfo(reply, 2, 'Access denied.', 'LoginName');
		expect(reply.body).not.toContain(password);
	});

	test('unknown login → same AccessDenied', async () => {
		const reply = await callOperation('soap11', sim.url, 'Login', {
			LoginName: 'nobody',
			Password: 'x',
		});
		await expectErrorInfo(reply, 2, 'Access denied.');
	});

	test('the API key does not open a Login session and never appears in an error', async () => {
		const reply = await callOperation('soap11', sim.url, 'GenerateAPIKey', {
			SessionID: MBX_USER.apiKey,
			UserID: OTHER_USER.userId,
		});
		await expectErrorInfo(reply, 2, 'Access denied.');
		expect(reply.body).not.toContain(MBX_USER.apiKey);
		expect(reply.body).not.toContain(OTHER_USER.apiKey);
	});
});

describe('scope of GenerateAPIKey / UserGetAPIKey', () => {
	beforeEach(() => start());

	// [actor, target, allowed]
	const cases: Array<[number, number, boolean]> = [
		[1003, 1003, true], // MailboxUser on itself
		[1003, 1002, false], // MailboxUser on its mailbox admin
		[1003, 1004, false], // MailboxUser on another user
		[1002, 1003, true], // MailboxAdmin on its mailbox
		[1002, 1004, false], // MailboxAdmin on another mailbox of its network
		[1002, 2001, false], // MailboxAdmin on another network
		[1001, 1004, true], // NetworkAdmin on its network
		[1001, 2001, false], // NetworkAdmin on another network
		[2001, 1003, false], // MailboxUser of network 2 on network 1
	];

	test.each(cases)('user %p on user %p → allowed: %p', async (actor, target, allowed) => {
		const reply = await callOperation('soap11', sim.url, 'UserGetAPIKey', {
			SessionID: user(actor).apiKey,
			UserID: target,
		});
		if (allowed) {
			expect(reply.status).toBe(200);
			expect((await readResult('soap11', reply, 'UserGetAPIKey')).text).toBe(user(target).apiKey);
		} else {
			await expectErrorInfo(reply, 2, 'Access denied.', 'UserID');
		}
	});

	test.each(['Root', 'TechOps'] as const)('%s acts on anyone', async (authLevel) => {
		sim.world.addUser({
			userId: 1,
			loginName: 'ops',
			password: 'ops-pass',
			authLevel,
			networkId: 99,
			mailboxId: 990,
			firstName: 'O',
			lastName: 'P',
			company: 'Loren Data',
			email: 'ops@example.test',
			phone: '',
			apiKey: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
		});
		const reply = await callOperation('soap11', sim.url, 'GenerateAPIKey', {
			SessionID: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
			UserID: FOREIGN_USER.userId,
		});
		expect(reply.status).toBe(200);
	});
});

describe('API key replacement', () => {
	beforeEach(() => start());

	test.each(BINDINGS)(
		'%s: the old key fails with SessionTimeout, the new one works',
		async (binding) => {
			const reply = await callOperation(binding, sim.url, 'GenerateAPIKey', {
				SessionID: MBX_ADMIN.apiKey,
				UserID: MBX_USER.userId,
			});
			const newKey = (await readResult(binding, reply, 'GenerateAPIKey')).text;
			expect(newKey).toMatch(GUID);

			const old = await callOperation('soap11', sim.url, 'WhoAmI', { SessionID: MBX_USER.apiKey });
			await expectErrorInfo(old, 1, 'Session timed out.');

			const fresh = await callOperation('soap11', sim.url, 'WhoAmI', { SessionID: newKey });
			expect(fields(await readResult('soap11', fresh, 'WhoAmI')).UserID).toBe('1003');

			const current = await callOperation('soap11', sim.url, 'UserGetAPIKey', {
				SessionID: newKey,
				UserID: MBX_USER.userId,
			});
			expect((await readResult('soap11', current, 'UserGetAPIKey')).text).toBe(newKey);
		},
	);

	test('regenerating your own key locks out the key you used', async () => {
		const reply = await callOperation('soap11', sim.url, 'GenerateAPIKey', {
			SessionID: NET_ADMIN.apiKey,
			UserID: NET_ADMIN.userId,
		});
		expect(reply.status).toBe(200);
		const again = await callOperation('soap11', sim.url, 'WhoAmI', { SessionID: NET_ADMIN.apiKey });
		await expectErrorInfo(again, 1, 'Session timed out.');
	});

	test('each simulator starts from a fresh demo world', async () => {
		await callOperation('soap11', sim.url, 'GenerateAPIKey', {
			SessionID: NET_ADMIN.apiKey,
			UserID: MBX_USER.userId,
		});
		const second = await startSimulator({ port: 0 });
		try {
			expect(second.world.apiKeyOf(MBX_USER.userId)).toBe(MBX_USER.apiKey);
			expect(sim.world.apiKeyOf(MBX_USER.userId)).not.toBe(MBX_USER.apiKey);
		} finally {
			await second.close();
		}
	});
});

describe('Login sessions', () => {
	const login = (u = MBX_USER) =>
		callOperation('soap11', sim.url, 'Login', { LoginName: u.loginName, Password: u.password });

	test('a session works with GenerateAPIKey and ends at Logout', async () => {
		await start();
		const sessionId = (await readResult('soap11', await login(MBX_ADMIN), 'Login')).text;
		const generated = await callOperation('soap11', sim.url, 'GenerateAPIKey', {
			SessionID: sessionId,
			UserID: MBX_USER.userId,
		});
		expect(generated.status).toBe(200);
		await callOperation('soap11', sim.url, 'Logout', { SessionID: sessionId });
		const after = await callOperation('soap11', sim.url, 'WhoAmI', { SessionID: sessionId });
		await expectErrorInfo(after, 1, 'Session timed out.');
	});

	test('Logout of an unknown session → SessionTimeout', async () => {
		await start();
		const reply = await callOperation('soap11', sim.url, 'Logout', { SessionID: 'gone' });
		await expectErrorInfo(reply, 1, 'Session timed out.');
	});

	test('an idle session expires after sessionIdleMs; use keeps it alive', async () => {
		await start({ sessionIdleMs: 600 });
		const idle = (await readResult('soap11', await login(), 'Login')).text;
		const busy = (await readResult('soap11', await login(), 'Login')).text;
		for (let i = 0; i < 5; i++) {
			await new Promise((r) => setTimeout(r, 150));
			const kept = await callOperation('soap11', sim.url, 'WhoAmI', { SessionID: busy });
			expect(kept.status).toBe(200);
		}
		const expired = await callOperation('soap11', sim.url, 'WhoAmI', { SessionID: idle });
		await expectErrorInfo(expired, 1, 'Session timed out.', 'SessionID');
		expect(sim.world.sessionCount(MBX_USER.userId)).toBe(1);
	});

	test('WhoAmI reports TimeOut in minutes and OpenSessions', async () => {
		await start({ sessionIdleMs: 5 * 60 * 1000 });
		const sessionId = (await readResult('soap11', await login(), 'Login')).text;
		await login();
		const who = await callOperation('httpGet', sim.url, 'WhoAmI', { SessionID: sessionId });
		expect(fields(await readResult('httpGet', who, 'WhoAmI'))).toMatchObject({
			TimeOut: '5',
			OpenSessions: '2',
			SessionID: sessionId,
		});
	});

	test('Login beyond maxSessionsPerUser → AccessDenied "Too many open sessions"', async () => {
		await start({ maxSessionsPerUser: 2 });
		const first = (await readResult('soap11', await login(), 'Login')).text;
		expect((await login()).status).toBe(200);
		const refused = await login();
		const info = await expectErrorInfo(refused, 2, 'Access denied.', 'LoginName');
		expect(info.ErrorMessage).toMatch(/Too many open sessions/);
		// Other users are not affected; logging out frees a slot.
		expect((await login(OTHER_USER)).status).toBe(200);
		await callOperation('soap11', sim.url, 'Logout', { SessionID: first });
		expect((await login()).status).toBe(200);
	});

	test('expired sessions do not count against the limit', async () => {
		await start({ maxSessionsPerUser: 1, sessionIdleMs: 500 });
		expect((await login()).status).toBe(200);
		expect((await login()).status).toBe(500);
		await new Promise((r) => setTimeout(r, 600));
		expect((await login()).status).toBe(200);
	});
});

describe.each(['httpGet', 'httpPost'] as const)('%s ECGridOS errors', (binding) => {
	beforeEach(() => start());

	test('plain-text SoapException with ErrorString then ErrorMessage, no ErrorInfo', async () => {
		const reply = await callOperation(binding, sim.url, 'GenerateAPIKey', {
			SessionID: MBX_USER.apiKey,
			UserID: FOREIGN_USER.userId,
		});
		expect(reply.status).toBe(500);
		expect(reply.contentType).toBe('text/plain; charset=utf-8');
		const [first, second] = reply.body.split('\r\n');
		expect(first).toBe('System.Web.Services.Protocols.SoapException: Access denied.');
		expect(second).toMatch(/^ErrorMessage: .*2001/);
		expect(reply.body).not.toContain('ErrorInfo');
		expect(reply.body).not.toContain(MBX_USER.apiKey);
	});

	test('SessionTimeout', async () => {
		const reply = await callOperation(binding, sim.url, 'WhoAmI', { SessionID: 'expired' });
		expect(reply.status).toBe(500);
		expect(reply.body).toMatch(
			/^System\.Web\.Services\.Protocols\.SoapException: Session timed out\.\r\n/,
		);
	});
});
