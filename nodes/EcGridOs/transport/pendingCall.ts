import type { IHttpRequestOptions } from 'n8n-workflow';

import { buildRequest, type Binding, type OperationCall } from '../soap';
import { fingerprint } from './loginCoalescer';
import { passThroughN8n } from './ownErrors';

/**
 * A call on its way to the credential. The node leaves the wire form to the credential's
 * `authenticate`, which alone knows the endpoint and the API key or session ID: n8n then calls
 * `authenticate` again after a session refresh, and the call is signed anew with the new session.
 */
export interface PendingCall {
	call: OperationCall;
	binding: Binding;
	/** Set by the node after a SessionTimeout fault; the Login credential consumes it once. */
	forceSessionRefresh?: boolean;
	/** Ends the whole answer (headers and body) at the Timeout. */
	deadline?: AbortSignal;
	/** The URL the call went to, recorded when signed: a relative redirect resolves against it. */
	sentTo?: string;
	/** Fingerprint of the key or session this call was signed with (set by `signRequest`). */
	signedWith?: string;
	/** On a retry after SessionTimeout: fingerprint of the session that expired. */
	expiredSession?: string;
}

/** n8n's cancel signal (when the execution is stopped) and the call's deadline, as one. */
function combinedSignal(
	n8nSignal: IHttpRequestOptions['abortSignal'],
	deadline: AbortSignal | undefined,
): IHttpRequestOptions['abortSignal'] {
	if (!deadline) return n8nSignal;
	return n8nSignal instanceof AbortSignal ? AbortSignal.any([n8nSignal, deadline]) : deadline;
}

export type PendingRequestOptions = IHttpRequestOptions & { ecgridos: PendingCall };

/** The key or session each call was signed with, for its errors' redaction (never on the call). */
const signingSecret = new WeakMap<PendingCall, string>();

export function signingSecretOf(pending: PendingCall): string | undefined {
	return signingSecret.get(pending);
}

/**
 * Whether a forced refresh still needs a Login: not when the stored session was already replaced
 * since the call failed (another execution in this process or another worker renewed it).
 */
export function stillHoldsExpiredSession(pending: PendingCall, sessionId: string): boolean {
	return pending.expiredSession === undefined || pending.expiredSession === fingerprint(sessionId);
}

export function pendingCallOf(options: IHttpRequestOptions): PendingCall | undefined {
	return (options as Partial<PendingRequestOptions>).ecgridos;
}

/** Turns a pending call into its wire request, signed with the given API key or session ID. */
export function signRequest(
	options: IHttpRequestOptions,
	endpoint: string,
	sessionId: string,
): IHttpRequestOptions {
	const pending = pendingCallOf(options);
	if (!pending) return options;
	pending.signedWith = fingerprint(sessionId);
	signingSecret.set(pending, sessionId);
	let wire;
	try {
		wire = buildRequest(pending.call, { endpoint, binding: pending.binding, sessionId });
	} catch (error) {
		// Reaches the node inside n8n's own error; nodeErrors.ts turns it into a NodeApiError.
		throw passThroughN8n(error as Error);
	}
	pending.sentTo = wire.url;
	return {
		...options,
		method: wire.method,
		url: wire.url,
		headers: { ...options.headers, ...wire.headers },
		body: wire.body,
		abortSignal: combinedSignal(options.abortSignal, pending.deadline),
	};
}
