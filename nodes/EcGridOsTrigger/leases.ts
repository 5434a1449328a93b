import type { IDataObject } from 'n8n-workflow';

import { parcelKeyOf, type ParcelKey } from './parcelKey';
import type { SettleAction } from './settle';

/** Where in the node's static data the leases live: parcel ID → lease. */
const LEASES_KEY = 'parcelLeases';

/** A parcel held for a run, as saved in the node's static data. */
export interface Lease {
	/** When the hold ends (ms since epoch); doubles as the lease's identity. */
	until: number;
	/** A confirm or reset that has not reached ECGridOS yet: the parcel stays held until it does. */
	settle?: SettleAction;
	/** Failed attempts at `settle` so far. */
	tries?: number;
	/** Not before this time (ms) is `settle` tried again. */
	retryAt?: number;
}

function readLease(value: unknown): Lease | undefined {
	// Saved by an earlier version as the bare expiry.
	if (typeof value === 'number') return { until: value };
	if (value === null || typeof value !== 'object') return undefined;
	const { until, settle, tries, retryAt } = value as Record<string, unknown>;
	if (typeof until !== 'number') return undefined;
	return {
		until,
		...(settle === 'confirm' || settle === 'reset' ? { settle } : {}),
		...(typeof tries === 'number' ? { tries } : {}),
		...(typeof retryAt === 'number' ? { retryAt } : {}),
	};
}

/**
 * Parcels this trigger has started a run for and not yet settled, kept in the node's static data
 * so that they survive a restart. n8n saves static data only when it sees a change, and it sees
 * only writes to objects it wrapped when it loaded the data: every change here assigns a new map
 * to the top-level key, which n8n always notices (saved at the next emit).
 *
 * A lease's `until` doubles as its identity: a run releases only its own lease, never the one a
 * later run took after the first had expired.
 */
export class Leases {
	private map: Map<ParcelKey, Lease>;

	constructor(private readonly staticData: IDataObject) {
		const saved = staticData[LEASES_KEY];
		const entries =
			saved !== null && typeof saved === 'object' && !Array.isArray(saved)
				? Object.entries(saved as Record<string, unknown>)
				: [];
		this.map = new Map();
		for (const [id, value] of entries) {
			const lease = readLease(value);
			const parcelId = parcelKeyOf(id);
			if (lease && parcelId !== undefined) this.map.set(parcelId, lease);
		}
	}

	private save(): void {
		const plain: Record<string, Lease> = {};
		for (const [parcelId, lease] of this.map) plain[parcelId] = { ...lease };
		this.staticData[LEASES_KEY] = plain;
	}

	get(parcelId: ParcelKey): Lease | undefined {
		return this.map.get(parcelId);
	}

	/** Every lease, live, expired or waiting to settle. */
	entries(): Array<[ParcelKey, Lease]> {
		return [...this.map];
	}

	/** True while a run holds the parcel or its confirm or reset is still to be done. */
	isHeld(parcelId: ParcelKey, now: number): boolean {
		const lease = this.map.get(parcelId);
		return lease !== undefined && (lease.settle !== undefined || lease.until > now);
	}

	/** Leases the parcel until `until`; returns the lease. */
	take(parcelId: ParcelKey, until: number): number {
		this.map.set(parcelId, { until });
		this.save();
		return until;
	}

	/** True while `lease` is still the parcel's lease (no later run took it over). */
	isCurrent(parcelId: ParcelKey, lease: number): boolean {
		return this.map.get(parcelId)?.until === lease;
	}

	/** Moves the end of a lease no run of this process holds (its identity no longer matters). */
	shorten(parcelId: ParcelKey, until: number): void {
		const current = this.map.get(parcelId);
		if (!current || current.until <= until) return;
		this.map.set(parcelId, { ...current, until });
		this.save();
	}

	/** Ends the lease if it is still the one taken and has nothing left to settle. */
	release(parcelId: ParcelKey, lease: number): void {
		const current = this.map.get(parcelId);
		if (current?.until !== lease || current.settle !== undefined) return;
		this.drop(parcelId);
	}

	/** Forgets the parcel, whoever held it: it is settled, or gone from the InBox. */
	drop(parcelId: ParcelKey): void {
		if (this.map.delete(parcelId)) this.save();
	}

	/**
	 * Holds the parcel for `action`, to be done at the next poll (none tried yet): that poll's
	 * listing says whether it is still needed.
	 */
	owe(parcelId: ParcelKey, action: SettleAction, now: number): void {
		const current = this.map.get(parcelId);
		this.map.set(parcelId, { until: current?.until ?? now, settle: action, retryAt: now });
		this.save();
	}

	/** Holds the parcel until `action` has reached ECGridOS, next tried at `retryAt`. */
	pend(
		parcelId: ParcelKey,
		action: SettleAction,
		now: number,
		delayFor: (tries: number) => number,
	) {
		const current = this.map.get(parcelId);
		const tries = (current?.settle === action ? (current.tries ?? 0) : 0) + 1;
		this.map.set(parcelId, {
			until: current?.until ?? now,
			settle: action,
			tries,
			retryAt: now + delayFor(tries),
		});
		this.save();
		return tries;
	}
}
