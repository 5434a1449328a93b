/** Waiting in the e2e runs: a pause, and a condition polled until it holds or time runs out. */
export const sleep = async (ms: number) => await new Promise((done) => setTimeout(done, ms));

/** Checks `test` every 250 ms; resolves with its last answer once it holds or `timeoutMs` passed. */
export async function waitFor(test: () => boolean, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (test()) return true;
		await sleep(250);
	}
	return test();
}
