import { BINDINGS } from '../../nodes/EcGridOs/soap';
import { CredentialStore } from '../harness';
import {
	ADMIN,
	apiKeyCredential,
	demoUser,
	generateWorkflow,
	loginCredential,
	requestsFor,
	run,
	useSimulator,
	visibleText,
} from '../support/workflows';

const sim = useSimulator();
const MAILBOX_USER = demoUser('mbx.user');
const OTHER_USER = demoUser('other.user');

describe('Generate API Key', () => {
	describe.each(BINDINGS)('over %s', (binding) => {
		it.each(['apiKey', 'login'])(
			'generates a key per item with the %s credential',
			async (authentication) => {
				const credential =
					authentication === 'apiKey'
						? apiKeyCredential(sim(), sim().world.apiKeyOf(ADMIN.userId)!)
						: loginCredential(sim(), ADMIN.loginName, ADMIN.password);
				const workflow = generateWorkflow({ authentication, options: { binding } });
				const oldKey = sim().world.apiKeyOf(MAILBOX_USER.userId);

				const result = await run(
					workflow,
					[{ userId: MAILBOX_USER.userId }, { userId: OTHER_USER.userId }],
					[credential],
				);

				expect(result.error).toBeUndefined();
				expect(result.items).toEqual([
					{ userId: MAILBOX_USER.userId, apiKey: sim().world.apiKeyOf(MAILBOX_USER.userId) },
					{ userId: OTHER_USER.userId, apiKey: sim().world.apiKeyOf(OTHER_USER.userId) },
				]);
				expect(result.items[0].apiKey).not.toBe(oldKey);
				expect(result.outputOf('ECGridOS').map((item) => item.pairedItem)).toEqual([
					{ item: 0 },
					{ item: 1 },
				]);
				const calls = requestsFor(sim(), 'GenerateAPIKey');
				expect(calls).toHaveLength(2);
				expect(calls.every((request) => request.binding === binding)).toBe(true);
			},
		);
	});

	it('accepts user IDs that arrive as digit strings from an expression', async () => {
		const credential = apiKeyCredential(sim(), sim().world.apiKeyOf(ADMIN.userId)!);
		const result = await run(
			generateWorkflow(),
			[{ userId: String(MAILBOX_USER.userId) }],
			[credential],
		);
		expect(result.items).toEqual([
			{ userId: MAILBOX_USER.userId, apiKey: sim().world.apiKeyOf(MAILBOX_USER.userId) },
		]);
	});

	it('sends many items concurrently and keeps each output paired to its input', async () => {
		const credential = apiKeyCredential(sim(), sim().world.apiKeyOf(ADMIN.userId)!);
		const ids = [MAILBOX_USER.userId, OTHER_USER.userId, demoUser('mbx.admin').userId];
		const items = Array.from({ length: 30 }, (_, index) => ({ userId: ids[index % ids.length] }));
		const result = await run(generateWorkflow({ options: { concurrency: 6 } }), items, [
			credential,
		]);
		expect(result.items.map((item) => item.userId)).toEqual(items.map((item) => item.userId));
		expect(result.outputOf('ECGridOS').map((item) => item.pairedItem)).toEqual(
			items.map((_, item) => ({ item })),
		);
		expect(requestsFor(sim(), 'GenerateAPIKey')).toHaveLength(30);
	});

	// n8n 2.41's httpRequestWithAuthentication queries and decrypts the credential for every call
	// unless it is handed over; the API key is read once per execution (README, Peer comparison).
	it('reads the API key credential once per execution, not once per call', async () => {
		const credential = apiKeyCredential(sim(), sim().world.apiKeyOf(ADMIN.userId)!);
		const store = new CredentialStore([credential]);
		const items = Array.from({ length: 12 }, () => ({ userId: MAILBOX_USER.userId }));
		const result = await run(generateWorkflow({ options: { concurrency: 4 } }), items, store);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(12);
		expect(requestsFor(sim(), 'GenerateAPIKey')).toHaveLength(12);
		expect(store.reads.get(credential.id)).toBe(1);
	});

	it('fails every item, not the run, when the API key credential cannot be read', async () => {
		const items = Array.from({ length: 3 }, () => ({ userId: MAILBOX_USER.userId }));
		const result = await run(
			generateWorkflow({ options: { concurrency: 2 } }, { onError: 'continueRegularOutput' }),
			items,
			new CredentialStore([]),
		);
		expect(result.items).toHaveLength(3);
		for (const item of result.items) expect(item.error).toMatch(/credential/i);
		expect(requestsFor(sim(), 'GenerateAPIKey')).toHaveLength(0);
	});

	it('makes the key a previous item regenerated stop working for the next call', async () => {
		const ownKey = sim().world.apiKeyOf(ADMIN.userId)!;
		const credential = apiKeyCredential(sim(), ownKey);
		const result = await run(
			generateWorkflow({}, { onError: 'continueRegularOutput' }),
			[{ userId: ADMIN.userId }, { userId: MAILBOX_USER.userId }],
			[credential],
		);
		expect(result.items[0]).toEqual({
			userId: ADMIN.userId,
			apiKey: sim().world.apiKeyOf(ADMIN.userId),
		});
		expect(result.items[1]).toMatchObject({ details: { retCode: 'SessionTimeout', errorCode: 1 } });
		expect(visibleText(result)).not.toContain(ownKey);
	});

	describe.each(['apiKey', 'login'])(
		"the credential's own key, with the %s credential",
		(authentication) => {
			const credential = () =>
				authentication === 'apiKey'
					? apiKeyCredential(sim(), sim().world.apiKeyOf(ADMIN.userId)!)
					: loginCredential(sim(), ADMIN.loginName, ADMIN.password);

			it('is refused by default, before anything changes, and names the item', async () => {
				const ownKey = sim().world.apiKeyOf(ADMIN.userId);
				const result = await run(
					generateWorkflow(
						{ authentication, replaceOwnKey: false },
						{ onError: 'continueRegularOutput' },
					),
					[{ userId: MAILBOX_USER.userId }, { userId: ADMIN.userId }],
					[credential()],
				);
				expect(result.items[0]).toMatchObject({
					userId: MAILBOX_USER.userId,
					apiKey: expect.any(String),
				});
				expect(result.items[1]).toMatchObject({
					userId: ADMIN.userId,
					error: expect.stringMatching(/Refused to replace the API key of user \d+ in item 1/),
				});
				expect(sim().world.apiKeyOf(ADMIN.userId)).toBe(ownKey);
				expect(requestsFor(sim(), 'GenerateAPIKey')).toHaveLength(1);
				// One WhoAmI per execution tells whose credential this is.
				expect(requestsFor(sim(), 'WhoAmI')).toHaveLength(1);
			});

			it("is replaced when Replace This Credential's Own Key is on", async () => {
				const ownKey = sim().world.apiKeyOf(ADMIN.userId);
				const result = await run(
					generateWorkflow({ authentication, replaceOwnKey: true }),
					[{ userId: ADMIN.userId }],
					[credential()],
				);
				expect(result.items).toEqual([
					{ userId: ADMIN.userId, apiKey: sim().world.apiKeyOf(ADMIN.userId) },
				]);
				expect(result.items[0].apiKey).not.toBe(ownKey);
				expect(requestsFor(sim(), 'WhoAmI')).toHaveLength(0);
			});
		},
	);
});
