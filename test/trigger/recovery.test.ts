import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../harness';
import { requestsFor, useSimulator } from '../support/workflows';
import {
	counters,
	dropParcels,
	emittedIds,
	nextPolls,
	ownerCredential,
	receiveWorkflow,
	TRIGGER,
	useTriggers,
} from './support';

const sim = useSimulator({ demoParcels: false });
const activate = useTriggers(sim);

const NODE_KEY = `node:${TRIGGER}`;
/** Short enough for a test: leases of 3 s, recovery after 2 s. */
const SHORT = { options: { leaseMinutes: 0.05, recoverMinutes: 0.035 } };

const savedLeases = (saved: IDataObject) =>
	Object.keys(((saved[NODE_KEY] ?? {}) as IDataObject).parcelLeases ?? {}).map(Number);

const slowDownloads = (times: number, latencyMs: number) =>
	sim().inject({ operation: 'ParcelDownload', times, latencyMs });

const confirmedOnce = (parcelIds: number[]) => () =>
	parcelIds.every((id) => counters(sim(), id).confirms === 1);

describe('ECGridOS Trigger: leases survive a crash', () => {
	it('saves the lease of every run it starts, not only those of the first poll', async () => {
		const trigger = await activate();
		slowDownloads(5, 2500);
		const first = dropParcels(sim(), 2);
		await trigger.waitFor(() => trigger.executions.length === 2, 5000, 'the first two runs');
		const later = dropParcels(sim(), 3);
		await trigger.waitFor(() => trigger.executions.length === 5, 5000, 'three more runs');
		// What n8n's database holds now: saved at each emit, as far as n8n noticed a change.
		expect(savedLeases(trigger.savedStaticData()).sort()).toEqual([...first, ...later].sort());
	});

	it('offers again, after a restart, every parcel whose run the crash cut off', async () => {
		const crashed = await activate({ trigger: SHORT });
		slowDownloads(4, 1500);
		const first = dropParcels(sim(), 2);
		await nextPolls(crashed, sim());
		const later = dropParcels(sim(), 2);
		await crashed.waitFor(() => crashed.executions.length === 4, 5000, 'four runs');
		await crashed.crash();
		await crashed.runsSettled();
		const all = [...first, ...later];
		// The runs downloaded their parcels; their ends were never reported, nothing is confirmed.
		expect(all.map((id) => sim().parcel(id)!.status)).toEqual(all.map(() => 'InBoxTransferred'));

		const restarted = await activate({ trigger: SHORT, staticData: crashed.savedStaticData() });
		await restarted.waitFor(confirmedOnce(all), 15000, 'every parcel confirmed after the restart');
		expect(emittedIds(restarted).sort()).toEqual(all.sort());
		for (const parcelId of all)
			expect(counters(sim(), parcelId)).toMatchObject({ downloads: 2, resets: 1, confirms: 1 });
	});

	it('confirms after a restart a parcel whose confirm under Immediately the crash cut off', async () => {
		const immediately = { confirmWhen: 'immediately', ...SHORT };
		const crashed = await activate({ trigger: immediately });
		sim().inject({ operation: 'ParcelDownloadConfirm', times: 1, kind: 'drop' });
		const [parcelId] = dropParcels(sim(), 1);
		await crashed.waitFor(
			() => requestsFor(sim(), 'ParcelDownloadConfirm').length === 1,
			5000,
			'the confirm, lost on the way',
		);
		await crashed.runsSettled();
		// Main dies before it tried again: the run has the file, ECGridOS never heard the confirm.
		await crashed.crash();
		expect(sim().parcel(parcelId)).toMatchObject({ inInBox: true, status: 'InBoxTransferred' });

		const restarted = await activate({
			trigger: immediately,
			staticData: crashed.savedStaticData(),
		});
		await restarted.waitFor(confirmedOnce([parcelId]), 8000, 'the confirm after the restart');
		expect(emittedIds(restarted)).toEqual([]);
		expect(counters(sim(), parcelId)).toMatchObject({ downloads: 1, resets: 0, confirms: 1 });
	});

	it('drops the saved leases of parcels no longer in the InBox', async () => {
		const [confirmed] = dropParcels(sim(), 1);
		sim().world.parcels.get(confirmed)!.status = 'InBoxTransferred';
		const staticData = {
			[NODE_KEY]: { parcelLeases: { [confirmed]: Date.now() + 3_600_000, 987654: 1 } },
		};
		const trigger = await activate({ staticData });
		// Confirmed by the run after the leases were last saved.
		await runWorkflow(receiveWorkflow({ confirmInWorkflow: true }), {
			credentials: [ownerCredential(sim())],
			items: [{ parcelId: confirmed }],
			startNode: TRIGGER,
		});
		await nextPolls(trigger, sim(), 2);
		expect(trigger.nodeStaticData().parcelLeases).toEqual({});
		expect(trigger.executions).toHaveLength(0);
	});
});

describe('ECGridOS Trigger: parcels downloaded and left unconfirmed', () => {
	it('recovers a parcel a test run from the editor downloaded and did not confirm', async () => {
		const [parcelId] = dropParcels(sim(), 1);
		// The editor's test run: the trigger's test event, then Download (which marks the parcel).
		const test = await runWorkflow(receiveWorkflow(), {
			credentials: [ownerCredential(sim())],
			items: [{ parcelId }],
			startNode: TRIGGER,
		});
		expect(test.error).toBeUndefined();
		expect(sim().parcel(parcelId)!.status).toBe('InBoxTransferred');

		const trigger = await activate({ trigger: SHORT });
		await nextPolls(trigger, sim());
		expect(trigger.executions).toHaveLength(0);
		await trigger.waitFor(confirmedOnce([parcelId]), 8000, 'the recovered parcel confirmed');
		expect(emittedIds(trigger)).toEqual([parcelId]);
		expect(counters(sim(), parcelId)).toMatchObject({ downloads: 2, resets: 1, confirms: 1 });
	});

	it('leaves a downloaded parcel alone while a run holds it', async () => {
		const trigger = await activate({ trigger: { options: { recoverMinutes: 0.01 } } });
		sim().inject({ operation: 'ParcelDownloadConfirm', times: 1, latencyMs: 3000 });
		const [parcelId] = dropParcels(sim(), 1);
		await trigger.waitFor(confirmedOnce([parcelId]), 8000, 'the confirm');
		expect(counters(sim(), parcelId)).toMatchObject({ downloads: 1, resets: 0, confirms: 1 });
		expect(emittedIds(trigger)).toEqual([parcelId]);
	});
});

describe('ECGridOS Trigger: a run longer than its lease', () => {
	it('lets a second run start, and a failure of that run does not bring back the delivered parcel', async () => {
		const trigger = await activate({ trigger: SHORT });
		slowDownloads(1, 4500);
		const [parcelId] = dropParcels(sim(), 1);
		await trigger.waitFor(
			() => requestsFor(sim(), 'ParcelDownload').length === 1,
			5000,
			'the first download',
		);
		// The second run (once the 3 s lease is up) fails after the first run has delivered.
		sim().inject({ operation: 'ParcelDownload', times: 1, latencyMs: 3000, failureRate: 1 });
		await trigger.waitFor(() => trigger.executions.length === 2, 6000, 'the second run');
		await trigger.runsSettled();
		await nextPolls(trigger, sim(), 2);
		expect((await trigger.executions[0].result).error).toBeUndefined();
		expect((await trigger.executions[1].result).error).toBeDefined();
		expect(emittedIds(trigger)).toEqual([parcelId, parcelId]);
		expect(counters(sim(), parcelId)).toMatchObject({ confirms: 1, resets: 0 });
		expect(sim().parcel(parcelId)!.inInBox).toBe(false);
	});
});

describe('ECGridOS Trigger: a confirm or reset that fails', () => {
	const ecgridFault = (operation: string, times: number, retCode = 'InternalError') =>
		sim().inject({ operation, times, kind: 'ecgridError', retCode: retCode as 'InternalError' });

	it('tries a confirm that ECGridOS answered with a fault again until it succeeds', async () => {
		const trigger = await activate();
		ecgridFault('ParcelDownloadConfirm', 2);
		const [parcelId] = dropParcels(sim(), 1);
		await trigger.waitFor(confirmedOnce([parcelId]), 15000, 'the confirm, third try');
		expect(requestsFor(sim(), 'ParcelDownloadConfirm')).toHaveLength(3);
		await nextPolls(trigger, sim(), 2);
		expect(emittedIds(trigger)).toEqual([parcelId]);
		expect(counters(sim(), parcelId)).toMatchObject({ downloads: 1, resets: 0, confirms: 1 });
		expect(trigger.nodeStaticData().parcelLeases).toEqual({});
	});

	it('tries a reset that ECGridOS answered with a fault again, so the parcel gets its new run', async () => {
		const trigger = await activate();
		// The run fails after the download: the parcel is left InBoxTransferred for the reset.
		sim().inject({ operation: 'ParcelDownload', times: 1, kind: 'truncated' });
		ecgridFault('ParcelDownloadReset', 1, 'SQLError');
		const [parcelId] = dropParcels(sim(), 1);
		await trigger.waitFor(confirmedOnce([parcelId]), 15000, 'the second run confirmed');
		expect(requestsFor(sim(), 'ParcelDownloadReset')).toHaveLength(2);
		expect(emittedIds(trigger)).toEqual([parcelId, parcelId]);
		expect(counters(sim(), parcelId)).toMatchObject({ downloads: 2, resets: 1, confirms: 1 });
	});

	it('saves a failed execution once a confirm or reset has failed long enough to slow to a minute', async () => {
		const [stuck, stuckLonger] = dropParcels(sim(), 2);
		for (const parcelId of [stuck, stuckLonger])
			sim().world.parcels.get(parcelId)!.status = 'InBoxTransferred';
		// As saved after a run succeeded and its confirm failed five times, and six times.
		const pending = (tries: number) => ({
			until: Date.now() + 600_000,
			settle: 'confirm',
			tries,
			retryAt: 0,
		});
		const staticData = {
			[NODE_KEY]: { parcelLeases: { [stuck]: pending(5), [stuckLonger]: pending(6) } },
		};
		ecgridFault('ParcelDownloadConfirm', 2, 'DataError');
		const trigger = await activate({ staticData });
		await trigger.waitFor(
			() => requestsFor(sim(), 'ParcelDownloadConfirm').length === 2,
			5000,
			'both retries',
		);
		await nextPolls(trigger, sim());
		// The sixth failed try of a streak is saved, once; the seventh goes to the log only.
		expect(trigger.failedExecutions.map((error) => error.message)).toEqual([
			expect.stringMatching(
				new RegExp(`^Could not confirm parcel ${stuck}: 6 tries failed; .*every minute`),
			),
		]);
		expect(trigger.failedExecutions[0].constructor.name).toBe('NodeApiError');
		expect(emittedIds(trigger)).toEqual([]);
		expect(trigger.nodeStaticData().parcelLeases).toMatchObject({
			[stuck]: { settle: 'confirm', tries: 6 },
			[stuckLonger]: { settle: 'confirm', tries: 7 },
		});
	});

	it('holds the parcel while the confirm keeps failing, and starts no second run', async () => {
		const trigger = await activate();
		sim().inject({ operation: 'ParcelDownloadConfirm', times: 2, kind: 'drop' });
		const [parcelId] = dropParcels(sim(), 1);
		await trigger.waitFor(
			() => requestsFor(sim(), 'ParcelDownloadConfirm').length >= 2,
			8000,
			'a retry',
		);
		expect(trigger.nodeStaticData().parcelLeases).toMatchObject({
			[parcelId]: { settle: 'confirm' },
		});
		await trigger.waitFor(confirmedOnce([parcelId]), 20000, 'the confirm');
		expect(emittedIds(trigger)).toEqual([parcelId]);
	});

	it('takes "not found" as final and does not try again', async () => {
		const trigger = await activate();
		ecgridFault('ParcelDownloadConfirm', 1, 'NotFound');
		const [parcelId] = dropParcels(sim(), 1);
		await trigger.waitFor(
			() => requestsFor(sim(), 'ParcelDownloadConfirm').length === 1,
			5000,
			'the confirm',
		);
		await nextPolls(trigger, sim(), 4);
		expect(requestsFor(sim(), 'ParcelDownloadConfirm')).toHaveLength(1);
		expect(trigger.nodeStaticData().parcelLeases).toEqual({});
		expect(emittedIds(trigger)).toEqual([parcelId]);
	});
});

describe('ECGridOS Trigger: a failed run that confirmed its own parcel', () => {
	it('does not reset a parcel the run confirmed before it failed (a reset brings it back)', async () => {
		const trigger = await activate({ confirmInWorkflow: true });
		// ECGridOS confirms, and the answer is cut off: the workflow's Confirm Download fails the
		// run, whose file had been delivered and confirmed.
		sim().inject({ operation: 'ParcelDownloadConfirm', times: 1, kind: 'truncated' });
		const [parcelId] = dropParcels(sim(), 1);
		await trigger.waitFor(() => trigger.executions.length === 1, 5000, 'the run');
		expect((await trigger.executions[0].result).error).toBeDefined();
		await nextPolls(trigger, sim(), 3);
		expect(counters(sim(), parcelId)).toMatchObject({ downloads: 1, confirms: 1, resets: 0 });
		expect(sim().parcel(parcelId)!.inInBox).toBe(false);
		expect(emittedIds(trigger)).toEqual([parcelId]);
		expect(trigger.nodeStaticData().parcelLeases).toEqual({});
	});

	it('resets the parcel of a run that failed after the workflow was deactivated', async () => {
		const trigger = await activate();
		sim().inject({ operation: 'ParcelDownload', times: 1, kind: 'truncated', latencyMs: 1500 });
		const [parcelId] = dropParcels(sim(), 1);
		await trigger.waitFor(() => trigger.executions.length === 1, 5000, 'the run');
		// Deactivated (or saved with a new Poll Interval) while the run is going: no poll of this
		// activation will follow to reset it.
		await trigger.deactivate();
		expect((await trigger.executions[0].result).error).toBeDefined();
		await trigger.waitFor(
			() => counters(sim(), parcelId).resets === 1,
			5000,
			'the reset after the run',
		);
		expect(sim().parcel(parcelId)).toMatchObject({ inInBox: true, status: 'InBoxReady' });
	});
});

describe('ECGridOS Trigger: the wall clock jumps', () => {
	afterEach(() => jest.useRealTimers());

	it('does not take a running parcel from its run when the clock jumps past its lease', async () => {
		// Only Date is faked: the clock is set forward two hours (an NTP correction, a VM's clock
		// caught up) while the run is going; timers and the monotonic clock run on.
		jest.useFakeTimers({
			doNotFake: [
				'hrtime',
				'nextTick',
				'performance',
				'queueMicrotask',
				'requestAnimationFrame',
				'cancelAnimationFrame',
				'requestIdleCallback',
				'cancelIdleCallback',
				'setImmediate',
				'clearImmediate',
				'setInterval',
				'clearInterval',
				'setTimeout',
				'clearTimeout',
			],
			now: Date.now(),
			advanceTimers: true,
		});
		const trigger = await activate();
		slowDownloads(1, 3000);
		const [parcelId] = dropParcels(sim(), 1);
		await trigger.waitFor(() => trigger.executions.length === 1, 5000, 'the run');
		jest.setSystemTime(Date.now() + 2 * 3_600_000);
		await trigger.executions[0].result;
		await trigger.waitFor(confirmedOnce([parcelId]), 5000, 'the confirm');
		await nextPolls(trigger, sim(), 2);
		expect(emittedIds(trigger)).toEqual([parcelId]);
		expect(counters(sim(), parcelId)).toMatchObject({ downloads: 1, resets: 0, confirms: 1 });
	});
});

describe('ECGridOS Trigger: leases saved longer than the Lease Timeout', () => {
	it('recovers a lost run by the Lease Timeout in force, not by the longer one it was saved with', async () => {
		const [parcelId] = dropParcels(sim(), 1);
		sim().world.parcels.get(parcelId)!.status = 'InBoxTransferred';
		// Saved by a run main lost, under a 10-hour lease (or before the clock was set back); the
		// user has since set Lease Timeout to 3 s.
		const staticData = {
			[NODE_KEY]: { parcelLeases: { [parcelId]: { until: Date.now() + 36_000_000 } } },
		};
		const trigger = await activate({ trigger: SHORT, staticData });
		await trigger.waitFor(confirmedOnce([parcelId]), 10000, 'the recovered parcel confirmed');
		expect(emittedIds(trigger)).toEqual([parcelId]);
		expect(counters(sim(), parcelId)).toMatchObject({ downloads: 1, resets: 1, confirms: 1 });
	});

	it('tries a pending confirm saved before the clock was set back within a minute, not hours later', async () => {
		const [parcelId] = dropParcels(sim(), 1);
		sim().world.parcels.get(parcelId)!.status = 'InBoxTransferred';
		// Its next try was due a minute after a clock that has since been set back ten hours.
		const pending = {
			until: Date.now(),
			settle: 'confirm',
			tries: 6,
			retryAt: Date.now() + 36_000_000,
		};
		const staticData = { [NODE_KEY]: { parcelLeases: { [parcelId]: pending } } };
		const trigger = await activate({ staticData });
		await trigger.waitFor(confirmedOnce([parcelId]), 5000, 'the confirm');
		expect(emittedIds(trigger)).toEqual([]);
	});
});
