/** The WAN bench's figures: what the client process measures, their medians, the tables. */
import { formatTable } from './bench-stats';

export interface WanSpec {
	/** The simulator's endpoint behind each round-trip time, by RTT in ms. */
	urls: Record<string, string>;
	rttsMs: number[];
	concurrencies: number[];
	/** Calls per measurement: Concurrency × rounds. */
	rounds: number;
}

/** One round-trip time and Concurrency: items/s of each client. */
export interface WanCell {
	rttMs: number;
	concurrency: number;
	items: number;
	/** The ECGridOS node in an n8n-core workflow (n8n's request helpers). */
	node: number;
	/** A bare client keeping its connections alive. */
	keepAlive: number;
	/** A bare client opening a connection per call. */
	newPerCall: number;
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Each cell's median over several runs of the same matrix. */
export function medianCells(runs: WanCell[][]): WanCell[] {
	return runs[0].map((cell, index) => {
		const same = runs.map((run) => run[index]);
		return {
			...cell,
			node: median(same.map((run) => run.node)),
			keepAlive: median(same.map((run) => run.keepAlive)),
			newPerCall: median(same.map((run) => run.newPerCall)),
		};
	});
}

const rate = (value: number) => value.toFixed(value < 10 ? 1 : 0);
const ratio = (value: number) => value.toFixed(2);

/** Per RTT and Concurrency: items/s of the three clients, the node's ratios, 1,000 items' time. */
export function throughputTable(cells: WanCell[]): string {
	const rows = [
		[
			'RTT ms',
			'C',
			'node items/s',
			'keep-alive',
			'new conn.',
			'node/keep-alive',
			'node/new conn.',
			'1,000 items s',
		],
	];
	for (const cell of cells) {
		rows.push([
			String(cell.rttMs),
			String(cell.concurrency),
			rate(cell.node),
			rate(cell.keepAlive),
			rate(cell.newPerCall),
			ratio(cell.node / cell.keepAlive),
			ratio(cell.node / cell.newPerCall),
			(1000 / cell.node).toFixed(0),
		]);
	}
	return formatTable(rows);
}

/**
 * The node at 3 × C against a keep-alive client at C, wherever the matrix has both: a new
 * connection costs about three round trips to a kept one's one.
 */
export function matchTable(cells: WanCell[]): string {
	const rows = [
		['RTT ms', 'keep-alive C', 'its items/s', 'node C', 'node items/s', 'node/keep-alive'],
	];
	for (const kept of cells) {
		const node = cells.find(
			(cell) => cell.rttMs === kept.rttMs && cell.concurrency === 3 * kept.concurrency,
		);
		if (node === undefined) continue;
		rows.push([
			String(kept.rttMs),
			String(kept.concurrency),
			rate(kept.keepAlive),
			String(node.concurrency),
			rate(node.node),
			ratio(node.node / kept.keepAlive),
		]);
	}
	return formatTable(rows);
}
