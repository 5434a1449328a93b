import { BINDINGS } from '../../nodes/EcGridOs/soap';
import { CredentialStore, testCredential } from '../harness';
import {
	ADMIN,
	apiKeyCredential,
	demoUser,
	generateWorkflow,
	loginCredential,
	requestsFor,
	run,
	useSimulator,
} from '../support/workflows';
import { SECRET } from './corpus';
import { answer, send } from './replies';
import { drip, startHostileServer } from './server';

const IDLE_MS = 300;
const sim = useSimulator({ sessionIdleMs: IDLE_MS });
const MAILBOX_USER = demoUser('mbx.user');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const WRONG_KEY = '99999999-0000-4999-8999-999999999999';

describe('sessions on every binding', () => {
	it.each(BINDINGS)(
		'%s: an expired Login session is renewed once and the call retried once',
		async (binding) => {
			const store = new CredentialStore([loginCredential(sim(), ADMIN.loginName, ADMIN.password)]);
			const workflow = generateWorkflow({ authentication: 'login', options: { binding } });
			const first = await run(workflow, [{ userId: MAILBOX_USER.userId }], store);
			expect(first.error).toBeUndefined();
			await sleep(IDLE_MS + 150);
			sim().resetRequests();

			const second = await run(workflow, [{ userId: MAILBOX_USER.userId }], store);

			expect(second.error).toBeUndefined();
			expect(second.items).toEqual([expect.objectContaining({ apiKey: expect.any(String) })]);
			expect(requestsFor(sim(), 'Login')).toHaveLength(1);
			expect(requestsFor(sim(), 'GenerateAPIKey')).toHaveLength(2);
		},
	);

	it.each(BINDINGS)('%s: a wrong API key says the key or session is not valid', async (binding) => {
		const result = await run(
			generateWorkflow({ options: { binding } }),
			[{ userId: MAILBOX_USER.userId }],
			[apiKeyCredential(sim(), WRONG_KEY)],
		);
		const error = result.error as { message: string; description: string; httpCode: string };
		// ECGridOS says "Session timed out." for a key it does not know: the headline says what it means.
		expect(error.message).toBe(
			'GenerateAPIKey for UserID 1003 failed: The API key or session ID is not valid, or the session has expired',
		);
		expect(error.description).toMatch(/ECGridOS says: Session timed out\./);
		expect(error.description).toMatch(/Check the API key in the credential/);
		expect(error.description).not.toMatch(/check the parameter values/i);
		expect(error.httpCode).toBe('1 (SessionTimeout)');
	});

	it('the credential test says a wrong key is not valid', async () => {
		const result = await testCredential(apiKeyCredential(sim(), WRONG_KEY));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^The API key or session ID is not valid, or the session has expired\. Check the API key in the credential/,
		);
		expect(result.message).not.toContain(WRONG_KEY);
	});
});

describe('the credential test against a hostile endpoint', () => {
	const credentialFor = (url: string) => ({
		id: 'apiKeyCredential',
		name: 'ECGridOS API key',
		type: 'ecGridOsApi',
		data: { apiKey: SECRET, baseUrl: url },
	});

	it('does not follow a redirect, and names where it pointed without the key', async () => {
		const server = await startHostileServer();
		const foreign = await startHostileServer();
		try {
			server.use((_request, response) =>
				send(response, 307, '', {
					Location: `${foreign.url}/x?SessionID=${encodeURIComponent(SECRET)}`,
				}),
			);
			const result = await testCredential(credentialFor(server.url));
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(
				/redirect \(HTTP 307\) to http:\/\/127\.0\.0\.1:\d+\/.*\/x\?…/,
			);
			expect(result.message).not.toMatch(/S3CRET/i);
			expect(foreign.requests).toHaveLength(0);
		} finally {
			await server.close();
			await foreign.close();
		}
	});

	it('gives up on a dripping server at the deadline, saying it timed out', async () => {
		const server = await startHostileServer();
		try {
			server.use((_request, response) => {
				response.writeHead(200, { 'Content-Type': 'text/xml' });
				response.write(answer('soap11', 'x').slice(0, 50));
				drip(response, ' ', 100);
			});
			// The credential test runs with the default Timeout (30 s): the drip must not outlast it.
			const started = Date.now();
			const result = await testCredential(credentialFor(server.url));
			expect(result).toEqual({
				status: 'Error',
				message: expect.stringMatching(/timed out after 30000 ms/),
			});
			expect(Date.now() - started).toBeLessThan(40_000);
		} finally {
			await server.close();
		}
	}, 45_000);
});
