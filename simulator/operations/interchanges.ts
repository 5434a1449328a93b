import { EcGridError } from '../errors';
import type { OperationContext, OperationHandler } from '../types';
import { readEnvelopes } from '../world/edi';
import { findPartner } from '../world/parcels';
import type { SimInterchange, SimMailbox } from '../world/records';
import { generatorFor, interchangeRecord, page, partnerRecord } from './records';
import { inRange, num, scopedInterchange, scopedMailbox, text } from './scope';

type Side = 'InBox' | 'OutBox';

function mailboxOf(context: OperationContext, ex: boolean): SimMailbox {
	return ex
		? scopedMailbox(context, context.params.MailboxID, context.params.NetworkID)
		: scopedMailbox(context);
}

/** InBox: delivered to the mailbox; OutBox: sent from it. Date range, partner and control filters. */
function select(
	context: OperationContext,
	side: Side,
	ex: boolean,
	extra: (ic: SimInterchange) => boolean = () => true,
): SimInterchange[] {
	const { params } = context;
	const mailbox = mailboxOf(context, ex);
	const from = num(params.ECGridIDFrom ?? 0);
	const to = num(params.ECGridIDTo ?? 0);
	const control = text(params.InterchangeControlID);
	return [...context.world.interchanges.values()]
		.filter((ic) =>
			side === 'InBox'
				? ic.mailboxIdTo === mailbox.mailboxId && ic.inBoxParcelId !== undefined
				: ic.mailboxIdFrom === mailbox.mailboxId,
		)
		.filter((ic) => inRange(ic.date, params.BeginDate, params.EndDate))
		.filter((ic) => (from === 0 || ic.ecGridIdFrom === from) && (to === 0 || ic.ecGridIdTo === to))
		.filter((ic) => control === '' || ic.controlId === control)
		.filter(extra)
		.sort((a, b) => a.date.getTime() - b.date.getTime() || a.interchangeId - b.interchangeId);
}

const list =
	(
		side: Side,
		ex: boolean,
		extra?: (context: OperationContext) => (ic: SimInterchange) => boolean,
	): OperationHandler =>
	(context) =>
		select(context, side, ex, extra?.(context)).map((ic) => interchangeRecord(context, ic));

const paged =
	(side: Side, ex: boolean, withParcels = true): OperationHandler =>
	(context) => {
		const records = select(context, side, ex);
		const { items, ...paging } = page(
			records,
			context.params.PageNo,
			context.params.RecordsPerPage,
		);
		return {
			...paging,
			InterchangeIDInfoList: items.map((ic) =>
				interchangeRecord(context, ic, { parcels: withParcels }),
			),
		};
	};

/** Still waiting in the receiver's InBox (its parcel not yet downloaded). */
const pending = (context: OperationContext) => (ic: SimInterchange) =>
	ic.inBoxParcelId !== undefined &&
	context.world.parcels.get(ic.inBoxParcelId)?.status === 'InBoxReady';
const noRoute = () => (ic: SimInterchange) => ic.status === 'NoRoute';
const nothing = () => () => false;

/** InterchangeHeaderInfo: what the simulator reads from an ISA or UNB header. */
function headerInfo(context: OperationContext, header: Buffer) {
	const envelope = readEnvelopes(header)[0];
	if (!envelope) {
		throw new EcGridError('InvalidDataType', 'InterchangeHeader', 'Not an ISA or UNB header.');
	}
	const from = findPartner(context.world, envelope.senderQualifier, envelope.senderId);
	const to = findPartner(context.world, envelope.receiverQualifier, envelope.receiverId);
	return generatorFor(context).complete('InterchangeIDInfo', {
		InterchangeID: 0,
		NetworkIDFrom: from?.networkId ?? 0,
		MailboxIDFrom: from?.mailboxId ?? 0,
		NetworkIDTo: to?.networkId ?? 0,
		MailboxIDTo: to?.mailboxId ?? 0,
		Standard: envelope.standard,
		Bytes: header.length,
		InterchangeControlID: envelope.controlId,
		DocumentType: envelope.documentType,
		Header: envelope.header,
		TPFrom: partnerRecord(context, from),
		TPTo: partnerRecord(context, to),
		Parcels: [],
	});
}

/** ISA09/ISA10 (YYMMDD HHMM) or UNB date/time (YYMMDD:HHMM), as UTC. */
export function interchangeDate(header: string): Date | undefined {
	const x12 = /^ISA(.)/.exec(header.trimStart());
	let date: string | undefined;
	let time: string | undefined;
	if (x12) {
		const fields = header.trimStart().split(x12[1]);
		[date, time] = [fields[9], fields[10]];
	} else {
		const unb = /UNB\+[^+]*\+[^+]*\+[^+]*\+(\d{6,8}):(\d{4})/.exec(header);
		if (unb) [date, time] = [unb[1], unb[2]];
	}
	if (!date || !time || !/^\d{6,8}$/.test(date) || !/^\d{4}$/.test(time)) return undefined;
	const digits = date.length === 6 ? `20${date}` : date;
	return new Date(
		Date.UTC(
			+digits.slice(0, 4),
			+digits.slice(4, 6) - 1,
			+digits.slice(6, 8),
			+time.slice(0, 2),
			+time.slice(2),
		),
	);
}

export const INTERCHANGE_HANDLERS: Record<string, OperationHandler> = {
	InterchangeInfo: (context) =>
		interchangeRecord(context, scopedInterchange(context, context.params.InterchangeID)),
	InterchangeInBox: list('InBox', false),
	InterchangeInBoxEx: list('InBox', true),
	InterchangeOutBox: list('OutBox', false),
	InterchangeOutBoxEx: list('OutBox', true),
	InterchangeInBoxArchive: paged('InBox', false),
	InterchangeInBoxArchiveEx: paged('InBox', true),
	InterchangeOutBoxArchive: paged('OutBox', false),
	InterchangeOutBoxArchiveEx: paged('OutBox', true),
	InterchangeOutBoxArchiveExNoParcel: paged('OutBox', true, false),
	InterchangeInBoxPending: list('InBox', false, pending),
	InterchangeInBoxPendingEx: list('InBox', true, pending),
	// Uploads are routed at once: nothing waits in an OutBox, nothing is blocked.
	InterchangeOutBoxPending: list('OutBox', false, nothing),
	InterchangeOutBoxPendingEx: list('OutBox', true, nothing),
	InterchangeInBoxBlocked: list('InBox', false, nothing),
	InterchangeInBoxBlockedEx: list('InBox', true, nothing),
	InterchangeOutBoxBlocked: list('OutBox', false, nothing),
	InterchangeOutBoxBlockedEx: list('OutBox', true, nothing),
	InterchangeOutBoxNoRoute: list('OutBox', false, noRoute),
	InterchangeOutBoxNoRouteEx: list('OutBox', true, noRoute),
	InterchangeHeaderInfo: (context) =>
		headerInfo(context, Buffer.from(text(context.params.InterchangeHeader), 'latin1')),
	InterchangeHeaderInfoB: (context) =>
		headerInfo(
			context,
			Buffer.isBuffer(context.params.InterchangeHeader)
				? context.params.InterchangeHeader
				: Buffer.alloc(0),
		),
	InterchangeDate: (context) => {
		const date = interchangeDate(text(context.params.InterchangeHeader));
		if (!date)
			throw new EcGridError('InvalidDataType', 'InterchangeHeader', 'No date in that header.');
		return date;
	},
	InterchangeResend: (context) => {
		const ic = scopedInterchange(context, context.params.InterchangeID);
		return {
			Id: ic.interchangeId,
			InterchangeProcessDate: ic.date,
			NetworkIDFrom: ic.networkIdFrom,
			MailboxIDFrom: ic.mailboxIdFrom,
			ECGridIDFrom: ic.ecGridIdFrom,
			NetworkIDTo: ic.networkIdTo,
			MailboxIDTo: ic.mailboxIdTo,
			ECGridIDTo: ic.ecGridIdTo,
			RouterID: 1,
			Bytes: ic.bytes,
			StatusCode: ic.status,
			StatusDate: context.world.date(),
			InterchangeHeader: ic.header,
			standard: ic.standard,
			ParcelIDInbox: ic.inBoxParcelId ?? 0,
		};
	},
	InterchangeCancel: (context) => {
		const ic = scopedInterchange(context, context.params.InterchangeID);
		if (ic.status === 'Canceled') return false;
		ic.status = 'Canceled';
		return true;
	},
	InterchangeManifest: (context) => {
		const ic = scopedInterchange(context, context.params.InterchangeID);
		return [ic.outBoxParcelId, ic.inBoxParcelId]
			.filter((id): id is number => id !== undefined)
			.map((parcelId) => ({
				ManifestDate: ic.date,
				NetworkID: ic.networkIdTo,
				NetworkName: context.world.networks.get(ic.networkIdTo)?.name ?? '',
				Type: 'System',
				ParcelID: context.world.parcelWireId(parcelId),
				InterchangeID: ic.interchangeId,
				StatusCode: ic.status,
				StatusMessage: `Interchange ${ic.controlId} ${ic.status.toLowerCase()}.`,
				StatusColor: ic.status === 'Delivered' ? 'Green' : 'Red',
			}));
	},
};
