import { describeEnd, endDetail, run, tail } from '../../../scripts/e2e/proc';

const node = process.execPath;

describe('scripts/e2e/proc.ts run()', () => {
	it('reports an exit code, and no signal, for a process that exits by itself', async () => {
		const result = await run(node, [
			'-e',
			'console.log("out"); console.error("err"); process.exit(3)',
		]);
		expect(result).toMatchObject({ code: 3, signal: null, timedOut: false });
		expect(result.stdout).toBe('out\n');
		expect(result.stderr).toBe('err\n');
		expect(describeEnd(result)).toBe('exit 3');
	});

	it('names the signal that ended a process and keeps what it printed before', async () => {
		const script = 'console.log("result printed"); process.kill(process.pid, "SIGSEGV")';
		const result = await run(node, ['-e', script]);
		expect(result).toMatchObject({ code: null, signal: 'SIGSEGV', timedOut: false });
		expect(describeEnd(result)).toBe('ended by signal SIGSEGV');
		expect(endDetail(result)).toMatch(
			/^ended by signal SIGSEGV; last 40 lines .*\nresult printed$/,
		);
	});

	it('tells our own timeout apart from a crash', async () => {
		const result = await run(node, ['-e', 'setTimeout(() => undefined, 60_000)'], {
			timeoutMs: 300,
		});
		expect(result).toMatchObject({ code: null, signal: 'SIGTERM', timedOut: true });
		expect(describeEnd(result)).toBe('timed out (our timeout), then ended by signal SIGTERM');
		expect(result.output).toContain('[e2e] timed out after 300 ms');
	});

	it('keeps stdout and stderr interleaved in arrival order, and tail() keeps the last lines', async () => {
		// A pause after each write, so that the order in which we read the two pipes is settled.
		const script =
			'const w = (s, t) => new Promise((d) => s.write(t, () => setTimeout(d, 100)));' +
			'(async () => { await w(process.stdout, "1\\n"); await w(process.stderr, "2\\n"); await w(process.stdout, "3\\n"); })()';
		const result = await run(node, ['-e', script]);
		expect(result.output).toBe('1\n2\n3\n');
		expect(tail(result.output, 2)).toBe('2\n3');
		expect(endDetail(result, 1)).toBe('exit 0; last 1 lines of its output:\n3');
	});
});
