import { CredentialStore } from '../harness';
import {
	ADMIN,
	demoUser,
	generateWorkflow,
	loginCredential,
	requestsFor,
	run,
	useSimulator,
} from '../support/workflows';
import { ROOT } from '../support/operations';

// Every call waits a little, so that executions started together overlap their Logins.
const sim = useSimulator({ latencyMs: 150 });
const MAILBOX_USER = demoUser('mbx.user');
const loginWorkflow = () => generateWorkflow({ authentication: 'login' });
const items = (count: number) =>
	Array.from({ length: count }, () => ({ userId: MAILBOX_USER.userId }));
const loginNames = () =>
	requestsFor(sim(), 'Login').map((request) => /<LoginName>([^<]*)</.exec(request.body)?.[1]);

const store = (loginName = ADMIN.loginName, password = ADMIN.password) =>
	new CredentialStore([loginCredential(sim(), loginName, password)]);
const storedSession = (credentials: CredentialStore) =>
	String(credentials.get({ id: 'loginCredential', name: '' }, 'ecGridOsLoginApi').data.sessionId);

describe('Logins coalesced across the executions of one process', () => {
	it('logs in once for four concurrent executions that find no stored session', async () => {
		const shared = store();
		const results = await Promise.all(
			[1, 2, 3, 4].map(() => run(loginWorkflow(), items(3), shared)),
		);

		expect(results.map((result) => result.error)).toEqual([
			undefined,
			undefined,
			undefined,
			undefined,
		]);
		expect(results.flatMap((result) => result.items)).toHaveLength(12);
		expect(loginNames()).toEqual([ADMIN.loginName]);
		expect(sim().world.sessionCount(ADMIN.userId)).toBe(1);
	});

	it('logs in once when concurrent executions meet the same ended session', async () => {
		const shared = store();
		await run(loginWorkflow(), items(1), shared);
		sim().world.logout(storedSession(shared));
		sim().resetRequests();

		const results = await Promise.all([1, 2, 3].map(() => run(loginWorkflow(), items(2), shared)));

		expect(results.map((result) => result.error)).toEqual([undefined, undefined, undefined]);
		expect(loginNames()).toEqual([ADMIN.loginName]);
	});

	it('keeps the sessions of two credentials apart, each used by its own executions', async () => {
		const admin = store();
		const root = store(ROOT.loginName, ROOT.password);
		const results = await Promise.all([
			run(loginWorkflow(), items(2), admin),
			run(loginWorkflow(), items(2), root),
			run(loginWorkflow(), items(2), admin),
			run(loginWorkflow(), items(2), root),
		]);

		expect(results.every((result) => result.error === undefined)).toBe(true);
		expect(loginNames().sort()).toEqual([ADMIN.loginName, ROOT.loginName].sort());
		expect(storedSession(admin)).not.toBe(storedSession(root));
		expect(sim().world.sessionCount(ADMIN.userId)).toBe(1);
		expect(sim().world.sessionCount(ROOT.userId)).toBe(1);
	});

	it('shares a refused Login with the executions waiting for it, then tries again later', async () => {
		const wrong = store(ADMIN.loginName, 'wrong password');
		const results = await Promise.all([1, 2].map(() => run(loginWorkflow(), items(1), wrong)));
		for (const result of results) {
			expect(String((result.error as Error).message)).toMatch(/refused the login/);
		}
		expect(loginNames()).toHaveLength(1);

		const later = await run(loginWorkflow(), items(1), wrong);
		expect(String((later.error as Error).message)).toMatch(/refused the login/);
		expect(loginNames()).toHaveLength(2);
	});
});

describe('A session renewed elsewhere while a call was failing', () => {
	it('is used for the retry without a Login of its own (as when another worker renewed it)', async () => {
		const shared = store();
		await run(loginWorkflow(), items(1), shared);
		const ended = storedSession(shared);
		sim().world.logout(ended);
		sim().resetRequests();
		// Another process logs in and stores its session while this execution's call is failing.
		const renewed = sim().world.login(ADMIN.loginName, ADMIN.password);
		const details = { id: 'loginCredential', name: '' };
		const stored = shared.get(details, 'ecGridOsLoginApi').data;
		shared.set(details, 'ecGridOsLoginApi', { ...stored, sessionId: renewed });
		// …but this execution already read the ended one: hand it that until its call has gone
		// out with it (the node may read the credential more than once before the call).
		const realGet = shared.get.bind(shared);
		shared.get = (...args) => {
			const credential = realGet(...args);
			if (requestsFor(sim(), 'GenerateAPIKey').length === 0)
				return { ...credential, data: { ...credential.data, sessionId: ended } };
			return credential;
		};

		const result = await run(loginWorkflow(), items(1), shared);

		expect(result.error).toBeUndefined();
		expect(loginNames()).toEqual([]);
		expect(requestsFor(sim(), 'GenerateAPIKey')).toHaveLength(2);
	});
});
