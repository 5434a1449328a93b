import {
	NodeOperationError,
	type NodeApiError,
	type IRun,
	type ITriggerFunctions,
} from 'n8n-workflow';

import { EcGridOsFault } from '../EcGridOs/soap';
import type { CredentialType } from '../EcGridOs/transport/constants';
import { describeFailure } from '../EcGridOs/transport/nodeErrors';
import { InBox, NoMailboxError, parcelItem, type ListedParcel } from './inbox';
import { Leases } from './leases';
import {
	actionAfterRun,
	outcomeOf,
	resetsExpired,
	type ConfirmWhen,
	type ParcelAction,
	type RunOutcome,
} from './settle';

export const TRANSFERRED = 'InBoxTransferred';

export interface PollSettings {
	/** Only parcels from this ECGrid ID; 0 for any sender. */
	ecGridIdFrom: number;
	/** The ParcelStatus a parcel must have to start a run. */
	status: string;
	maxParcels: number;
	confirmWhen: ConfirmWhen;
	leaseMs: number;
}

/** A confirm or reset that failed on the way (not refused by ECGrid): tried again each poll. */
interface Pending {
	action: Exclude<ParcelAction, 'none'>;
	lease: number;
}

/**
 * One trigger's polling: list the InBox, start one run per new parcel under a lease, and confirm
 * or reset each parcel when n8n reports its run over.
 */
export class ParcelPoller {
	private readonly leases: Leases;
	private readonly pending = new Map<number, Pending>();
	private current?: Promise<void>;
	private closed = false;
	private failing = false;

	constructor(
		private readonly context: ITriggerFunctions,
		private readonly inbox: InBox,
		private readonly credentialType: CredentialType,
		private readonly settings: PollSettings,
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
			newest = (await this.inbox.list(this.settings.ecGridIdFrom))
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
		try {
			await this.retryPending();
			const listed = await this.inbox.list(this.settings.ecGridIdFrom);
			const now = Date.now();
			await this.endExpiredLeases(listed, now);
			const fresh = listed
				.filter((parcel) => parcel.status === this.settings.status)
				.filter((parcel) => !this.leases.isHeld(parcel.parcelId, now))
				.filter((parcel) => !this.pending.has(parcel.parcelId))
				.slice(0, this.settings.maxParcels);
			for (const parcel of fresh) {
				if (this.closed) break;
				this.start(parcel, now);
			}
			this.failing = false;
		} catch (error) {
			await this.reportPollFailure(error);
		}
	}

	/** Leases the parcel (before emitting: n8n saves static data on emit) and starts its run. */
	private start(parcel: ListedParcel, now: number): void {
		const { parcelId } = parcel;
		const lease = this.leases.take(parcelId, now + this.settings.leaseMs);
		const done = this.context.helpers.createDeferredPromise<IRun>();
		this.context.emit([[{ json: parcelItem(parcel) }]], undefined, done);
		const confirmedAtOnce =
			this.settings.confirmWhen === 'immediately' ? this.apply(parcelId, 'confirm') : undefined;
		void done.promise
			.then(outcomeOf, (): RunOutcome => 'notRun')
			.then(
				async (outcome: RunOutcome) =>
					await this.afterRun(parcelId, lease, outcome, confirmedAtOnce),
			);
	}

	private async afterRun(
		parcelId: number,
		lease: number,
		outcome: RunOutcome,
		confirmedAtOnce: Promise<boolean> | undefined,
	): Promise<void> {
		if (confirmedAtOnce && !(await confirmedAtOnce)) {
			this.pending.set(parcelId, { action: 'confirm', lease });
			return;
		}
		const action = actionAfterRun(this.settings.confirmWhen, outcome);
		if (action !== 'none' && !(await this.apply(parcelId, action))) {
			this.pending.set(parcelId, { action, lease });
			return;
		}
		this.leases.release(parcelId, lease);
	}

	private async retryPending(): Promise<void> {
		for (const [parcelId, { action, lease }] of [...this.pending]) {
			if (!(await this.apply(parcelId, action))) continue;
			this.pending.delete(parcelId);
			this.leases.release(parcelId, lease);
		}
	}

	/**
	 * A lease that ran out belongs to a run that never reported back (n8n restarted, or the run
	 * outlived the lease). In the modes where the trigger settles parcels, a parcel it left
	 * downloaded is reset so it is offered again; a confirmed one is gone from the InBox.
	 */
	private async endExpiredLeases(listed: ListedParcel[], now: number): Promise<void> {
		for (const { parcelId, lease } of this.leases.expired(now)) {
			if (this.pending.has(parcelId)) continue;
			const parcel = listed.find((candidate) => candidate.parcelId === parcelId);
			const stranded =
				parcel?.status === TRANSFERRED &&
				this.settings.status !== TRANSFERRED &&
				resetsExpired(this.settings.confirmWhen);
			if (stranded) {
				this.context.logger.info(
					`ECGridOS Trigger: the lease on parcel ${parcelId} ran out; resetting it for a new run`,
				);
				if (!(await this.apply(parcelId, 'reset'))) continue;
				if (parcel) parcel.status = this.settings.status;
			}
			this.leases.release(parcelId, lease);
		}
	}

	/**
	 * Confirms or resets; false when the call did not get through (tried again next poll). A fault
	 * from ECGrid is final: a reset of a parcel that was never downloaded, a confirm of one the
	 * workflow already confirmed.
	 */
	private async apply(parcelId: number, action: Exclude<ParcelAction, 'none'>): Promise<boolean> {
		try {
			if (action === 'confirm') await this.inbox.confirm(parcelId);
			else await this.inbox.reset(parcelId);
			return true;
		} catch (error) {
			const message = (await this.describe(error)).message;
			if (error instanceof EcGridOsFault) {
				this.context.logger.debug(
					`ECGridOS Trigger: ECGridOS refused to ${action} parcel ${parcelId}: ${message}`,
				);
				return true;
			}
			this.context.logger.warn(
				`ECGridOS Trigger: could not ${action} parcel ${parcelId}, will try again next poll: ${message}`,
			);
			return false;
		}
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
