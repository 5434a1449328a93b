import {
	matchTable,
	medianCells,
	throughputTable,
	type WanCell,
} from '../../../scripts/bench-wan-report';

const cell = (
	concurrency: number,
	node: number,
	keepAlive: number,
	newPerCall: number,
	cpuMsPerCall = 2,
): WanCell => ({
	rttMs: 50,
	concurrency,
	items: concurrency * 5,
	node: { itemsPerSecond: node, cpuMsPerCall },
	keepAlive: { itemsPerSecond: keepAlive, cpuMsPerCall: cpuMsPerCall / 4 },
	newPerCall: { itemsPerSecond: newPerCall, cpuMsPerCall: cpuMsPerCall / 2 },
});

const rowOf = (table: string, first: string, second: string) =>
	table
		.split('\n')
		.map((line) => line.trim().split(/\s+/))
		.find((cells) => cells[0] === first && cells[1] === second);

describe('bench-wan-report', () => {
	it('takes each figure’s median over the runs, cell by cell', () => {
		const runs = [
			[cell(1, 6, 18, 5, 2), cell(3, 16, 50, 17, 4)],
			[cell(1, 4, 20, 7, 3), cell(3, 18, 53, 15, 8)],
			[cell(1, 5, 19, 6, 1), cell(3, 30, 51, 19, 6)],
		];
		expect(medianCells(runs)).toEqual([cell(1, 5, 19, 6, 2), cell(3, 18, 51, 17, 6)]);
	});

	it('prints the node’s ratios to both bare clients, 1,000 items’ time and CPU per call', () => {
		const table = throughputTable([cell(1, 6.25, 18.75, 6.25, 2.5)]);
		expect(rowOf(table, '50', '1')).toEqual([
			'50',
			'1',
			'6.3',
			'19',
			'6.3',
			'0.33',
			'1.00',
			'160',
			'2.50',
			'1.25',
		]);
	});

	it('sets the node at 3 × C beside the keep-alive client at C where the matrix has both', () => {
		const table = matchTable([cell(1, 6, 18, 6), cell(3, 16, 53, 18), cell(8, 40, 140, 45)]);
		expect(rowOf(table, '50', '1')).toEqual(['50', '1', '18', '3', '16', '0.89']);
		expect(rowOf(table, '50', '3')).toBeUndefined();
	});
});
