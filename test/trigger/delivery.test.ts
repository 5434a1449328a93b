import { EcGridError } from '../../simulator';
import { PARCEL_HANDLERS } from '../../simulator/operations/parcels';
import { requestsFor, useSimulator } from '../support/workflows';
import {
	counters,
	dropParcels,
	emittedIds,
	nextPolls,
	OWNER,
	polls,
	sleep,
	TRIGGER,
	useTriggers,
} from './support';

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
		// The last confirm's answer may still be on its way when the InBox is empty.
		await trigger.waitFor(
			() => Object.keys(trigger.nodeStaticData().parcelLeases ?? {}).length === 0,
			5000,
			'every lease released',
		);
		expect(polls(sim())).toBeGreaterThanOrEqual(5);
	});
});

describe('ECGridOS Trigger: failures and overlaps', () => {
	it('resets the parcel of a failed run and starts exactly one new run for it', async () => {
		const trigger = await activate();
		// The run fails after ECGridOS marked the parcel downloaded (its answer cut off).
		sim().inject({ operation: 'ParcelDownload', times: 1, kind: 'truncated' });
		const [parcelId] = dropParcels(sim(), 1);
		await trigger.waitFor(() => trigger.executions.length >= 1, 5000, 'the first run');
		expect((await trigger.executions[0].result).error).toBeDefined();
		await trigger.waitFor(() => counters(sim(), parcelId).confirms === 1, 8000, 'the confirm');
		await nextPolls(trigger, sim(), 2);
		expect(emittedIds(trigger)).toEqual([parcelId, parcelId]);
		expect((await trigger.executions[1].result).error).toBeUndefined();
		expect(counters(sim(), parcelId)).toMatchObject({ downloads: 2, confirms: 1, resets: 1 });
	});

	it('offers again, with no reset, the parcel of a run that failed before downloading it', async () => {
		const trigger = await activate();
		sim().inject({ operation: 'ParcelDownload', times: 1, failureRate: 1 });
		const [parcelId] = dropParcels(sim(), 1);
		await trigger.waitFor(() => trigger.executions.length >= 1, 5000, 'the first run');
		expect((await trigger.executions[0].result).error).toBeDefined();
		await trigger.waitFor(() => counters(sim(), parcelId).confirms === 1, 8000, 'the confirm');
		await nextPolls(trigger, sim(), 2);
		expect(emittedIds(trigger)).toEqual([parcelId, parcelId]);
		// Still InBoxReady at the next poll: nothing to reset.
		expect(counters(sim(), parcelId)).toMatchObject({ downloads: 1, confirms: 1, resets: 0 });
		expect(sim().inBox()).toHaveLength(0);
	});

	it('starts one run for a parcel that the InBox lists twice', async () => {
		// A reply listing one parcel twice (a hostile or broken service, or paging that overlaps).
		sim().register('ParcelInBoxEx', (context) => {
			const page = PARCEL_HANDLERS.ParcelInBoxEx(context) as { ParcelIDInfoList: unknown[] };
			return { ...page, ParcelIDInfoList: [...page.ParcelIDInfoList, ...page.ParcelIDInfoList] };
		});
		const trigger = await activate();
		const [parcelId] = dropParcels(sim(), 1);
		await trigger.waitFor(() => counters(sim(), parcelId).confirms >= 1, 5000, 'the confirm');
		await trigger.runsSettled();
		await nextPolls(trigger, sim(), 2);
		expect(emittedIds(trigger)).toEqual([parcelId]);
		expect(requestsFor(sim(), 'ParcelDownload')).toHaveLength(1);
		expect(counters(sim(), parcelId)).toMatchObject({ downloads: 1, confirms: 1, resets: 0 });
	});

	it('does not let a parcel whose runs always fail hold back the newer ones', async () => {
		const [poison] = dropParcels(sim(), 1);
		// Every download of the oldest parcel fails, so each of its runs fails and it is reset.
		sim().register('ParcelDownload', (context) => {
			if (context.params.ParcelID === poison)
				throw new EcGridError('DataError', 'ParcelID', 'The file cannot be read.');
			return PARCEL_HANDLERS.ParcelDownload(context);
		});
		await sleep(10);
		const newer = dropParcels(sim(), 2);
		// One run per poll: the poison parcel, oldest, would take that slot at every poll.
		const trigger = await activate({ trigger: { maxParcels: 1 } });
		await trigger.waitFor(
			() => newer.every((parcelId) => counters(sim(), parcelId).confirms === 1),
			10000,
			'the newer parcels confirmed',
		);
		expect(emittedIds(trigger).filter((parcelId) => parcelId === poison).length).toBeGreaterThan(0);
		expect(sim().parcel(poison)).toMatchObject({ inInBox: true, status: 'InBoxReady' });
	});

	it('keeps the pending confirm of a parcel a partial InBox listing leaves out', async () => {
		const [parcelId] = dropParcels(sim(), 1);
		const trigger = await activate({ trigger: { options: { recoverMinutes: 0.01 } } });
		// The run succeeds; its confirm is refused twice, so the parcel waits with a pending confirm.
		sim().inject({
			operation: 'ParcelDownloadConfirm',
			times: 2,
			kind: 'ecgridError',
			retCode: 'InternalError',
		});
		await trigger.waitFor(
			() => requestsFor(sim(), 'ParcelDownloadConfirm').length === 1,
			5000,
			'the first confirm',
		);
		// An older parcel arrives, and ECGridOS answers the listing one parcel per page: the reply
		// says it holds 1 of 2 records. The parcel with the pending confirm is not on it.
		const [older] = dropParcels(sim(), 1);
		sim().world.parcels.get(older)!.date = new Date(Date.now() - 3_600_000);
		sim().register('ParcelInBoxEx', (context) => {
			const page = PARCEL_HANDLERS.ParcelInBoxEx(context) as { ParcelIDInfoList: unknown[] };
			const total = page.ParcelIDInfoList.length;
			return {
				...page,
				PageSize: 1,
				Count: Math.min(1, total),
				TotalRecords: total,
				TotalPages: total,
				ParcelIDInfoList: page.ParcelIDInfoList.slice(0, 1),
			};
		});
		await trigger.waitFor(
			() => [parcelId, older].every((id) => counters(sim(), id).confirms >= 1),
			15000,
			'both parcels confirmed',
		);
		await nextPolls(trigger, sim(), 3);
		await trigger.runsSettled();
		// Left off a page is not gone: the parcel's run delivered it, and it is not run again.
		expect(counters(sim(), parcelId)).toMatchObject({ downloads: 1, resets: 0 });
		expect(emittedIds(trigger).filter((id) => id === parcelId)).toHaveLength(1);
		expect(sim().inBox()).toHaveLength(0);
	});

	it('does not start a second run for a parcel its run confirmed while the InBox listing was on its way', async () => {
		// ECGridOS lists the InBox when it gets the request; the reply reaches n8n 1.5 s later (a
		// slow link, a big InBox). The run downloads the parcel and is confirmed within that time.
		sim().register('ParcelInBoxEx', async (context) => {
			const page = PARCEL_HANDLERS.ParcelInBoxEx(context);
			await sleep(1500);
			return page;
		});
		sim().inject({ operation: 'ParcelDownload', times: 1, latencyMs: 1000 });
		const trigger = await activate();
		const [parcelId] = dropParcels(sim(), 1);
		await trigger.waitFor(() => counters(sim(), parcelId).confirms >= 1, 8000, 'the confirm');
		// The listing sent before the confirm still shows the parcel InBoxReady.
		await nextPolls(trigger, sim(), 3);
		await trigger.runsSettled();
		expect(emittedIds(trigger)).toEqual([parcelId]);
		expect(counters(sim(), parcelId)).toMatchObject({ downloads: 1, confirms: 1, resets: 0 });
	});

	it('does not start a second run while a slow run holds the parcel', async () => {
		const trigger = await activate();
		sim().inject({ operation: 'ParcelDownload', times: 1, latencyMs: 3500 });
		const [parcelId] = dropParcels(sim(), 1);
		await trigger.waitFor(() => trigger.executions.length === 1, 5000, 'the run');
		const before = polls(sim());
		await trigger.executions[0].result;
		// The polls during the run saw the parcel (downloading it takes 3.5 s) and left it alone.
		expect(polls(sim()) - before).toBeGreaterThanOrEqual(2);
		await trigger.waitFor(() => counters(sim(), parcelId).confirms === 1, 5000, 'the confirm');
		await nextPolls(trigger, sim());
		expect(emittedIds(trigger)).toEqual([parcelId]);
		expect(counters(sim(), parcelId)).toMatchObject({ downloads: 1, confirms: 1, resets: 0 });
	});

	it('skips the ticks that come while a slow poll is still listing the InBox', async () => {
		const trigger = await activate();
		await nextPolls(trigger, sim());
		const slowFrom = polls(sim());
		sim().inject({ operation: 'ParcelInBoxEx', times: 1, latencyMs: 2600 });
		const dropped = dropParcels(sim(), 3);
		await nextPolls(trigger, sim());
		// Two or three ticks fire during the slow answer: none of them sends a second listing.
		await sleep(2400);
		expect(polls(sim())).toBe(slowFrom + 1);
		await trigger.waitFor(() => sim().inBox().length === 0, 6000, 'all three confirmed');
		await nextPolls(trigger, sim());
		expect(emittedIds(trigger).sort()).toEqual(dropped.sort());
	});

	it('keeps polling after a failed poll and saves only the first failure of a streak', async () => {
		const trigger = await activate();
		sim().inject({ operation: 'ParcelInBoxEx', times: 2, failureRate: 1 });
		await trigger.waitFor(() => polls(sim()) >= 3, 6000, 'a poll after two failures');
		const [parcelId] = dropParcels(sim(), 1);
		await trigger.waitFor(() => counters(sim(), parcelId).confirms === 1, 5000, 'the confirm');
		expect(trigger.emittedErrors).toHaveLength(0);
		expect(trigger.failedExecutions).toHaveLength(1);
		const text = JSON.stringify(trigger.failedExecutions[0]) + trigger.failedExecutions[0].message;
		// A NodeApiError from the node's one error model: the Executions list shows what ECGrid said.
		expect(trigger.failedExecutions[0].constructor.name).toBe('NodeApiError');
		expect(trigger.failedExecutions[0].message).toMatch(/Simulated transient failure/);
		expect(text).not.toContain(sim().world.apiKeyOf(OWNER.userId)!);
	});

	it('offers a parcel again once the lease of a run cut off by a restart runs out', async () => {
		// The state n8n's saved static data holds after main crashed mid-run: the parcel was
		// downloaded (InBoxTransferred), its lease still stands for another 4 s.
		const [parcelId] = dropParcels(sim(), 1);
		const staticData = {
			[`node:${TRIGGER}`]: { parcelLeases: { [parcelId]: Date.now() + 4000 } },
		};
		markDownloaded(parcelId);
		const trigger = await activate({ staticData });
		await nextPolls(trigger, sim());
		expect(trigger.executions).toHaveLength(0);
		await trigger.waitFor(() => counters(sim(), parcelId).confirms === 1, 6000, 'the confirm');
		expect(emittedIds(trigger)).toEqual([parcelId]);
		expect(counters(sim(), parcelId)).toMatchObject({ downloads: 2, resets: 1, confirms: 1 });
	});
});

/** Downloads the parcel over the wire, as the run that was cut off did. */
function markDownloaded(parcelId: number) {
	sim().world.parcels.get(parcelId)!.status = 'InBoxTransferred';
	sim().world.parcels.get(parcelId)!.counters.downloads++;
}
