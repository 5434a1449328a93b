import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { toJson } from '../actions/shapeResult';
import { EcGridOsFault, redact, sentences, type Send } from '../soap';
import { LoginFailedError } from '../transport/loginFailedError';
import { DEFAULT_ENDPOINT, DEFAULT_TIMEOUT_MS } from '../transport/constants';
import { logIn, logOut, whoAmI } from '../transport/sessionCalls';
import { sendWithLegacyRequest } from '../transport/wire';

function sendFor(context: ICredentialTestFunctions): Send {
	return sendWithLegacyRequest((options) => context.helpers.request(options), {
		timeout: DEFAULT_TIMEOUT_MS,
	});
}

async function describeUser(send: Send, endpoint: string, sessionId: string): Promise<string> {
	const user = (toJson(await whoAmI(send, endpoint, sessionId)) ?? {}) as Record<string, unknown>;
	return `Signed in as ${String(user.loginName)} (${String(user.authLevel)}, user ${String(user.userId)})`;
}

/** The dialog shows one line: what failed, and what to do where ECGridOS's code says (a wrong key). */
function failed(error: unknown, secrets: string[]): INodeCredentialTestResult {
	const fault = error instanceof LoginFailedError ? error.cause : error;
	// A wrong key's fault already says the key is not valid (ECGridOS's own word is "Session
	// timed out."): add what to do.
	const hint =
		fault instanceof EcGridOsFault && fault.retCode === 'SessionTimeout' ? fault.hint : undefined;
	const message = String((error as Error)?.message);
	const text = hint ? sentences(message, hint) : message;
	return { status: 'Error', message: redact(text, secrets) };
}

/** API key: one read-only WhoAmI names the user the key belongs to. */
export async function ecGridOsApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const apiKey = String(credential.data?.apiKey ?? '').trim();
	const endpoint = String(credential.data?.baseUrl || DEFAULT_ENDPOINT);
	try {
		return { status: 'OK', message: await describeUser(sendFor(this), endpoint, apiKey) };
	} catch (error) {
		return failed(error, [apiKey]);
	}
}

/** Login: log in, WhoAmI, and always log out again, so testing never holds a session. */
export async function ecGridOsLoginApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const { loginName, password, baseUrl } = credential.data ?? {};
	const endpoint = String(baseUrl || DEFAULT_ENDPOINT);
	const send = sendFor(this);
	let sessionId: string | undefined;
	try {
		sessionId = await logIn(send, endpoint, String(loginName ?? ''), String(password ?? ''));
		return { status: 'OK', message: await describeUser(send, endpoint, sessionId) };
	} catch (error) {
		return failed(error, [String(password ?? ''), sessionId ?? '']);
	} finally {
		if (sessionId) await logOut(send, endpoint, sessionId).catch(() => undefined);
	}
}
