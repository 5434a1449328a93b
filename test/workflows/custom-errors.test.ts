/**
 * The HTTP GET/POST bindings' errors as a remote caller gets them from ASMX under ASP.NET's
 * customErrors (its default, RemoteOnly): the exception's message alone, HTML-encoded, with no
 * `System.Web.Services.Protocols.SoapException:` before it. The full form is covered by the
 * other tests, against the simulator's default.
 */
import { EcGridError } from '../../simulator';
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
} from '../support/workflows';

const IDLE_MS = 300;
const sim = useSimulator({ sessionIdleMs: IDLE_MS, customErrors: true });
const MAILBOX_USER = demoUser('mbx.user');
const WRONG_KEY = '99999999-0000-4999-8999-999999999999';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(['httpGet', 'httpPost'])(
	'ECGridOS errors in their remote form over %s',
	(binding) => {
		it('the simulator sends the message alone', async () => {
			const response = await fetch(`${sim().url}/WhoAmI?SessionID=${WRONG_KEY}`);
			expect(response.status).toBe(500);
			expect((await response.text()).split('\r\n')[0]).toBe('Session timed out.');
		});

		it('an expired Login session is renewed once and the call retried once', async () => {
			const store = new CredentialStore([loginCredential(sim(), ADMIN.loginName, ADMIN.password)]);
			const workflow = generateWorkflow({ authentication: 'login', options: { binding } });
			expect((await run(workflow, [{ userId: MAILBOX_USER.userId }], store)).error).toBeUndefined();
			await sleep(IDLE_MS + 150);
			sim().resetRequests();

			const second = await run(workflow, [{ userId: MAILBOX_USER.userId }], store);

			expect(second.error).toBeUndefined();
			expect(second.items).toEqual([expect.objectContaining({ apiKey: expect.any(String) })]);
			expect(requestsFor(sim(), 'Login')).toHaveLength(1);
			expect(requestsFor(sim(), 'GenerateAPIKey')).toHaveLength(2);
		});

		it('a wrong API key says the key or session is not valid, with its RetCode', async () => {
			const result = await run(
				generateWorkflow({ options: { binding } }),
				[{ userId: MAILBOX_USER.userId }],
				[apiKeyCredential(sim(), WRONG_KEY)],
			);
			const error = result.error as { message: string; description: string; httpCode: string };
			expect(error.message).toBe(
				'GenerateAPIKey for UserID 1003 failed: The API key or session ID is not valid, or the session has expired',
			);
			expect(error.httpCode).toBe('1 (SessionTimeout)');
			expect(error.description).toMatch(/Check the API key in the credential/);
		});

		it('the text reads as ECGridOS wrote it, not HTML-encoded', async () => {
			sim().register('GenerateAPIKey', () => {
				throw new EcGridError('NotFound', 'UserID', 'No user "O\'Brien & Söhne" <GmbH>');
			});
			const result = await run(
				generateWorkflow({ options: { binding } }),
				[{ userId: MAILBOX_USER.userId }],
				[apiKeyCredential(sim(), sim().world.apiKeyOf(ADMIN.userId)!)],
			);
			const error = result.error as { message: string; description: string; httpCode: string };
			expect(error.httpCode).toBe('3 (NotFound)');
			expect(error.description).toContain('No user "O\'Brien & Söhne" <GmbH>');
		});
	},
);
