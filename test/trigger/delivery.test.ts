import { useSimulator } from '../support/workflows';
import { counters, dropParcels, emittedIds, nextPolls, polls, useTriggers } from './support';

const sim = useSimulator({ demoParcels: false });
const activate = useTriggers(sim);

describe('ECGridOS Trigger: delivery', () => {
	it('starts one run per parcel for 100 parcels arriving over 5 polls, and confirms each once', async () => {
		const trigger = await activate();
		const dropped: number[] = [];
		for (let tick = 0; tick < 5; tick++) {
			dropped.push(...dropParcels(sim(), 20));
			await nextPolls(trigger, sim());
		}
		await trigger.waitFor(
			() => sim().inBox().length === 0,
			20000,
			'every parcel confirmed out of the InBox',
		);
		await trigger.runsSettled();
		expect(emittedIds(trigger).sort()).toEqual([...dropped].sort());
		for (const parcelId of dropped) {
			expect(counters(sim(), parcelId)).toMatchObject({ downloads: 1, confirms: 1, resets: 0 });
		}
		const results = await Promise.all(trigger.executions.map((execution) => execution.result));
		expect(results.filter((result) => result.error !== undefined)).toHaveLength(0);
		expect(trigger.nodeStaticData().parcelLeases).toEqual({});
		expect(polls(sim())).toBeGreaterThanOrEqual(5);
	});
});
