import type { IDataObject } from 'n8n-workflow';

/** Where in the node's static data the leases live: parcel ID → lease expiry (ms since epoch). */
const LEASES_KEY = 'parcelLeases';

/**
 * Parcels this trigger has started a run for and not yet settled. The map lives in the node's
 * static data, which n8n saves whenever the trigger emits: after a restart the leases of runs cut
 * off by it are still there and hold their parcels back until they expire.
 *
 * A lease's expiry doubles as its identity: a run releases only its own lease, never the one a
 * later run took after the first had expired.
 */
export class Leases {
	constructor(private readonly staticData: IDataObject) {}

	private get map(): Record<string, number> {
		const current = this.staticData[LEASES_KEY];
		if (current !== null && typeof current === 'object' && !Array.isArray(current))
			return current as Record<string, number>;
		const fresh: Record<string, number> = {};
		this.staticData[LEASES_KEY] = fresh;
		return fresh;
	}

	/** True while a run holds the parcel. */
	isHeld(parcelId: number, now: number): boolean {
		const expiry = this.map[String(parcelId)];
		return typeof expiry === 'number' && expiry > now;
	}

	/** Leases the parcel until `expiry`; returns the lease. */
	take(parcelId: number, expiry: number): number {
		this.map[String(parcelId)] = expiry;
		return expiry;
	}

	/** Ends the lease if it is still the one taken (a later lease on the same parcel stays). */
	release(parcelId: number, lease: number): void {
		if (this.map[String(parcelId)] === lease) delete this.map[String(parcelId)];
	}

	/** The leases whose time is up: parcel ID and lease. */
	expired(now: number): Array<{ parcelId: number; lease: number }> {
		return Object.entries(this.map)
			.filter(([, expiry]) => typeof expiry !== 'number' || expiry <= now)
			.map(([id, expiry]) => ({ parcelId: Number(id), lease: expiry }));
	}

	/** Every parcel ID under a lease, live or not (tests and manual runs read it). */
	parcelIds(): number[] {
		return Object.keys(this.map).map(Number);
	}
}
