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

/** What one client did in one measurement. */
export interface WanFigure {
	itemsPerSecond: number;
	/** CPU (user + system) of the client's process per call. */
	cpuMsPerCall: number;
}

/** One round-trip time and Concurrency: each client's figures. */
export interface WanCell {
	rttMs: number;
	concurrency: number;
	items: number;
	/** The ECGridOS node in an n8n-core workflow (n8n's request helpers). */
	node: WanFigure;
	/** A bare client keeping its connections alive. */
	keepAlive: WanFigure;
	/** A bare client opening a connection per call. */
	newPerCall: WanFigure;
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const medianFigure = (figures: WanFigure[]): WanFigure => ({
	itemsPerSecond: median(figures.map((figure) => figure.itemsPerSecond)),
	cpuMsPerCall: median(figures.map((figure) => figure.cpuMsPerCall)),
});

/** Each figure's median over several runs of the same matrix, cell by cell. */
export function medianCells(runs: WanCell[][]): WanCell[] {
	return runs[0].map((cell, index) => {
		const same = runs.map((run) => run[index]);
		return {
			...cell,
			node: medianFigure(same.map((run) => run.node)),
			keepAlive: medianFigure(same.map((run) => run.keepAlive)),
			newPerCall: medianFigure(same.map((run) => run.newPerCall)),
		};
	});
}

const rate = (value: number) => value.toFixed(value < 10 ? 1 : 0);
const ratio = (value: number) => value.toFixed(2);

/**
 * Per RTT and Concurrency: items/s of the three clients, the node's ratios, 1,000 items' time,
 * and CPU per call of the node and of the bare client that also opens a connection per call.
 */
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
			'node CPU ms/call',
			'new conn. CPU ms/call',
		],
	];
	for (const { rttMs, concurrency, node, keepAlive, newPerCall } of cells) {
		rows.push([
			String(rttMs),
			String(concurrency),
			rate(node.itemsPerSecond),
			rate(keepAlive.itemsPerSecond),
			rate(newPerCall.itemsPerSecond),
			ratio(node.itemsPerSecond / keepAlive.itemsPerSecond),
			ratio(node.itemsPerSecond / newPerCall.itemsPerSecond),
			(1000 / node.itemsPerSecond).toFixed(0),
			node.cpuMsPerCall.toFixed(2),
			newPerCall.cpuMsPerCall.toFixed(2),
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
			rate(kept.keepAlive.itemsPerSecond),
			String(node.concurrency),
			rate(node.node.itemsPerSecond),
			ratio(node.node.itemsPerSecond / kept.keepAlive.itemsPerSecond),
		]);
	}
	return formatTable(rows);
}
