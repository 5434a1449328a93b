import type { INodeParameters } from 'n8n-workflow';

import { CredentialStore } from '../harness';
import {
	ADMIN,
	demoUser,
	generateWorkflow,
	loginCredential,
	requestsFor,
	run,
	useSimulator,
	visibleText,
} from '../support/workflows';

const IDLE_MS = 400;
const sim = useSimulator({ sessionIdleMs: IDLE_MS });
const MAILBOX_USER = demoUser('mbx.user');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const loginWorkflow = (options: INodeParameters = {}, parameters: INodeParameters = {}) =>
	generateWorkflow({ authentication: 'login', options, ...parameters });
const items = (count: number) =>
	Array.from({ length: count }, () => ({ userId: MAILBOX_USER.userId }));
const logins = () => requestsFor(sim(), 'Login').length;

function adminLogin(password = ADMIN.password) {
	return new CredentialStore([loginCredential(sim(), ADMIN.loginName, password)]);
}

describe('Login credential sessions', () => {
	it('fails every item with the reason when the Login credential cannot be read', async () => {
		const settings = { onError: 'continueRegularOutput' };
		const result = await run(
			generateWorkflow({ authentication: 'login' }, settings),
			items(2),
			new CredentialStore([]),
		);
		expect(result.items.map((item) => item.error)).toEqual([
			expect.stringMatching(/No ecGridOsLoginApi credential/),
			expect.stringMatching(/No ecGridOsLoginApi credential/),
		]);
		expect(logins()).toBe(0);
	});

	it('logs in once for 100 items and reuses the session for 3 more executions', async () => {
		const store = adminLogin();
		const first = await run(loginWorkflow(), items(100), store);
		expect(first.items).toHaveLength(100);
		expect(first.items.every((item) => typeof item.apiKey === 'string')).toBe(true);
		for (let execution = 0; execution < 3; execution++) {
			const next = await run(loginWorkflow(), items(2), store);
			expect(next.error).toBeUndefined();
		}
		expect(logins()).toBe(1);
		expect(sim().world.sessionCount(ADMIN.userId)).toBe(1);
	});

	it('does not storm Login when items run concurrently', async () => {
		const result = await run(loginWorkflow({ concurrency: 8 }), items(40), adminLogin());
		expect(result.error).toBeUndefined();
		expect(logins()).toBe(1);
	});

	it('re-logs in exactly once after the session expires and retries the failed call once', async () => {
		const store = adminLogin();
		await run(loginWorkflow(), items(1), store);
		await sleep(IDLE_MS + 150);
		sim().resetRequests();

		const result = await run(loginWorkflow({ concurrency: 4 }), items(12), store);

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(12);
		expect(logins()).toBe(1);
		// The call that met the expiry, plus its one retry, plus the other 11.
		expect(requestsFor(sim(), 'GenerateAPIKey')).toHaveLength(13);
		expect(store.updates.filter((update) => update.id === 'loginCredential')).toHaveLength(2);
	});

	it('re-logs in once when several in-flight calls meet the same ended session', async () => {
		// The first item runs alone; the server ends its session right after answering it, so the
		// next four items, sent together, all meet SessionTimeout.
		let calls = 0;
		sim().register('GenerateAPIKey', ({ params, caller, targetUser, world }) => {
			caller();
			const key = world.replaceApiKey(targetUser(Number(params.UserID)).userId);
			if (++calls === 1) world.logout(String(params.SessionID));
			return key;
		});
		const result = await run(loginWorkflow({ concurrency: 4 }), items(12), adminLogin());

		expect(result.error).toBeUndefined();
		expect(result.items.every((item) => typeof item.apiKey === 'string')).toBe(true);
		expect(logins()).toBe(2);
		// 1 + 4 that met the ended session + their 4 retries + the other 7.
		expect(requestsFor(sim(), 'GenerateAPIKey')).toHaveLength(16);
	});

	it('stops after one Login attempt when the password is wrong', async () => {
		const result = await run(loginWorkflow({}, {}), items(5), adminLogin('wrong password'));
		const error = result.error as { message: string; name: string };
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe(
			`ECGridOS refused the login for "${ADMIN.loginName}": Access denied.`,
		);
		expect(logins()).toBe(1);
		expect(visibleText(result)).not.toContain('wrong password');
	});

	it('gives every item the login error under Continue On Fail, still with one attempt', async () => {
		const workflow = generateWorkflow(
			{ authentication: 'login' },
			{ onError: 'continueRegularOutput' },
		);
		const result = await run(workflow, items(4), adminLogin('wrong password'));
		expect(result.items).toHaveLength(4);
		expect(result.items.every((item) => /refused the login/.test(String(item.error)))).toBe(true);
		expect(logins()).toBe(1);
	});

	describe("the credential's own Login keeps the node's limits", () => {
		// Another user than the tests above: a session issued to them moments ago would be shared.
		const OWN_LOGIN = demoUser('other.user');
		const ownLogin = () =>
			new CredentialStore([loginCredential(sim(), OWN_LOGIN.loginName, OWN_LOGIN.password)]);

		// The call's own deadline already bounded a slow Login; this keeps it so.
		it('Timeout: a Login slower than it fails the item as timed out', async () => {
			sim().inject({ operation: 'Login', latencyMs: 1_500 });
			const started = Date.now();
			const result = await run(loginWorkflow({ timeout: 300 }), items(1), ownLogin());
			expect((result.error as { message: string }).message).toMatch(/timed out after 300 ms/);
			expect(Date.now() - started).toBeLessThan(1_400);
		});

		it('a Login answering far more than a session ID fails at once, not after minutes of redaction', async () => {
			sim().register('Login', () => 'S'.repeat(300_000));
			const started = Date.now();
			const result = await run(loginWorkflow(), items(1), ownLogin());
			expect((result.error as { message: string }).message).toMatch(
				/Login answered with 300000 characters where a session ID goes/,
			);
			expect(Date.now() - started).toBeLessThan(5_000);
		});

		it('Max Reply Size: a Login reply larger than it fails the item', async () => {
			sim().register('Login', () => 'S'.repeat(4_000));
			const result = await run(loginWorkflow({ maxReplySize: 0.002 }), items(1), ownLogin());
			expect((result.error as { message: string }).message).toMatch(
				/larger than the Max Reply Size/,
			);
			expect(requestsFor(sim(), 'GenerateAPIKey')).toHaveLength(0);
		});
	});

	it('logs out, and the next call logs in again', async () => {
		const store = adminLogin();
		await run(loginWorkflow(), items(1), store);
		const sessionId = store.get({ id: 'loginCredential', name: '' }, 'ecGridOsLoginApi').data
			.sessionId;

		const logout = await run(
			loginWorkflow({}, { resource: 'session', operation: 'logOut' }),
			[{}],
			store,
		);
		expect(logout.items).toEqual([{ loggedOut: true, logoutCode: 0 }]);
		expect(sim().world.sessionCount(ADMIN.userId)).toBe(0);

		const again = await run(loginWorkflow(), items(1), store);
		expect(again.error).toBeUndefined();
		expect(logins()).toBe(2);
		expect(visibleText(logout) + visibleText(again)).not.toContain(String(sessionId));
	});

	it('refuses Log Out with an API key credential', async () => {
		const workflow = generateWorkflow({ resource: 'session', operation: 'logOut' });
		const result = await run(
			workflow,
			[{}],
			[
				{
					id: 'apiKeyCredential',
					name: 'ECGridOS API key',
					type: 'ecGridOsApi',
					data: { apiKey: sim().world.apiKeyOf(ADMIN.userId)!, baseUrl: sim().url },
				},
			],
		);
		expect((result.error as { message: string }).message).toBe(
			'Log Out needs the Login authentication',
		);
		expect(requestsFor(sim(), 'Logout')).toHaveLength(0);
	});
});

describe('Session operations', () => {
	it('Get Current User names the user without echoing the session', async () => {
		const store = adminLogin();
		const result = await run(
			loginWorkflow({ binding: 'soap12' }, { resource: 'session', operation: 'getCurrentUser' }),
			[{}],
			store,
		);
		const [user] = result.items;
		expect(user).toMatchObject({
			userId: ADMIN.userId,
			loginName: ADMIN.loginName,
			authLevel: 'NetworkAdmin',
			networkId: 1,
			mailboxId: 10,
		});
		expect(user).not.toHaveProperty('sessionId');
		const sessionId = String(
			store.get({ id: 'loginCredential', name: '' }, 'ecGridOsLoginApi').data.sessionId,
		);
		expect(JSON.stringify(result.items)).not.toContain(sessionId);
	});

	it('Get Version answers over every binding', async () => {
		for (const binding of ['soap11', 'soap12', 'httpPost', 'httpGet']) {
			const result = await run(
				loginWorkflow({ binding }, { resource: 'session', operation: 'getVersion' }),
				[{}],
				adminLogin(),
			);
			expect(result.items).toEqual([{ version: expect.stringMatching(/ECGridOS/) }]);
		}
	});
});
