/**
 * ParcelIDs are xs:long: past 2^53 a JS number cannot hold them, and 2^53 + 700001 and
 * 2^53 + 700002 are the same number. The simulator adds 2^53 to every ParcelID on the wire.
 */
import { useSimulator } from '../support/workflows';
import { counters, dropParcels, useTriggers } from './support';

const BASE = 2n ** 53n;
const sim = useSimulator({ demoParcels: false, parcelIdBase: BASE });
const activate = useTriggers(sim);

describe('ECGridOS Trigger: ParcelIDs past 2^53', () => {
	it('starts one run per parcel, with its exact ID, and confirms each parcel once', async () => {
		const trigger = await activate();
		const dropped = dropParcels(sim(), 4);
		await trigger.waitFor(() => sim().inBox().length === 0, 10000, 'every parcel confirmed');
		await trigger.runsSettled();
		const emitted = trigger.executions.map((execution) => execution.items[0]?.parcelId);
		expect(emitted.sort()).toEqual(dropped.map((id) => (BASE + BigInt(id)).toString()).sort());
		const results = await Promise.all(trigger.executions.map((execution) => execution.result));
		expect(results.filter((result) => result.error !== undefined)).toHaveLength(0);
		for (const parcelId of dropped)
			expect(counters(sim(), parcelId)).toMatchObject({ downloads: 1, confirms: 1, resets: 0 });
		await trigger.waitFor(
			() => Object.keys(trigger.nodeStaticData().parcelLeases ?? {}).length === 0,
			5000,
			'every lease released',
		);
	});
});
