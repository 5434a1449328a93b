import { NodeOperationError, type ITriggerFunctions } from 'n8n-workflow';

import { isBinding } from '../EcGridOs/soap';
import { DEFAULT_TIMEOUT_MS } from '../EcGridOs/transport/constants';
import type { CallOptions } from '../EcGridOs/transport/ecgridosClient';
import {
	DEFAULT_LEASE_MINUTES,
	DEFAULT_RECOVER_MINUTES,
	MAX_PARCELS_PER_POLL,
} from './description';
import type { Mailbox } from './inbox';
import type { PollSettings } from './poll';
import { CONFIRM_WHEN, type ConfirmWhen } from './settle';

/** Room for the confirm or reset after a run that hit the workflow's timeout. */
const LEASE_MARGIN_MS = 60_000;

interface Options {
	binding?: string;
	timeout?: number;
	leaseMinutes?: number;
	recoverMinutes?: number;
}

const wholeNumber = (value: unknown) => Math.floor(Number(value ?? 0)) || 0;

/** A positive number of minutes in ms, else the default. */
function minutesMs(value: unknown, fallbackMinutes: number): number {
	const minutes = Number(value ?? fallbackMinutes);
	return (Number.isFinite(minutes) && minutes > 0 ? minutes : fallbackMinutes) * 60_000;
}

/**
 * A picked or typed ID (a resource locator), or the plain number of a workflow saved before these
 * were pick-lists; empty and 0 both mean the credential's own mailbox.
 */
function idOf(context: ITriggerFunctions, name: string, label: string): number {
	const raw = context.getNodeParameter(name, 0, { extractValue: true }) as unknown;
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (text === '') return 0;
	if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)))
		throw new NodeOperationError(
			context.getNode(),
			`Invalid ${label}: got ${JSON.stringify(raw)}`,
			{
				description: `${label} is a whole number: pick one from the list or enter it.`,
			},
		);
	return Number(text);
}

/**
 * How long a parcel stays leased: the workflow's timeout (n8n stops the run then) plus a minute,
 * else the Lease Timeout option.
 */
export function leaseMsFor(executionTimeoutSeconds: unknown, leaseMinutes: unknown): number {
	const timeout = Number(executionTimeoutSeconds);
	if (Number.isFinite(timeout) && timeout > 0) return timeout * 1000 + LEASE_MARGIN_MS;
	return minutesMs(leaseMinutes, DEFAULT_LEASE_MINUTES);
}

export interface TriggerSettings {
	pollSeconds: number;
	mailbox: Mailbox | undefined;
	callOptions: CallOptions;
	poll: PollSettings;
}

/** The node's parameters, checked once at activation: a bad one fails the activation. */
export function readSettings(context: ITriggerFunctions): TriggerSettings {
	const node = context.getNode();
	const options = context.getNodeParameter('options', {}) as Options;
	const binding = options.binding ?? 'soap11';
	if (!isBinding(binding)) throw new NodeOperationError(node, `Unknown binding "${binding}"`);
	const timeout = Number(options.timeout ?? DEFAULT_TIMEOUT_MS);
	if (!Number.isFinite(timeout) || timeout <= 0)
		throw new NodeOperationError(node, 'Timeout must be a positive number of milliseconds');

	const networkId = idOf(context, 'networkId', 'Network ID');
	const mailboxId = idOf(context, 'mailboxId', 'Mailbox ID');
	if ((networkId === 0) !== (mailboxId === 0)) {
		throw new NodeOperationError(
			node,
			'Set Network ID and Mailbox ID together, or leave both empty',
			{
				description:
					"ECGridOS reads another mailbox's InBox only when it knows both the network and the mailbox. Empty (or 0) means the credential's own.",
			},
		);
	}
	const confirmWhen = context.getNodeParameter('confirmWhen', 'workflowSucceeds') as ConfirmWhen;
	if (!CONFIRM_WHEN.includes(confirmWhen))
		throw new NodeOperationError(node, `Unknown Confirm Download When "${String(confirmWhen)}"`);
	const maxParcels = Math.min(
		MAX_PARCELS_PER_POLL,
		Math.max(1, wholeNumber(context.getNodeParameter('maxParcels', 25))),
	);
	return {
		pollSeconds: wholeNumber(context.getNodeParameter('pollInterval', 60)) || 60,
		mailbox: networkId === 0 ? undefined : { networkId, mailboxId },
		callOptions: { binding, timeout },
		poll: {
			ecGridIdFrom: wholeNumber(context.getNodeParameter('ecGridIdFrom', 0)),
			status: context.getNodeParameter('status', 'InBoxReady') as string,
			maxParcels,
			confirmWhen,
			leaseMs: leaseMsFor(context.getWorkflowSettings().executionTimeout, options.leaseMinutes),
			recoverMs: minutesMs(options.recoverMinutes, DEFAULT_RECOVER_MINUTES),
		},
	};
}
