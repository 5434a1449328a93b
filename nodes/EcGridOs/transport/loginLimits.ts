import { DEFAULT_MAX_REPLY_BYTES, DEFAULT_TIMEOUT_MS } from './constants';
import { fingerprint } from './loginCoalescer';
import type { SendLimits } from './wire';

/** Who logs in, as the credential's own fields say. */
export interface LoginFields {
	baseUrl?: unknown;
	loginName?: unknown;
	password?: unknown;
}

/**
 * The Timeout and Max Reply Size a node asked for, by Login identity. n8n runs a credential's
 * `preAuthentication` with the credential's fields alone, never the request it is for, so the
 * node leaves its limits here just before each call and the Login reads them. Two nodes sharing
 * one login at the same instant share one Login anyway (loginCoalescer.ts): it takes the limits
 * of the latest.
 */
const limitsByIdentity = new Map<string, SendLimits>();

const keyOf = ({ baseUrl, loginName, password }: LoginFields) =>
	fingerprint(String(baseUrl ?? '').trim(), String(loginName ?? ''), String(password ?? ''));

export function declareLoginLimits(fields: LoginFields, limits: SendLimits): void {
	limitsByIdentity.set(keyOf(fields), limits);
}

/** The limits the last node declared for this identity; the package's defaults when none did. */
export function loginLimitsOf(fields: LoginFields): SendLimits {
	return (
		limitsByIdentity.get(keyOf(fields)) ?? {
			timeout: DEFAULT_TIMEOUT_MS,
			maxReplyBytes: DEFAULT_MAX_REPLY_BYTES,
		}
	);
}
