/**
 * The keys and session IDs a failed call was actually signed with. The credential may have changed
 * since (a key replaced in n8n while a run or a trigger's confirm was under way; a session renewed
 * by another execution), and a server echoes what it received, not what the credential holds now.
 * Kept beside the error, never on it, so that nothing serialises them.
 */
const sentWith = new WeakMap<object, string[]>();

/** Adds the secrets a call was signed with to its error; returns the error, for `throw`. */
export function rememberSentSecrets<T>(error: T, secrets: ReadonlyArray<string | undefined>): T {
	if (typeof error !== 'object' || error === null) return error;
	const known = sentWith.get(error) ?? [];
	for (const secret of secrets) if (secret && !known.includes(secret)) known.push(secret);
	sentWith.set(error, known);
	return error;
}

export function sentSecretsOf(error: unknown): string[] {
	return typeof error === 'object' && error !== null ? (sentWith.get(error) ?? []) : [];
}
