/**
 * Coordinates session refreshes across the items of one execution: when several in-flight calls
 * hit an expired session together, exactly one re-login happens; the others wait for it and
 * retry on the new session. After a failed Login, no item tries again (unclosed or repeated
 * logins lock ECGridOS users out).
 */
export class SessionGate {
	private generation = 0;

	private queue: Promise<void> = Promise.resolve();

	private loginFailure: Error | undefined;

	/** Tag taken before a call is sent; tells later whether a refresh happened since. */
	get currentGeneration(): number {
		return this.generation;
	}

	throwIfLoginFailed(): void {
		if (this.loginFailure) throw this.loginFailure;
	}

	recordLoginFailure(error: Error): void {
		this.loginFailure ??= error;
	}

	/**
	 * Retries a call that met an expired session. `retry(true)` forces the re-login; when another
	 * call already refreshed since `sentAt`, `retry(false)` simply uses the fresh session.
	 */
	async refreshAndRetry<T>(
		sentAt: number,
		retry: (forceRefresh: boolean) => Promise<T>,
	): Promise<T> {
		const previous = this.queue;
		let release!: () => void;
		this.queue = new Promise((resolve) => (release = resolve));
		await previous;
		try {
			this.throwIfLoginFailed();
			if (this.generation !== sentAt) return await retry(false);
			this.generation++;
			return await retry(true);
		} finally {
			release();
		}
	}
}
