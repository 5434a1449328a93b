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
