import type { IRun } from 'n8n-workflow';
import { EcGridOsFault } from '../EcGridOs/soap';

export type ConfirmWhen =
	'workflowSucceeds' | 'workflowFinishes' | 'immediately' | 'laterInWorkflow';

export const CONFIRM_WHEN: readonly ConfirmWhen[] = [
	'workflowSucceeds',
	'workflowFinishes',
	'immediately',
	'laterInWorkflow',
];

/**
 * How a parcel's run ended, as n8n reports it to the trigger: `notRun` when n8n could not start
 * it or shut down under it (the promise was rejected, or resolved without a run).
 */
export type RunOutcome = 'succeeded' | 'failed' | 'notRun';

export type ParcelAction = 'confirm' | 'reset' | 'none';
export type SettleAction = Exclude<ParcelAction, 'none'>;

/** A run succeeded when it ended without an error; a run left waiting (Wait node) did not. */
export function outcomeOf(run: IRun | undefined): RunOutcome {
	if (run === undefined) return 'notRun';
	if (run.data?.resultData?.error !== undefined) return 'failed';
	return run.status === undefined || run.status === 'success' ? 'succeeded' : 'failed';
}

/**
 * How a run ended when n8n rejected its done promise. n8n rejects it with an
 * ExecutionCancelledError when it stopped a run it had started: at the workflow's timeout (reason
 * `timeout`) or at the user's Stop (`manual`); that run is over, and did not succeed. Any other
 * rejection (n8n could not start the run, or stopped it as it shut down) leaves no run that ended.
 * The error is read by its `reason`, not its class: the package may load its own n8n-workflow.
 */
export function outcomeOfRejection(error: unknown): RunOutcome {
	const reason = (error as { reason?: unknown } | null | undefined)?.reason;
	return reason === 'timeout' || reason === 'manual' ? 'failed' : 'notRun';
}

/**
 * What the trigger does to the parcel once its run is over. A run n8n could not start resets the
 * parcel even under Workflow Finishes, since nothing has seen the file.
 */
export function actionAfterRun(when: ConfirmWhen, outcome: RunOutcome): ParcelAction {
	switch (when) {
		case 'workflowSucceeds':
			return outcome === 'succeeded' ? 'confirm' : 'reset';
		case 'workflowFinishes':
			return outcome === 'notRun' ? 'reset' : 'confirm';
		case 'immediately':
		case 'laterInWorkflow':
			return 'none';
	}
}

/** Modes where the trigger owns the parcel's fate, so a lease that ran out resets it. */
export function resetsExpired(when: ConfirmWhen): boolean {
	return when === 'workflowSucceeds' || when === 'workflowFinishes';
}

/**
 * ECGridOS refusals that say a confirm or reset will never succeed: the parcel is gone (or never
 * was), or the credential may not touch it. Any other failure, a fault included, may pass (an
 * internal or database error, an outage), so the call is tried again.
 */
export const FINAL_RET_CODES: readonly string[] = ['NotFound', 'InvalidID', 'AccessDenied'];

export function isFinalRefusal(error: unknown): boolean {
	return error instanceof EcGridOsFault && FINAL_RET_CODES.includes(error.retCode ?? '');
}

const FIRST_RETRY_MS = 2_000;
export const MAX_RETRY_MS = 60_000;

/** How long to wait before the next try of a confirm or reset that failed `tries` times. */
export function retryDelayMs(tries: number): number {
	return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, tries - 1));
}

/**
 * True for the failed try after which the retries slow to their longest delay (the sixth, about a
 * minute into the streak): from then on the parcel is stuck until ECGridOS takes the call.
 */
export function isFirstLongestDelay(tries: number): boolean {
	return retryDelayMs(tries) === MAX_RETRY_MS && retryDelayMs(tries - 1) < MAX_RETRY_MS;
}
