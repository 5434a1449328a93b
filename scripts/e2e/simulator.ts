/** Starts the repository's ECGridOS simulator in this process and exposes what the checks need. */
import { startSimulator, type Simulator } from '../../test/simulator';
import { canActOn } from '../../test/simulator/world';
import type { ServerView } from './checks';

export interface E2eSimulator {
	simulator: Simulator;
	view: ServerView;
}

export async function startE2eSimulator(callerUserId: number): Promise<E2eSimulator> {
	const simulator = await startSimulator({ port: 0 });
	const { world } = simulator;
	const view: ServerView = {
		currentKeyOf: (userId) => world.apiKeyOf(userId),
		expectedOutcome: (userId) => {
			const caller = world.users.get(callerUserId);
			const target = world.users.get(userId);
			return caller && target && canActOn(caller, target) ? 'generated' : 'refused';
		},
		generateCalls: () =>
			simulator.requests.filter((request) => request.operation === 'GenerateAPIKey').length,
	};
	return { simulator, view };
}
