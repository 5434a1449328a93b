/** Starts the repository's ECGridOS simulator in this process and exposes what the checks need. */
import { startSimulator, type Simulator } from '../../simulator';
import { login } from '../../simulator/operations/session';
import { canActOn } from '../../simulator';
import type { Secret, ServerView } from './checks';

export interface E2eSimulator {
	simulator: Simulator;
	view: ServerView;
	/** Every session ID the simulator's Login handed out, in order (secrets: never to be printed). */
	sessionsIssued: string[];
	/** The issued session IDs as secrets for the output checks. */
	sessionSecrets(): Secret[];
	/** Login requests received since the last `resetRequests()`, failed ones included. */
	loginCalls(): number;
}

export async function startE2eSimulator(callerUserId: number): Promise<E2eSimulator> {
	const simulator = await startSimulator({ port: 0 });
	const { world } = simulator;
	const sessionsIssued: string[] = [];
	// The simulator's own Login, plus a note of the session it issued: the e2e run has to end
	// that session on the server and keep it out of n8n's output.
	simulator.register('Login', (context) => {
		const sessionId = login(context);
		sessionsIssued.push(String(sessionId));
		return sessionId;
	});
	const operationCount = (operation: string) =>
		simulator.requests.filter((request) => request.operation === operation).length;
	const view: ServerView = {
		currentKeyOf: (userId) => world.apiKeyOf(userId),
		expectedOutcome: (userId) => {
			const caller = world.users.get(callerUserId);
			const target = world.users.get(userId);
			return caller && target && canActOn(caller, target) ? 'generated' : 'refused';
		},
		generateCalls: () => operationCount('GenerateAPIKey'),
	};
	return {
		simulator,
		view,
		sessionsIssued,
		sessionSecrets: () =>
			sessionsIssued.map((value, index) => ({ name: `Login session ${index + 1}`, value })),
		loginCalls: () => operationCount('Login'),
	};
}
