import { callOperation, UnreadableResponseError, type ResultValue, type Send } from '../soap';
import { LoginFailedError } from './loginFailedError';
import { passThroughN8n } from './ownErrors';
import { rememberSentSecrets } from './sentSecrets';

/** ECGridOS session IDs are GUIDs (36 characters); anything far longer is not one. */
const MAX_SESSION_ID_LENGTH = 256;

/** Login always travels as SOAP 1.1: the binding a workflow picks is not known to its credential. */
const BINDING = 'soap11';

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
		// A session ID is a GUID. A huge one is no session, and as a secret to scrub from every
		// error it would cost the redaction minutes (one pattern per character).
		if (sessionId.trim().length > MAX_SESSION_ID_LENGTH) {
			throw new UnreadableResponseError(
				`Login answered with ${sessionId.trim().length} characters where a session ID goes`,
				'unexpected',
				200,
			);
		}
		return sessionId.trim();
	} catch (error) {
		// Reaches the node inside n8n's own error; nodeErrors.ts turns it into a NodeApiError. The
		// error is kept and thrown again (no second Login): it keeps the password it was sent with
		// to scrub, whatever the credential holds by then.
		throw passThroughN8n(
			rememberSentSecrets(new LoginFailedError(loginName, error as Error), [password]),
		);
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
