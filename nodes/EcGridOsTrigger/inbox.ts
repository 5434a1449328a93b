import type { IDataObject } from 'n8n-workflow';

import { toJson } from '../EcGridOs/actions/shapeResult';
import type { ResultValue } from '../EcGridOs/soap';
import type { OperationCall } from '../EcGridOs/soap';
import { API_KEY_CREDENTIAL } from '../EcGridOs/transport/constants';
import type { CallOptions, EcGridOsClient } from '../EcGridOs/transport/ecgridosClient';
import { LoginFailedError } from '../EcGridOs/transport/loginFailedError';
import { compareParcelKeys, parcelKeyOf, type ParcelKey } from './parcelKey';

/**
 * After a failed Login the trigger waits this long before it logs in again: repeated failed
 * logins lock ECGrid users out, and an active trigger polls for days.
 */
export const LOGIN_RETRY_MS = 15 * 60_000;

export interface Mailbox {
	networkId: number;
	mailboxId: number;
}

/** A parcel as ParcelInBoxEx lists it: the WSDL record, and what the trigger reads from it. */
export interface ListedParcel {
	parcelId: ParcelKey;
	status: string;
	/** ParcelDate in ms, for oldest-first order. */
	arrived: number;
	record: ResultValue;
}

/**
 * One `ParcelInBoxEx` reply. `complete` is false when the reply says it holds fewer records than
 * the InBox (TotalRecords, TotalPages): a parcel it leaves out may still be there.
 */
export interface InBoxListing {
	parcels: ListedParcel[];
	complete: boolean;
}

export class NoMailboxError extends Error {}

/** The ECGridOS calls the trigger makes, all through the node's own client. */
export class InBox {
	private ownMailbox?: Promise<Mailbox>;
	private client: EcGridOsClient;
	private loginFailedAt?: number;

	constructor(
		private readonly newClient: () => EcGridOsClient,
		private readonly options: CallOptions,
		private readonly chosen: Mailbox | undefined,
		private readonly now: () => number = Date.now,
	) {
		this.client = newClient();
	}

	/**
	 * A Login client (and so one Login session) lasts the whole activation; an API key client is
	 * made anew at each poll (`readCredentialAgain`). A Login client's session gate refuses every
	 * call after a failed Login; the trigger renews it once LOGIN_RETRY_MS have passed.
	 */
	private async call(call: OperationCall) {
		if (this.loginFailedAt !== undefined && this.now() - this.loginFailedAt >= LOGIN_RETRY_MS) {
			this.client = this.newClient();
			this.loginFailedAt = undefined;
		}
		try {
			return await this.client.call(call, this.options);
		} catch (error) {
			if (error instanceof LoginFailedError) this.loginFailedAt ??= this.now();
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- the poller turns it into a NodeApiError (nodeErrors.ts)
			throw error;
		}
	}

	/** The chosen mailbox, or the credential's own (one WhoAmI, remembered once it worked). */
	async mailbox(): Promise<Mailbox> {
		if (this.chosen) return this.chosen;
		this.ownMailbox ??= this.call({ operation: 'WhoAmI', parameters: {} }).then((info) => {
			const session = (info ?? {}) as { NetworkID?: unknown; MailboxID?: unknown };
			const networkId = Number(session.NetworkID ?? 0);
			const mailboxId = Number(session.MailboxID ?? 0);
			if (!networkId || !mailboxId) {
				throw new NoMailboxError(
					"The credential's user has no mailbox of its own: set Network ID and Mailbox ID",
				);
			}
			return { networkId, mailboxId };
		});
		this.ownMailbox.catch(() => (this.ownMailbox = undefined));
		return await this.ownMailbox;
	}

	/**
	 * A client reads the API key once and keeps it. Each poll gets a new one, so that a key changed
	 * in n8n's credential (replaced with GenerateAPIKey, say, which ends the old key at once) is
	 * used from the next poll on, as n8n's own polling nodes do, rather than until the workflow is
	 * activated again, with every poll, confirm and reset refused meanwhile. A Login client stays:
	 * n8n keeps its session in the credential, and it must remember a failed Login.
	 */
	private readCredentialAgain(): void {
		if (this.client.credentialType === API_KEY_CREDENTIAL) this.client = this.newClient();
	}

	/** Every parcel in the InBox (or the reply's page of it), whatever its status, oldest first, each once. */
	async list(ecGridIdFrom: number): Promise<InBoxListing> {
		this.readCredentialAgain();
		const { networkId, mailboxId } = await this.mailbox();
		const page = (await this.call({
			operation: 'ParcelInBoxEx',
			parameters: {
				NetworkID: networkId,
				MailboxID: mailboxId,
				ECGridIDFrom: ecGridIdFrom,
				ECGridIDTo: 0,
			},
		})) as { ParcelIDInfoList?: ResultValue; TotalRecords?: unknown; TotalPages?: unknown } | null;
		const list = Array.isArray(page?.ParcelIDInfoList) ? page.ParcelIDInfoList : [];
		// ParcelInBoxEx takes no page number: a reply that says there is more holds only the first
		// page, and what it leaves out is not gone from the InBox.
		const complete = !(Number(page?.TotalRecords) > list.length || Number(page?.TotalPages) > 1);
		// A parcel listed twice would start two runs in one poll (both pass the lease check before
		// either takes its lease): the first record of each parcel ID is kept.
		const byId = new Map<ParcelKey, ListedParcel>();
		for (const record of list) {
			const fields = (record ?? {}) as Record<string, ResultValue>;
			const parcelId = parcelKeyOf(fields.ParcelID);
			if (parcelId === undefined || byId.has(parcelId)) continue;
			byId.set(parcelId, {
				parcelId,
				status: typeof fields.StatusCode === 'string' ? fields.StatusCode : '',
				arrived: Date.parse(String(fields.ParcelDate ?? '')) || 0,
				record,
			});
		}
		const parcels = [...byId.values()].sort(
			(a, b) => a.arrived - b.arrived || compareParcelKeys(a.parcelId, b.parcelId),
		);
		return { parcels, complete };
	}

	async confirm(parcelId: ParcelKey): Promise<void> {
		await this.call({ operation: 'ParcelDownloadConfirm', parameters: { ParcelID: parcelId } });
	}

	async reset(parcelId: ParcelKey): Promise<void> {
		await this.call({ operation: 'ParcelDownloadReset', parameters: { ParcelID: parcelId } });
	}
}

/** What the trigger emits for a parcel: its metadata in camelCase, never its content. */
export function parcelItem(parcel: ListedParcel): IDataObject {
	return toJson(parcel.record) as IDataObject;
}
