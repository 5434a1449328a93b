import type { RetCodeName } from './errors';
import type { FaultInjection } from './types';

export type InjectedAction = 'none' | 'fail' | NonNullable<FaultInjection['kind']>;

export interface InjectionOutcome {
	latencyMs: number;
	action: InjectedAction;
	/** The RetCode of an injected `ecgridError`. */
	retCode?: RetCodeName;
}

interface ActiveInjection {
	fault: FaultInjection;
	remaining: number;
}

/** mulberry32: tiny seeded PRNG, so `failureRate` fails the same requests on every run. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Active fault injections, applied in the order they were added. Every matching injection counts
 * the request against its `times` and adds its latency; the first one that decides to fail (by
 * `failureRate` or `kind`) picks the outcome. `{ kind: 'drop', failureRate: 0.3 }` drops 30 %.
 */
export class InjectionBook {
	private active: ActiveInjection[] = [];
	private readonly random: () => number;

	constructor(seed: number) {
		this.random = seededRandom(seed);
	}

	add(fault: FaultInjection): void {
		if (fault.failureRate !== undefined && !(fault.failureRate >= 0 && fault.failureRate <= 1)) {
			throw new RangeError('failureRate must be between 0 and 1');
		}
		if (fault.times !== undefined && !(Number.isInteger(fault.times) && fault.times > 0)) {
			throw new RangeError('times must be a positive integer');
		}
		this.active.push({ fault: { ...fault }, remaining: fault.times ?? Infinity });
	}

	clear(): void {
		this.active = [];
	}

	/** Decide what happens to one request for `operation` (undefined if it named none). */
	take(operation: string | undefined): InjectionOutcome {
		const outcome: InjectionOutcome = { latencyMs: 0, action: 'none' };
		for (const injection of this.active) {
			const { fault } = injection;
			if (fault.operation !== undefined && fault.operation !== operation) continue;
			injection.remaining--;
			outcome.latencyMs += fault.latencyMs ?? 0;
			if (outcome.action !== 'none') continue;
			// With both set, `failureRate` is the probability and `kind` the way it fails.
			if (fault.failureRate !== undefined) {
				if (this.random() < fault.failureRate) outcome.action = fault.kind ?? 'fail';
			} else if (fault.kind !== undefined) {
				outcome.action = fault.kind;
			}
			if (outcome.action === 'ecgridError') outcome.retCode = fault.retCode ?? 'InternalError';
		}
		this.active = this.active.filter((injection) => injection.remaining > 0);
		return outcome;
	}
}
