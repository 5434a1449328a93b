import { readEdi, readItems } from '../../nodes/shared/edi';
import { shipNoticeInterchange } from '../../scripts/bench-edi-file';
import { ediTargets, throughputRatio, type EdiRun } from '../../scripts/bench-edi-targets';

describe('bench-edi: the generated 856 interchange', () => {
	const file = shipNoticeInterchange(300_000);

	it('is at least the size asked, and the same bytes every time', () => {
		expect(file.text.length).toBeGreaterThanOrEqual(300_000);
		expect(file.text.length).toBeLessThan(302_000);
		expect(shipNoticeInterchange(300_000).text).toBe(file.text);
	});

	it('counts its own segments, sets and groups', () => {
		expect(file.text.split('~').filter(Boolean)).toHaveLength(file.segments);
		expect(file.text.match(/~ST\*856\*/g)).toHaveLength(file.sets);
		expect(file.text.match(/~GS\*/g)).toHaveLength(file.groups);
	});

	it('reads as valid ship notices with HL levels down to items', () => {
		const items = readItems(readEdi(file.text), 'set');
		expect(items).toHaveLength(file.sets);
		expect(items.filter((item) => item.status !== 'accepted')).toEqual([]);
		const levels = (items[0].segments as { HL_loop: Array<{ HL: { HL03: string } }> }).HL_loop.map(
			(loop) => loop.HL.HL03,
		);
		expect(levels.slice(0, 4)).toEqual(['S', 'O', 'P', 'I']);
	});

	it('spans several groups when a group would pass 10,000 sets', () => {
		const big = shipNoticeInterchange(10_500 * 900);
		expect(big.groups).toBe(2);
		const [interchange] = readEdi(big.text, { shape: false, validateStructure: false });
		expect(interchange.findings).toEqual([]);
		expect(interchange.groups.map((group) => group.sets.length)).toEqual([
			10_000,
			big.sets - 10_000,
		]);
	});
});

describe('bench-edi: the targets of issues 18 and 19', () => {
	const figures = (changes: Partial<Record<EdiRun, { ms: number; peakMiB: number }>>) => ({
		node: { ms: 2_000, peakMiB: 500 },
		nodeX12: { ms: 8_000, peakMiB: 2_000 },
		x12Parser: { ms: 4_000, peakMiB: 90 },
		splitDropped: { ms: 1_000, peakMiB: 300 },
		split: { ms: 1_000, peakMiB: 600 },
		objects: { ms: 1_000, peakMiB: 400 },
		engine: { ms: 2_000, peakMiB: 400 },
		validate: { ms: 1_000, peakMiB: 150 },
		ack: { ms: 2_000, peakMiB: 300 },
		write: { ms: 1_000, peakMiB: 500 },
		nodeX12Write: { ms: 2_000, peakMiB: 2_000 },
		...changes,
	});

	it('compares throughput on the same file', () => {
		expect(throughputRatio({ ms: 1_000, peakMiB: 0 }, { ms: 3_000, peakMiB: 0 })).toBe(3);
	});

	it('says met on each boundary', () => {
		expect(ediTargets(figures({})).map((line) => line.met)).toEqual([
			true,
			true,
			true,
			true,
			true,
			true,
		]);
	});

	it('says not met just past each boundary', () => {
		const past = figures({
			node: { ms: 2_001, peakMiB: 501 },
			engine: { ms: 2_001, peakMiB: 400 },
			ack: { ms: 2_002, peakMiB: 300 },
			write: { ms: 2_000, peakMiB: 2_000 },
		});
		expect(ediTargets(past).map((line) => [line.met, line.measured])).toEqual([
			[false, '4.00×'],
			[false, '25 %'],
			[false, '2.00×'],
			[false, '1.00× Read'],
			[false, '1.00×'],
			[false, '2000 vs 2000 MiB'],
		]);
	});
});
