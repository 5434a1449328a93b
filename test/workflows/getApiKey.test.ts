import { BINDINGS } from '../../nodes/EcGridOs/soap';
import {
	ADMIN,
	apiKeyCredential,
	demoUser,
	generateWorkflow,
	requestsFor,
	run,
	useSimulator,
} from '../support/workflows';

const sim = useSimulator();
const users = [demoUser('mbx.user'), demoUser('other.user')];

describe.each(BINDINGS)('API Key → Get over %s', (binding) => {
	it('returns each user’s current key and changes nothing', async () => {
		const before = users.map((user) => sim().world.apiKeyOf(user.userId));
		const result = await run(
			generateWorkflow({ operation: 'get', options: { binding } }),
			users.map((user) => ({ userId: user.userId })),
			[apiKeyCredential(sim(), sim().world.apiKeyOf(ADMIN.userId)!)],
		);
		expect(result.items).toEqual(
			users.map((user, index) => ({ userId: user.userId, apiKey: before[index] })),
		);
		expect(users.map((user) => sim().world.apiKeyOf(user.userId))).toEqual(before);
		expect(requestsFor(sim(), 'UserGetAPIKey')).toHaveLength(2);
		expect(requestsFor(sim(), 'GenerateAPIKey')).toHaveLength(0);
	});

	it('reports a user outside the caller’s scope', async () => {
		const result = await run(
			generateWorkflow({ operation: 'get', options: { binding } }),
			[{ userId: demoUser('foreign.user').userId }],
			[apiKeyCredential(sim(), sim().world.apiKeyOf(ADMIN.userId)!)],
		);
		expect((result.error as { message: string }).message).toMatch(/access denied/i);
	});
});

describe('An empty key is not a key', () => {
	it.each(
		BINDINGS.flatMap((binding) =>
			(['generate', 'get'] as const).flatMap((operation) =>
				[
					['empty', ''],
					['whitespace', ' \t '],
					['nil', null],
				].map(([kind, reply]) => ({ binding, operation, kind, reply })),
			),
		),
	)(
		'$operation over $binding fails the item on a $kind answer, naming the call',
		async ({ binding, operation, reply }) => {
			const call = operation === 'get' ? 'UserGetAPIKey' : 'GenerateAPIKey';
			sim().register(call, () => reply);
			const user = demoUser('mbx.user');
			const result = await run(
				generateWorkflow({ operation, options: { binding } }, { onError: 'continueRegularOutput' }),
				[{ userId: user.userId }],
				[apiKeyCredential(sim(), sim().world.apiKeyOf(ADMIN.userId)!)],
			);
			// On SOAP, ASMX leaves a nil result element out: null on every binding.
			const why = 'ECGridOS answered with an empty API key';
			expect(result.items).toEqual([
				{
					userId: user.userId,
					error: `${call} for UserID ${user.userId} failed: ${why}`,
					details: expect.anything(),
				},
			]);
		},
	);
});
