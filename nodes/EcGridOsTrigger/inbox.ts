import type { IDataObject } from 'n8n-workflow';

import { toJson } from '../EcGridOs/actions/shapeResult';
import type { ResultValue } from '../EcGridOs/soap';
import type { CallOptions, EcGridOsClient } from '../EcGridOs/transport/ecgridosClient';

export interface Mailbox {
	networkId: number;
	mailboxId: number;
}

/** A parcel as ParcelInBoxEx lists it: the WSDL record, and what the trigger reads from it. */
export interface ListedParcel {
	parcelId: number;
	status: string;
	/** ParcelDate in ms, for oldest-first order. */
	arrived: number;
	record: ResultValue;
}

export class NoMailboxError extends Error {}

/** The ECGridOS calls the trigger makes, all through the node's own client. */
export class InBox {
	private ownMailbox?: Promise<Mailbox>;

	constructor(
		private readonly client: EcGridOsClient,
		private readonly options: CallOptions,
		private readonly chosen: Mailbox | undefined,
	) {}

	/** The chosen mailbox, or the credential's own (one WhoAmI, remembered once it worked). */
	async mailbox(): Promise<Mailbox> {
		if (this.chosen) return this.chosen;
		this.ownMailbox ??= this.client
			.call({ operation: 'WhoAmI', parameters: {} }, this.options)
			.then((info) => {
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

	/** Every parcel in the InBox, whatever its status, oldest first. */
	async list(ecGridIdFrom: number): Promise<ListedParcel[]> {
		const { networkId, mailboxId } = await this.mailbox();
		const page = (await this.client.call(
			{
				operation: 'ParcelInBoxEx',
				parameters: {
					NetworkID: networkId,
					MailboxID: mailboxId,
					ECGridIDFrom: ecGridIdFrom,
					ECGridIDTo: 0,
				},
			},
			this.options,
		)) as { ParcelIDInfoList?: ResultValue } | null;
		const list = Array.isArray(page?.ParcelIDInfoList) ? page.ParcelIDInfoList : [];
		return list
			.map((record) => {
				const fields = (record ?? {}) as Record<string, ResultValue>;
				return {
					parcelId: Number(fields.ParcelID),
					status: typeof fields.StatusCode === 'string' ? fields.StatusCode : '',
					arrived: Date.parse(String(fields.ParcelDate ?? '')) || 0,
					record,
				};
			})
			.filter((parcel) => Number.isSafeInteger(parcel.parcelId) && parcel.parcelId > 0)
			.sort((a, b) => a.arrived - b.arrived || a.parcelId - b.parcelId);
	}

	async confirm(parcelId: number): Promise<void> {
		await this.client.call(
			{ operation: 'ParcelDownloadConfirm', parameters: { ParcelID: parcelId } },
			this.options,
		);
	}

	async reset(parcelId: number): Promise<void> {
		await this.client.call(
			{ operation: 'ParcelDownloadReset', parameters: { ParcelID: parcelId } },
			this.options,
		);
	}
}

/** What the trigger emits for a parcel: its metadata in camelCase, never its content. */
export function parcelItem(parcel: ListedParcel): IDataObject {
	return toJson(parcel.record) as IDataObject;
}
