import {
	NodeOperationError,
	type NodeApiError,
	type IRun,
	type ITriggerFunctions,
} from 'n8n-workflow';

import type { CredentialType } from '../EcGridOs/transport/constants';
import { describeFailure } from '../EcGridOs/transport/nodeErrors';
import { InBox, NoMailboxError, parcelItem, type InBoxListing, type ListedParcel } from './inbox';
import { Leases } from './leases';
import type { ParcelKey } from './parcelKey';
import {
	actionAfterRun,
	isFinalRefusal,
	outcomeOf,
	outcomeOfRejection,
	resetsExpired,
	isFirstLongestDelay,
	MAX_RETRY_MS,
	retryDelayMs,
	type ConfirmWhen,
	type RunOutcome,
	type SettleAction,
} from './settle';

export const TRANSFERRED = 'InBoxTransferred';

const runKey = (parcelId: ParcelKey, lease: number) => `${parcelId}@${lease}`;

export interface PollSettings {
	/** Only parcels from this ECGrid ID; 0 for any sender. */
	ecGridIdFrom: number;
	/** The ParcelStatus a parcel must have to start a run. */
	status: string;
	maxParcels: number;
	confirmWhen: ConfirmWhen;
	leaseMs: number;
	/** How long a downloaded, unconfirmed parcel that no run holds waits before it is reset. */
	recoverMs: number;
}

/**
 * One trigger's polling: list the InBox, start one run per new parcel under a lease, confirm or
 * reset each parcel when n8n reports its run over, and put right what the InBox shows is left
 * undone (a confirm or reset that failed, a run that never reported, a parcel downloaded by hand).
 */
export class ParcelPoller {
	private readonly leases: Leases;
	/** Leases of the runs this process started and has not heard back from. */
	/**
	 * Leases of the runs this process started and has not heard back from, each with its end on
	 * the monotonic clock: a wall clock set forward (an NTP correction, a VM's clock catching up)
	 * must not end the lease of a run still going, which would start a second run of its parcel.
	 */
	private readonly inFlight = new Map<string, number>();
	/** Downloaded parcels that no run holds: when this process first saw each. */
	private readonly unheldSince = new Map<ParcelKey, number>();
	/** Runs that did not succeed, per parcel still in the InBox (this process's count). */
	private readonly failedRuns = new Map<ParcelKey, number>();
	/** Parcels whose run has ended and whose confirm or reset is on its way to ECGridOS. */
	private readonly settling = new Set<ParcelKey>();
	/**
	 * Parcels whose run ended while the poll in progress waited for ECGridOS: what that poll's
	 * listing says of them may be older than their confirm or reset.
	 */
	private endedDuringPoll?: Set<ParcelKey>;
	private current?: Promise<void>;
	private closed = false;
	private failing = false;
	/** The last listing was only part of the InBox. */
	private partialListing = false;

	constructor(
		private readonly context: ITriggerFunctions,
		private readonly inbox: InBox,
		private readonly credentialType: CredentialType,
		private readonly settings: PollSettings,
		private readonly now: () => number = Date.now,
		private readonly monotonicNow: () => number = () => performance.now(),
	) {
		this.leases = new Leases(context.getWorkflowStaticData('node'));
	}

	/** A cron tick. n8n does not stop ticks from overlapping: a tick during a poll is skipped. */
	onTick(): void {
		if (this.closed) return;
		if (this.current) {
			this.context.logger.debug('ECGridOS Trigger: previous poll still running, tick skipped');
			return;
		}
		this.current = this.poll().finally(() => (this.current = undefined));
	}

	/** No poll starts after this; resolves once a poll in progress has ended. */
	async close(): Promise<void> {
		this.closed = true;
		await this.current;
	}

	/** Manual run: the newest matching parcel, with no lease, confirm or reset. */
	async fetchNewest(): Promise<void> {
		let newest: ListedParcel | undefined;
		try {
			newest = (await this.inbox.list(this.settings.ecGridIdFrom)).parcels
				.filter((parcel) => parcel.status === this.settings.status)
				.pop();
		} catch (error) {
			throw await this.describe(error);
		}
		if (!newest) {
			throw new NodeOperationError(
				this.context.getNode(),
				`No parcel with status ${this.settings.status} in the InBox`,
				{
					description:
						'Fetch Test Event shows the newest parcel the trigger would start a run for. Drop a file into the mailbox, or change the filters.',
				},
			);
		}
		this.context.emit([[{ json: parcelItem(newest) }]]);
	}

	private async poll(): Promise<void> {
		const ended = new Set(this.settling);
		this.endedDuringPoll = ended;
		try {
			const listing = await this.inbox.list(this.settings.ecGridIdFrom);
			const listed = listing.parcels;
			await this.reconcile(listing, ended);
			const now = this.now();
			const fresh = listed
				.filter((parcel) => parcel.status === this.settings.status)
				// A run that was confirmed after ECGridOS made the listing left a parcel that the
				// listing still shows InBoxReady (not yet downloaded): starting it again would deliver
				// a confirmed file twice. The next poll sees it as it is.
				.filter(
					(parcel) => this.leases.get(parcel.parcelId) === undefined && !ended.has(parcel.parcelId),
				)
				// A parcel goes behind those whose runs failed fewer times (the sort is stable, so
				// oldest first among equals): a file that fails every run, oldest in the InBox, would
				// otherwise take a slot at every poll, and as many of them as Max Parcels per Poll
				// would hold back every newer parcel for good.
				.sort((a, b) => this.failuresOf(a.parcelId) - this.failuresOf(b.parcelId))
				.slice(0, this.settings.maxParcels);
			for (const parcel of fresh) {
				if (this.closed) break;
				this.start(parcel, now);
			}
			this.failing = false;
		} catch (error) {
			await this.reportPollFailure(error);
		} finally {
			this.endedDuringPoll = undefined;
		}
	}

	/** Leases the parcel (before emitting: n8n saves static data on emit) and starts its run. */
	private start(parcel: ListedParcel, now: number): void {
		const { parcelId } = parcel;
		const lease = this.leases.take(parcelId, now + this.settings.leaseMs);
		this.inFlight.set(runKey(parcelId, lease), this.monotonicNow() + this.settings.leaseMs);
		const done = this.context.helpers.createDeferredPromise<IRun>();
		this.context.emit([[{ json: parcelItem(parcel) }]], undefined, done);
		if (this.settings.confirmWhen === 'immediately') void this.settle(parcelId, 'confirm');
		void done.promise
			.then(outcomeOf, outcomeOfRejection)
			.then(async (outcome: RunOutcome) => await this.afterRun(parcelId, lease, outcome));
	}

	private failuresOf(parcelId: ParcelKey): number {
		return this.failedRuns.get(parcelId) ?? 0;
	}

	private async afterRun(parcelId: ParcelKey, lease: number, outcome: RunOutcome): Promise<void> {
		this.inFlight.delete(runKey(parcelId, lease));
		this.endedDuringPoll?.add(parcelId);
		if (outcome !== 'succeeded') this.failedRuns.set(parcelId, this.failuresOf(parcelId) + 1);
		const action = actionAfterRun(this.settings.confirmWhen, outcome);
		// A run that outlived its lease has lost the parcel to a later run: its success still
		// counts (the file reached its destination), its failure no longer decides anything. A
		// confirm drops every lease on the parcel, so no run resets a parcel another delivered.
		if (action === 'reset' && this.leases.isCurrent(parcelId, lease)) {
			// Not reset blindly: ECGridOS's reset brings back a confirmed parcel, and a failed run
			// may have confirmed it (the workflow's own Confirm Download, whose answer was lost, or
			// a step after it that failed). The next poll's listing, made after this run ended,
			// says whether the parcel is still downloaded; it is reset then, and offered again.
			this.leases.owe(parcelId, 'reset', this.now());
			if (this.closed) await this.resetAfterClose(parcelId);
			return;
		}
		if (action === 'confirm') {
			this.settling.add(parcelId);
			try {
				await this.settle(parcelId, action, lease);
			} finally {
				this.settling.delete(parcelId);
			}
			return;
		}
		this.leases.release(parcelId, lease);
	}

	/**
	 * Brings the leases in line with the InBox, ECGridOS's own record: settles what is due, frees
	 * what no run will ever report, and resets parcels left downloaded with no run to handle them.
	 */
	private async reconcile(
		{ parcels: listed, complete }: InBoxListing,
		ended: Set<ParcelKey>,
	): Promise<void> {
		const inBox = new Map(listed.map((parcel) => [parcel.parcelId, parcel]));
		this.notePartialListing(complete);
		for (const parcelId of this.failedRuns.keys())
			if (complete && !inBox.has(parcelId)) this.failedRuns.delete(parcelId);
		for (const [parcelId, lease] of this.leases.entries()) {
			if (this.closed) return;
			// Settled meanwhile by its run's end (a confirm, a reset): the listing is older than that.
			if (ended.has(parcelId) || this.leases.get(parcelId) !== lease) continue;
			const parcel = inBox.get(parcelId);
			// Left off a partial listing: nothing is known of it until a listing shows it (or a
			// complete one does not); its lease and any pending confirm or reset wait till then.
			if (!parcel && !complete) continue;
			if (lease.settle !== undefined) {
				await this.retrySettle(parcelId, lease.settle, lease.retryAt ?? 0, parcel);
			} else if (!parcel) {
				// Confirmed or gone: forgotten unless a run of this process still holds it.
				const running = this.inFlight.has(runKey(parcelId, lease.until));
				if (!running || this.hasRunOut(parcelId, lease.until)) this.leases.drop(parcelId);
			} else if (this.hasRunOut(parcelId, lease.until)) {
				await this.endLostRun(parcel, lease.until);
			}
		}
		await this.recoverUnheld(listed.filter((parcel) => !ended.has(parcel.parcelId)));
	}

	/**
	 * A lease of a run this process started runs out by the monotonic clock; one saved before this
	 * process started (n8n restarted) can only be read against the wall clock.
	 */
	private hasRunOut(parcelId: ParcelKey, lease: number): boolean {
		const end = this.inFlight.get(runKey(parcelId, lease));
		if (end !== undefined) return end <= this.monotonicNow();
		// Saved under a longer Lease Timeout (or before the clock was set back): a lost run is
		// recovered by the timeout in force, counted from now, not hours or days later.
		const longest = this.now() + this.settings.leaseMs;
		if (lease > longest) this.leases.shorten(parcelId, longest);
		return lease <= this.now();
	}

	/**
	 * A pending confirm or reset, tried again once its delay has passed. The InBox may show it is
	 * no longer needed: a parcel that left the InBox is confirmed, one back in InBoxReady is reset.
	 */
	private async retrySettle(
		parcelId: ParcelKey,
		action: SettleAction,
		retryAt: number,
		parcel: ListedParcel | undefined,
	): Promise<void> {
		const done = !parcel || (action === 'reset' && parcel.status !== TRANSFERRED);
		if (done) {
			this.leases.drop(parcelId);
			return;
		}
		// A try set further off than the longest delay was set before the clock went back: due now.
		if (retryAt > this.now() && retryAt <= this.now() + MAX_RETRY_MS) return;
		if ((await this.settle(parcelId, action)) && action === 'reset') parcel.status = 'InBoxReady';
	}

	/**
	 * A run that failed after the workflow was deactivated (or saved anew, with a new Poll
	 * Interval): no poll of this activation follows to do its reset, so the InBox is listed now.
	 * If that fails too, the saved lease runs out and the next activation resets the parcel.
	 */
	private async resetAfterClose(parcelId: ParcelKey): Promise<void> {
		let listing: InBoxListing;
		try {
			listing = await this.inbox.list(this.settings.ecGridIdFrom);
		} catch (error) {
			const { message } = await this.describe(error);
			this.context.logger.warn(
				`ECGridOS Trigger: could not reset parcel ${parcelId} after the workflow was deactivated; it is reset once its lease runs out: ${message}`,
			);
			return;
		}
		const parcel = listing.parcels.find((listed) => listed.parcelId === parcelId);
		if (parcel || listing.complete) await this.retrySettle(parcelId, 'reset', 0, parcel);
	}

	/**
	 * A lease that ran out belongs to a run that never reported back (n8n restarted, a lost
	 * report, or a run longer than its lease). In the modes where the trigger settles parcels, a
	 * parcel still downloaded is reset so it is offered again; a confirmed one is gone from the
	 * InBox. Under Immediately the parcel is owed the confirm sent as its run started: a lease still
	 * here means that confirm never reached ECGridOS and its retry was never saved (main stopped
	 * first), so a downloaded parcel is confirmed now; no run or reset would ever take it again.
	 */
	private async endLostRun(parcel: ListedParcel, lease: number): Promise<void> {
		const { parcelId } = parcel;
		this.inFlight.delete(runKey(parcelId, lease));
		if (parcel.status === TRANSFERRED && this.ownsDownloadedParcels()) {
			this.context.logger.info(
				`ECGridOS Trigger: the lease on parcel ${parcelId} ran out; resetting it for a new run`,
			);
			if (await this.settle(parcelId, 'reset', lease)) parcel.status = 'InBoxReady';
			return;
		}
		if (parcel.status === TRANSFERRED && this.settings.confirmWhen === 'immediately') {
			this.context.logger.info(
				`ECGridOS Trigger: the lease on parcel ${parcelId} ran out before its confirm reached ECGridOS; confirming it`,
			);
			await this.settle(parcelId, 'confirm', lease);
			return;
		}
		this.leases.release(parcelId, lease);
	}

	/**
	 * Parcels downloaded but never confirmed that no lease holds: a test run from the editor, a
	 * download by hand, a run whose lease was never saved. Once one has stayed so for the recovery
	 * time it is reset, and offered again.
	 */
	private async recoverUnheld(listed: ListedParcel[]): Promise<void> {
		const now = this.now();
		const unheld = this.ownsDownloadedParcels()
			? listed.filter(
					(parcel) => parcel.status === TRANSFERRED && !this.leases.get(parcel.parcelId),
				)
			: [];
		const seen = new Set(unheld.map((parcel) => parcel.parcelId));
		for (const parcelId of this.unheldSince.keys())
			if (!seen.has(parcelId)) this.unheldSince.delete(parcelId);
		for (const parcel of unheld) {
			if (this.closed) return;
			const since = this.unheldSince.get(parcel.parcelId) ?? now;
			this.unheldSince.set(parcel.parcelId, since);
			if (now - since < this.settings.recoverMs) continue;
			this.context.logger.info(
				`ECGridOS Trigger: parcel ${parcel.parcelId} was downloaded and never confirmed, and no run holds it; resetting it for a new run`,
			);
			this.unheldSince.delete(parcel.parcelId);
			if (await this.settle(parcel.parcelId, 'reset')) parcel.status = 'InBoxReady';
		}
	}

	/** Says once per streak that ECGridOS lists only part of the InBox. */
	private notePartialListing(complete: boolean): void {
		if (!complete && !this.partialListing)
			this.context.logger.warn(
				'ECGridOS Trigger: ECGridOS listed only part of the InBox; the parcels it left out wait for a later poll',
			);
		this.partialListing = !complete;
	}

	/** The trigger decides the fate of downloaded parcels (not when it watches them itself). */
	private ownsDownloadedParcels(): boolean {
		return this.settings.status !== TRANSFERRED && resetsExpired(this.settings.confirmWhen);
	}

	/**
	 * Confirms or resets. Done (true) once ECGridOS took it, or refused it for good; otherwise the
	 * parcel stays held and the call is tried again later, with a growing delay.
	 */
	private async settle(
		parcelId: ParcelKey,
		action: SettleAction,
		lease?: number,
	): Promise<boolean> {
		try {
			if (action === 'confirm') await this.inbox.confirm(parcelId);
			else await this.inbox.reset(parcelId);
		} catch (error) {
			const failure = await this.describe(error);
			const { message } = failure;
			if (!isFinalRefusal(error)) {
				const tries = this.leases.pend(parcelId, action, this.now(), retryDelayMs);
				this.context.logger.warn(
					`ECGridOS Trigger: could not ${action} parcel ${parcelId} (try ${tries}), will try again in ${Math.round(retryDelayMs(tries) / 1000)} s: ${message}`,
				);
				// A call ECGridOS keeps refusing holds the parcel for good (a reset that never lands
				// strands it): once per streak it is saved as a failed execution, where an operator
				// and the Error Workflow see it, not only in the log.
				if (isFirstLongestDelay(tries) && !this.closed) {
					failure.message = `Could not ${action} parcel ${parcelId}: ${tries} tries failed; the trigger holds the parcel and tries again every minute: ${message}`;
					this.context.saveFailedExecution(failure);
				}
				return false;
			}
			this.context.logger.warn(
				`ECGridOS Trigger: ECGridOS refused to ${action} parcel ${parcelId} for good: ${message}`,
			);
		}
		// A confirm ends every hold on the parcel; a reset only the run's own.
		if (action === 'confirm' || lease === undefined) this.leases.drop(parcelId);
		else this.leases.release(parcelId, lease);
		return true;
	}

	/**
	 * Polling never stops on a failure: the next tick tries again (`emitError` would deactivate the
	 * workflow). The first failure of a streak is saved as a failed execution, so it shows in the
	 * Executions list and starts the Error Workflow; the rest go to the log only.
	 */
	private async reportPollFailure(error: unknown): Promise<void> {
		const failure = await this.describe(error);
		this.context.logger.warn(`ECGridOS Trigger: poll failed: ${failure.message}`);
		if (this.failing || this.closed) return;
		this.failing = true;
		this.context.saveFailedExecution(failure);
	}

	/** The node's one error model, scrubbed of every secret the credential holds. */
	private async describe(error: unknown): Promise<NodeApiError | NodeOperationError> {
		if (error instanceof NoMailboxError)
			return new NodeOperationError(this.context.getNode(), error.message);
		return (await describeFailure(this.context, error, undefined, this.credentialType)).error;
	}
}
