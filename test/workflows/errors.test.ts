import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { BINDINGS } from '../../nodes/EcGridOs/soap';
import type { INodeParameters } from 'n8n-workflow';

import { EcGridError, type FaultInjection } from '../../simulator';
import {
	ADMIN,
	apiKeyCredential,
	demoUser,
	generateWorkflow,
	requestsFor,
	run,
	useSimulator,
	visibleText,
} from '../support/workflows';

const sim = useSimulator();
/** Recognisable, and full of characters that escaping and URL-encoding change. */
const SECRET_KEY = 'S3CRET<&>"KEY-0000-4000-8000-DEADBEEF';
const FOREIGN = demoUser('foreign.user');
const MAILBOX_USER = demoUser('mbx.user');

function adminKey() {
	return sim().world.apiKeyOf(ADMIN.userId)!;
}

/** Runs one item; returns the run's error (a plain object, as n8n stores it). */
async function failingRun(
	options: INodeParameters,
	apiKey = adminKey(),
	...userIds: Array<string | number | undefined>
) {
	const userId = userIds.length > 0 ? userIds[0] : MAILBOX_USER.userId;
	const result = await run(
		generateWorkflow({ options }),
		[{ userId }],
		[apiKeyCredential(sim(), apiKey)],
	);
	expect(result.error).toBeDefined();
	return {
		result,
		error: result.error as {
			message: string;
			description?: string;
			name?: string;
			httpCode?: string;
		},
	};
}

describe('ECGridOS faults become NodeApiErrors', () => {
	describe.each(BINDINGS)('over %s', (binding) => {
		it('AccessDenied: a user outside the caller’s scope', async () => {
			const { error } = await failingRun({ binding }, adminKey(), FOREIGN.userId);
			expect(error.name).toBe('NodeApiError');
			expect(error.message).toMatch(/access denied/i);
			if (binding.startsWith('soap')) {
				expect(error.description).toContain('ECGridOS error code 2 (AccessDenied)');
				expect(error.description).toContain('HTTP 500');
			}
		});

		it('SessionTimeout: an unknown key, which never shows up in the error', async () => {
			const { result, error } = await failingRun({ binding }, SECRET_KEY);
			expect(error.name).toBe('NodeApiError');
			if (binding.startsWith('soap')) expect(error.description).toContain('(SessionTimeout)');
			const text = visibleText(result);
			for (const form of [SECRET_KEY, encodeURIComponent(SECRET_KEY), 'S3CRET&lt;', 'S3CRET%3C']) {
				expect(text).not.toContain(form);
			}
			// The server did receive it: the search above is not vacuous.
			expect(JSON.stringify(requestsFor(sim(), 'GenerateAPIKey'))).toMatch(/S3CRET/);
		});

		it('NotFound: an unknown user', async () => {
			const { error } = await failingRun({ binding }, adminKey(), 987654);
			expect(error.name).toBe('NodeApiError');
			if (binding.startsWith('soap')) expect(error.description).toContain('(NotFound)');
		});
	});

	it.each<[string, FaultInjection, RegExp, RegExp]>([
		['a framework fault', { failureRate: 1 }, /.+/, /rejected the request/],
		['an HTML error page', { kind: 'html' }, /HTML page came back/, /proxy, gateway or wrong URL/],
		['a truncated body', { kind: 'truncated' }, /cannot be read/, /not well-formed XML/],
		['an empty body', { kind: 'empty' }, /empty reply/, /no body/],
		[
			'a dropped connection',
			{ kind: 'drop' },
			/closed before an answer|could not be completed/,
			/.+/,
		],
	])('%s', async (_case, injection, message, description) => {
		sim().inject(injection);
		const { error, result } = await failingRun({});
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toMatch(message);
		expect(error.description).toMatch(description);
		expect(visibleText(result)).not.toContain(adminKey());
	});

	it('a hang, cut off by the Timeout option', async () => {
		sim().inject({ kind: 'hang' });
		const started = Date.now();
		const { error } = await failingRun({ timeout: 300 });
		expect(error.message).toMatch(/did not answer in time/);
		expect(error.description).toMatch(/Timeout option/);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	it('connection refused', async () => {
		const server = createServer();
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		await new Promise((resolve) => server.close(resolve));
		const credential = {
			...apiKeyCredential(sim(), SECRET_KEY),
			data: { apiKey: SECRET_KEY, baseUrl: `http://127.0.0.1:${port}/x.asmx` },
		};
		const result = await run(
			generateWorkflow({ options: { binding: 'httpGet' } }),
			[{ userId: 5 }],
			[credential],
		);
		const error = result.error as { message: string; description: string };
		expect(error.message).toBe(`ECGridOS refused the connection (127.0.0.1:${port})`);
		expect(error.description).toMatch(/check the endpoint URL.*\(ECONNREFUSED\)/);
		expect(visibleText(result)).not.toContain('S3CRET');
	});

	it('an Endpoint URL without https:// says so', async () => {
		const credential = {
			...apiKeyCredential(sim(), SECRET_KEY),
			data: { apiKey: SECRET_KEY, baseUrl: 'os.ecgrid.io/v4.1/prod/ECGridOS.asmx' },
		};
		const result = await run(
			generateWorkflow({}, { onError: 'continueRegularOutput' }),
			[{ userId: 5 }],
			[credential],
		);
		expect(result.items[0].error).toMatch(
			/^The Endpoint URL "os\.ecgrid\.io\/v4\.1\/prod\/ECGridOS\.asmx" is not a web address: it must start with https:\/\//,
		);
		expect(visibleText(result)).not.toContain('S3CRET');
	});

	it('a TLS failure', async () => {
		const plain: Server = createServer((_request, response) => response.end('not tls'));
		await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
		const { port } = plain.address() as AddressInfo;
		try {
			const credential = {
				...apiKeyCredential(sim(), SECRET_KEY),
				data: { apiKey: SECRET_KEY, baseUrl: `https://127.0.0.1:${port}/x.asmx` },
			};
			const result = await run(
				generateWorkflow({ options: { binding: 'httpGet' } }),
				[{ userId: 5 }],
				[credential],
			);
			const error = result.error as { message: string; description: string };
			expect(error.message).toMatch(/^The secure connection to ECGridOS failed/);
			expect(error.description).toMatch(/TLS handshake/);
			expect(visibleText(result)).not.toContain('S3CRET');
		} finally {
			await new Promise((resolve) => plain.close(resolve));
		}
	});
});

describe('a server that echoes the key', () => {
	it.each(BINDINGS)('never gets it into the error or error item (%s)', async (binding) => {
		// Real services sometimes quote what they were sent; the node must scrub it anyway.
		sim().register('GenerateAPIKey', ({ params }) => {
			throw new EcGridError('DataError', 'SessionID', `Rejected key ${String(params.SessionID)}`);
		});
		const result = await run(
			generateWorkflow({ options: { binding } }, { onError: 'continueRegularOutput' }),
			[{ userId: MAILBOX_USER.userId }],
			[apiKeyCredential(sim(), SECRET_KEY)],
		);
		// SOAP faults carry ErrorInfo; the GET/POST bindings answer in plain text.
		const expected = binding.startsWith('soap') ? { retCode: 'DataError' } : { httpStatus: 500 };
		expect(result.items[0]).toMatchObject({ details: expected });
		expect(JSON.stringify(result.items)).toContain('[redacted]');
		const text = visibleText(result);
		for (const form of [
			SECRET_KEY,
			encodeURIComponent(SECRET_KEY),
			'S3CRET&lt;',
			'S3CRET%3C',
			'S3CRET',
		]) {
			expect(text).not.toContain(form);
		}
	});
});

describe('a failed call names its input, never a secret one', () => {
	it('User → Set Password names the user, not the recovery answers or the password', async () => {
		sim().register('UserPassword', () => {
			throw new EcGridError('AccessDenied', 'CurrentRecoveryAnswer', 'Wrong answer.');
		});
		const secrets = ['my dog rex', 'NewPass!234', 'rex the dog'];
		const result = await run(
			generateWorkflow({
				resource: 'user',
				operation: 'setPassword',
				userId: MAILBOX_USER.userId,
				currentRecoveryAnswer: secrets[0],
				password: secrets[1],
				recoveryQuestion: 'First pet?',
				recoveryAnswer: secrets[2],
			}),
			[{}],
			[apiKeyCredential(sim(), adminKey())],
		);
		expect((result.error as { message: string }).message).toBe(
			`UserPassword for UserID ${MAILBOX_USER.userId}, RecoveryQuestion First pet? failed: Access denied.`,
		);
		expect(requestsFor(sim(), 'UserPassword')).toHaveLength(1);
		// The node's parameters (stored with the workflow, as typed) aside, nothing shows them.
		const { node: _node, ...error } = result.error as unknown as Record<string, unknown>;
		for (const secret of secrets) expect(JSON.stringify(error)).not.toContain(secret);
	});
});

describe('bad User IDs are NodeOperationErrors, and nothing is sent', () => {
	it.each([
		['empty', ''],
		['letters', '12abc'],
		['zero', 0],
		['negative', -4],
		['fraction', 1.5],
		['too big', 2147483648],
		['missing', undefined],
	])('%s', async (_case, userId) => {
		const { error } = await failingRun({}, adminKey(), userId);
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toMatch(/^Invalid User ID in item 0/);
		expect(requestsFor(sim(), 'GenerateAPIKey')).toHaveLength(0);
	});
});

describe('Continue On Fail', () => {
	it('sends failing items to the error output when the node has one', async () => {
		const result = await run(
			generateWorkflow({}, { onError: 'continueErrorOutput' }),
			[{ userId: MAILBOX_USER.userId }, { userId: FOREIGN.userId }, { userId: 'x' }],
			[apiKeyCredential(sim(), adminKey())],
		);
		const [success, failed] = result.run.data.resultData.runData.ECGridOS[0].data!.main;
		expect(success!.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(failed!.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
		expect(failed![0].json).toMatchObject({ details: { retCode: 'AccessDenied' } });
		expect(failed![1].json.error).toMatch(/Invalid User ID in item 2/);
		expect(visibleText(result)).not.toContain(adminKey());
	});

	it('puts an error item in place of each failing item and runs the rest', async () => {
		const items = [
			{ userId: MAILBOX_USER.userId },
			{ userId: 'abc' },
			{ userId: FOREIGN.userId },
			{ userId: 987654 },
			{ userId: demoUser('other.user').userId },
		];
		const result = await run(
			generateWorkflow({ options: { concurrency: 3 } }, { onError: 'continueRegularOutput' }),
			items,
			[apiKeyCredential(sim(), adminKey())],
		);
		expect(result.error).toBeUndefined();
		const output = result.outputOf('ECGridOS');
		expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(output[0].json).toEqual({
			userId: MAILBOX_USER.userId,
			apiKey: sim().world.apiKeyOf(MAILBOX_USER.userId),
		});
		expect(output[1].json.error).toMatch(/Invalid User ID in item 1/);
		// An error item says which input it was: the IDs the item asked about come along.
		expect(output[2].json).toEqual({
			userId: FOREIGN.userId,
			error: expect.stringMatching(/access denied/i),
			details: {
				description: expect.stringContaining('ECGridOS error code 2 (AccessDenied)'),
				retCode: 'AccessDenied',
				errorCode: 2,
				errorItem: 'UserID',
				errorMessage: expect.any(String),
				httpStatus: 500,
			},
		});
		expect(output[3].json).toMatchObject({ userId: 987654, details: { retCode: 'NotFound' } });
		expect(output[4].json).toEqual({
			userId: demoUser('other.user').userId,
			apiKey: sim().world.apiKeyOf(demoUser('other.user').userId),
		});
		expect(visibleText(result)).not.toContain(adminKey());
	});
});
