import { runConcurrently } from '../../nodes/EcGridOs/helpers/runConcurrently';

const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

describe('runConcurrently', () => {
	it('runs the first task alone, then at most `limit` at once', async () => {
		let running = 0;
		let peak = 0;
		const log: string[] = [];
		await runConcurrently(10, 3, async (index) => {
			running++;
			peak = Math.max(peak, running);
			log.push(`start ${index}`);
			await tick();
			log.push(`end ${index}`);
			running--;
		});
		expect(log.slice(0, 2)).toEqual(['start 0', 'end 0']);
		expect(peak).toBe(3);
		expect(log.filter((line) => line.startsWith('end'))).toHaveLength(10);
	});

	it('starts nothing new after a failure and rethrows it', async () => {
		const started: number[] = [];
		await expect(
			runConcurrently(20, 2, async (index) => {
				started.push(index);
				await tick();
				if (index === 3) throw new Error('item 3 failed');
			}),
		).rejects.toThrow('item 3 failed');
		expect(started.length).toBeLessThan(20);
	});
});

describe('runConcurrently without firstAlone', () => {
	it('starts the first `limit` tasks at once', async () => {
		const started: number[] = [];
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		const run = runConcurrently(
			5,
			3,
			async (index) => {
				started.push(index);
				await gate;
			},
			{ firstAlone: false },
		);
		await tick();
		expect(started).toEqual([0, 1, 2]);
		release();
		await run;
		expect(started.sort()).toEqual([0, 1, 2, 3, 4]);
	});
});
