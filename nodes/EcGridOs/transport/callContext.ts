import type { OperationCall } from '../soap';

/** Which call an error came from, so its message can name the operation and the input. */
const callOf = new WeakMap<object, OperationCall>();

/** Tags an error with its call; returns it, for `throw`. */
export function rememberCall<T>(error: T, call: OperationCall): T {
	if (typeof error === 'object' && error !== null && !callOf.has(error)) callOf.set(error, call);
	return error;
}

/**
 * Parameters that are never quoted in an error, whatever the operation. A recovery answer resets
 * the user's password: it is a secret (a masked field in the editor).
 */
const SECRET_PARAMETER = /session|password|key|secret|token|answer|content|data|bytes/i;

/**
 * "GenerateAPIKey for UserID 1002": the operation and its short identifying inputs (at most
 * three; never secrets or payloads), or undefined when the error carries no call.
 */
export function callLabelOf(error: unknown): string | undefined {
	const call = typeof error === 'object' && error !== null ? callOf.get(error) : undefined;
	if (!call) return undefined;
	const inputs = Object.entries(call.parameters)
		.filter(([name, value]) => !SECRET_PARAMETER.test(name) && String(value).length <= 40)
		.slice(0, 3)
		.map(
			([name, value]) => `${name} ${value instanceof Date ? value.toISOString() : String(value)}`,
		);
	return inputs.length > 0 ? `${call.operation} for ${inputs.join(', ')}` : call.operation;
}
