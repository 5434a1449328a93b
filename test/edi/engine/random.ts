/**
 * A seeded generator for the tests that damage or make EDI at random (mulberry32): the same
 * choices on every run, so a failure repeats. `next(n)` is a whole number from 0 to n - 1.
 */
export function seededRandom(seed: number): (below: number) => number {
	let state = seed | 0;
	return (below) => {
		state = (state + 0x6d2b79f5) | 0;
		let value = Math.imul(state ^ (state >>> 15), 1 | state);
		value ^= value + Math.imul(value ^ (value >>> 7), 61 | value);
		return Math.floor((((value ^ (value >>> 14)) >>> 0) / 4294967296) * below);
	};
}
