import { EcGridOsError, ParameterTypeError } from '../soap';
import { LoginFailedError } from './loginFailedError';

/**
 * Errors that our credential code throws inside n8n's request wrapper (a failed Login in
 * preAuthentication, an unsignable call in authenticate) reach the node wrapped in n8n's own
 * NodeApiError. n8n-workflow 2.41 keeps the original as `cause`; 2.8 drops it and keeps only the
 * message. So each such error is also remembered here by its message, for the node to recover.
 */
const recentByMessage = new Map<string, Error>();
const REMEMBERED = 64;

/** Remembers an error on its way through n8n's wrapper; returns it, for `throw`. */
export function passThroughN8n<T extends Error>(error: T): T {
	recentByMessage.delete(error.message);
	recentByMessage.set(error.message, error);
	if (recentByMessage.size > REMEMBERED) {
		recentByMessage.delete(recentByMessage.keys().next().value as string);
	}
	return error;
}

function isOwn(error: unknown): error is Error {
	return (
		error instanceof EcGridOsError ||
		error instanceof LoginFailedError ||
		error instanceof ParameterTypeError
	);
}

/** Our own error inside whatever n8n made of it, or undefined when it is not one of ours. */
export function recoverOwnError(error: unknown): Error | undefined {
	for (
		let current = error as { cause?: unknown; message?: unknown } | undefined, depth = 0;
		current && depth < 6;
		depth++
	) {
		if (isOwn(current)) return current;
		const remembered =
			typeof current.message === 'string' ? recentByMessage.get(current.message) : undefined;
		if (remembered) return remembered;
		current = current.cause as typeof current;
	}
	return undefined;
}
