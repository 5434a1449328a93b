import { callOperation, UnreadableResponseError, type ResultValue, type Send } from '../soap';

/** Login always travels as SOAP 1.1: the binding a workflow picks is not known to its credential. */
const BINDING = 'soap11';

/** Raised when Login itself fails, so callers stop instead of trying again and locking the user out. */
export class LoginFailedError extends Error {
	constructor(
		readonly loginName: string,
		readonly cause: Error,
	) {
		super(`ECGridOS refused the login for "${loginName}": ${cause.message}`);
		this.name = 'LoginFailedError';
	}
}

export async function logIn(
	send: Send,
	endpoint: string,
	loginName: string,
	password: string,
): Promise<string> {
	try {
		const sessionId = await callOperation(
			send,
			{ operation: 'Login', parameters: { LoginName: loginName, Password: password } },
			{ endpoint, binding: BINDING },
		);
		if (typeof sessionId !== 'string' || sessionId.trim() === '') {
			throw new UnreadableResponseError('Login answered without a session ID', 'unexpected', 200);
		}
		return sessionId.trim();
	} catch (error) {
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- reaches the node as the cause of n8n's own error; nodeErrors.ts converts it
		throw new LoginFailedError(loginName, error as Error);
	}
}

/** A session-bound call without parameters of its own (Logout, WhoAmI). */
async function callWithSession(send: Send, endpoint: string, sessionId: string, operation: string) {
	return await callOperation(
		send,
		{ operation, parameters: {} },
		{ endpoint, binding: BINDING, sessionId },
	);
}

export async function logOut(
	send: Send,
	endpoint: string,
	sessionId: string,
): Promise<ResultValue> {
	return await callWithSession(send, endpoint, sessionId, 'Logout');
}

export async function whoAmI(
	send: Send,
	endpoint: string,
	sessionId: string,
): Promise<ResultValue> {
	return await callWithSession(send, endpoint, sessionId, 'WhoAmI');
}
