/**
 * Runs `task` for every index, at most `limit` at a time. With `firstAlone` the first one runs
 * alone: with a Login credential the first call opens the session that all later calls then
 * share. On the first failure no new task starts; the failure is rethrown once running tasks
 * have settled.
 */
export async function runConcurrently(
	count: number,
	limit: number,
	task: (index: number) => Promise<void>,
	{ firstAlone = true }: { firstAlone?: boolean } = {},
): Promise<void> {
	if (count === 0) return;
	let next = 0;
	if (firstAlone) {
		await task(0);
		next = 1;
	}
	let failure: { error: unknown } | undefined;
	const worker = async () => {
		while (!failure && next < count) {
			const index = next++;
			try {
				await task(index);
			} catch (error) {
				failure ??= { error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count - next)) }, worker));
	if (failure) throw failure.error;
}
