import { TransportError, type TransportFailure } from '../soap';

const FAILURE_BY_CODE: Array<[RegExp, TransportFailure]> = [
	[/^ECONNREFUSED$/, 'refused'],
	[/^(ECONNABORTED|ETIMEDOUT|ESOCKETTIMEDOUT|ERR_CANCELED)$/, 'timeout'],
	[/^(ENOTFOUND|EAI_AGAIN)$/, 'dns'],
	[/^(ECONNRESET|EPIPE|ERR_BAD_RESPONSE)$/, 'reset'],
	[/^EPROTO$/, 'tls'],
	[/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_OSSL/, 'tls'],
];

const MESSAGES: Record<TransportFailure, string> = {
	refused: 'ECGridOS refused the connection',
	timeout: 'ECGridOS did not answer in time',
	tls: 'The secure connection to ECGridOS failed',
	dns: 'The ECGridOS host name could not be resolved',
	reset: 'The connection to ECGridOS closed before an answer arrived',
	other: 'The request to ECGridOS could not be completed',
};

/** Error codes along the cause chain (n8n wraps axios errors, axios wraps Node's). */
function codesOf(error: unknown): string[] {
	const codes: string[] = [];
	for (
		let current = error as { code?: unknown; cause?: unknown; message?: unknown } | undefined,
			depth = 0;
		current && depth < 6;
		depth++
	) {
		if (typeof current.code === 'string') codes.push(current.code);
		if (
			typeof current.message === 'string' &&
			/timeout of \d+ms exceeded|socket hang up/i.test(current.message)
		) {
			codes.push(/socket hang up/i.test(current.message) ? 'ECONNRESET' : 'ETIMEDOUT');
		}
		current = current.cause as typeof current;
	}
	return codes;
}

/** The host the failed request went to; only the host: the rest of the URL may hold the key. */
function hostInError(error: unknown): string {
	for (
		let current = error as { config?: { url?: unknown }; cause?: unknown } | undefined, depth = 0;
		current && depth < 6;
		depth++
	) {
		if (typeof current.config?.url === 'string') {
			try {
				return new URL(current.config.url).host;
			} catch {
				return '';
			}
		}
		current = current.cause as typeof current;
	}
	return '';
}

/** The whole answer did not arrive before the deadline (headers, or the body still dripping). */
export function timedOut(timeout: number, endpointHost = ''): TransportError {
	const where = endpointHost ? ` (${endpointHost})` : '';
	return new TransportError(
		`${MESSAGES.timeout}: timed out after ${timeout} ms${where}`,
		'timeout',
	);
}

/**
 * Classifies a failure to get any HTTP answer. The message is built here, never copied from the
 * underlying error, whose text and config can carry the request URL or body (and so the key).
 */
export function toTransportError(
	error: unknown,
	endpointHost = hostInError(error),
): TransportError {
	const codes = codesOf(error);
	const failure =
		FAILURE_BY_CODE.find(([pattern]) => codes.some((code) => pattern.test(code)))?.[1] ?? 'other';
	const code = codes.find((candidate) => !candidate.startsWith('ERR_BAD')) ?? codes[0];
	const where = endpointHost ? ` (${endpointHost})` : '';
	// The code stays out of the message: n8n swaps messages that contain one for generic text.
	return new TransportError(`${MESSAGES[failure]}${where}`, failure, code);
}
