/** Small numeric helpers for scripts/bench.ts. */

export function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs task(0..n-1) with at most `concurrency` in flight. */
export async function runPool(
	n: number,
	concurrency: number,
	task: (index: number) => Promise<void>,
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < n) await task(next++);
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
}

/** A plain-text table: first row is the header. */
export function formatTable(rows: string[][]): string {
	const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
	const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ');
	return [
		line(rows[0]),
		widths.map((width) => '-'.repeat(width)).join('  '),
		...rows.slice(1).map(line),
	].join('\n');
}
