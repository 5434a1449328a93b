import { testCredential } from '../harness';
import {
	ADMIN,
	apiKeyCredential,
	loginCredential,
	requestsFor,
	useSimulator,
} from '../support/workflows';

const sim = useSimulator();
const WRONG_KEY = '99999999-WRONG-4999-8999-999999999999';

describe('ECGridOS API credential test', () => {
	it('names the login and auth level the key belongs to', async () => {
		const result = await testCredential(
			apiKeyCredential(sim(), sim().world.apiKeyOf(ADMIN.userId)!),
		);
		expect(result).toEqual({
			status: 'OK',
			message: `Signed in as ${ADMIN.loginName} (NetworkAdmin, user ${ADMIN.userId})`,
		});
		expect(requestsFor(sim(), 'WhoAmI')).toHaveLength(1);
	});

	it('reports the ECGridOS error text for a wrong key, without the key', async () => {
		const result = await testCredential(apiKeyCredential(sim(), WRONG_KEY));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/session/i);
		expect(result.message).not.toContain(WRONG_KEY);
	});

	it.each([
		[
			'without https://',
			'os.ecgrid.io/v4.1/prod/ECGridOS.asmx',
			'The Endpoint URL "os.ecgrid.io/v4.1/prod/ECGridOS.asmx" is not a web address: it must start with https://, e.g. https://os.ecgrid.io/v4.1/prod/ECGridOS.asmx',
		],
		[
			'with another scheme',
			'ftp://os.ecgrid.io/ECGridOS.asmx',
			'The Endpoint URL "ftp://os.ecgrid.io/ECGridOS.asmx" is not a web address: it must start with https://, e.g. https://os.ecgrid.io/v4.1/prod/ECGridOS.asmx',
		],
		[
			'with a query',
			'https://os.ecgrid.io/ECGridOS.asmx?op=WhoAmI',
			'The Endpoint URL "https://os.ecgrid.io/ECGridOS.asmx?op=WhoAmI" has a query or fragment: give the .asmx address alone',
		],
		[
			'with a password in it, not repeated',
			'https://me:hunter2@os.ecgrid.io/ECGridOS.asmx',
			'The Endpoint URL carries a user name or password: ECGridOS takes neither in the URL, remove them',
		],
	])('says what is wrong with an Endpoint URL %s', async (_case, baseUrl, message) => {
		const credential = apiKeyCredential(sim(), WRONG_KEY);
		credential.data.baseUrl = baseUrl;
		expect(await testCredential(credential)).toEqual({ status: 'Error', message });
	});

	it('reports an unreachable endpoint', async () => {
		const credential = apiKeyCredential(sim(), WRONG_KEY);
		credential.data.baseUrl = 'http://127.0.0.1:1/ECGridOS.asmx';
		const result = await testCredential(credential);
		expect(result).toEqual({
			status: 'Error',
			message: 'ECGridOS refused the connection (127.0.0.1:1)',
		});
	});
});

describe('ECGridOS Login credential test', () => {
	it('logs in, names the user, and logs out again', async () => {
		const result = await testCredential(loginCredential(sim(), ADMIN.loginName, ADMIN.password));
		expect(result).toEqual({
			status: 'OK',
			message: `Signed in as ${ADMIN.loginName} (NetworkAdmin, user ${ADMIN.userId})`,
		});
		expect(requestsFor(sim(), 'Login')).toHaveLength(1);
		expect(requestsFor(sim(), 'Logout')).toHaveLength(1);
		expect(sim().world.sessionCount(ADMIN.userId)).toBe(0);
	});

	it('reports an unreachable endpoint as a failed login, not a refused one', async () => {
		const credential = loginCredential(sim(), ADMIN.loginName, ADMIN.password);
		credential.data.baseUrl = 'http://127.0.0.1:1/ECGridOS.asmx';
		const result = await testCredential(credential);
		expect(result).toEqual({
			status: 'Error',
			message: `Could not log in to ECGridOS as "${ADMIN.loginName}": ECGridOS refused the connection (127.0.0.1:1)`,
		});
	});

	it('reports a wrong password without repeating it', async () => {
		const result = await testCredential(
			loginCredential(sim(), ADMIN.loginName, 'not-the-password'),
		);
		expect(result).toEqual({
			status: 'Error',
			message: `ECGridOS refused the login for "${ADMIN.loginName}": Access denied.`,
		});
		expect(requestsFor(sim(), 'Login')).toHaveLength(1);
	});
});
