import { createHash } from 'node:crypto';

import type { Send } from '../soap';
import { logIn } from './sessionCalls';

/**
 * One ECGridOS Login at a time per credential and endpoint in this process.
 *
 * n8n runs a credential's `preAuthentication` in every execution that finds the stored session
 * empty or expired, with no lock: a worker starting five executions on a cold credential would
 * open five sessions, and ECGridOS locks a user out after a few. Here the first caller logs in;
 * callers arriving while that Login is in flight wait for it and share its session (or its
 * failure). A session is also handed to callers arriving shortly after it was issued, since they
 * read the stored credential before it was written back; never to a caller that reports that very
 * session as expired, and never after a failure (a failed Login is shared only by its waiters).
 */

/** How long a fresh session is handed to callers that read the credential before it was stored. */
export const REUSE_FRESH_SESSION_MS = 3_000;

export interface LoginIdentity {
	endpoint: string;
	loginName: string;
	password: string;
}

interface Attempt {
	inFlight?: Promise<string>;
	issued?: { fingerprint: string; sessionId: string; at: number };
}

const attempts = new Map<string, Attempt>();

/** A one-way digest, so that keys and comparisons never hold a password or session in the clear. */
export function fingerprint(...parts: string[]): string {
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** Same endpoint, login name and password: the same ECGridOS identity, hence the same sessions. */
function keyOf({ endpoint, loginName, password }: LoginIdentity): string {
	return fingerprint(endpoint.trim(), loginName, password);
}

function forgetOldSessions(now: number): void {
	for (const [key, attempt] of attempts) {
		const stale = attempt.issued === undefined || now - attempt.issued.at > REUSE_FRESH_SESSION_MS;
		if (stale && attempt.inFlight === undefined) attempts.delete(key);
	}
}

/**
 * The session to use for `identity`: an in-flight Login's, a just-issued one's (unless it is
 * `expiredSessionId`), or a new Login's.
 */
export async function coalescedLogin(
	identity: LoginIdentity,
	expiredSessionId: string,
	login: () => Promise<string>,
	now: () => number = Date.now,
): Promise<string> {
	forgetOldSessions(now());
	const key = keyOf(identity);
	const attempt = attempts.get(key) ?? {};
	attempts.set(key, attempt);
	if (attempt.inFlight) return await attempt.inFlight;
	const { issued } = attempt;
	if (issued && issued.fingerprint !== fingerprint(expiredSessionId)) return issued.sessionId;

	// Whatever was issued before is superseded; a failure leaves nothing behind to hand out.
	attempt.issued = undefined;
	attempt.inFlight = login();
	try {
		const sessionId = await attempt.inFlight;
		attempt.issued = { fingerprint: fingerprint(sessionId), sessionId, at: now() };
		return sessionId;
	} finally {
		attempt.inFlight = undefined;
	}
}

/** `logIn`, coalesced: what the Login credential's `preAuthentication` calls. */
export async function logInOnce(
	send: Send,
	endpoint: string,
	loginName: string,
	password: string,
	expiredSessionId: string,
): Promise<string> {
	return await coalescedLogin({ endpoint, loginName, password }, expiredSessionId, () =>
		logIn(send, endpoint, loginName, password),
	);
}
