import { EcGridError } from '../errors';
import type { OperationContext, OperationHandler } from '../types';
import type { SimMailbox, SimParcel } from '../world/records';
import {
	PARCEL_DELIVERY_ERROR,
	cancelDownload,
	confirmParcel,
	dropParcel,
	interconnected,
	recordDownload,
	resetParcel,
	uploadParcel,
} from '../world/parcels';
import { fileRecord, manifest, page, parcelRecord } from './records';
import { anyPartner, inRange, matches, me, num, scopedMailbox, scopedParcel, text } from './scope';

const MAX_PARCEL_BYTES = 100 * 1024 * 1024;

function mailboxOf(context: OperationContext, ex: boolean): SimMailbox {
	return ex
		? scopedMailbox(context, context.params.MailboxID, context.params.NetworkID)
		: scopedMailbox(context);
}

function parcelsOf(
	context: OperationContext,
	mailbox: SimMailbox,
	direction: SimParcel['direction'],
) {
	return [...context.world.parcels.values()]
		.filter((p) => p.mailboxId === mailbox.mailboxId && p.direction === direction)
		.sort((a, b) => a.date.getTime() - b.date.getTime() || a.parcelId - b.parcelId);
}

/** ECGridIDFrom / ECGridIDTo filters: 0 matches any. */
function partnerFilter(context: OperationContext) {
	const from = num(context.params.ECGridIDFrom ?? 0);
	const to = num(context.params.ECGridIDTo ?? 0);
	return (p: SimParcel) =>
		(from === 0 || p.ecGridIdFrom === from) && (to === 0 || p.ecGridIdTo === to);
}

function collection(context: OperationContext, parcels: SimParcel[], short = false) {
	const { items, ...paging } = page(
		parcels,
		context.params.PageNo ?? 1,
		context.params.RecordsPerPage ?? 0,
	);
	return { ...paging, ParcelIDInfoList: items.map((p) => parcelRecord(context, p, { short })) };
}

/** Unpaged lists (InBox, errors) come as one page holding every record. */
function whole(context: OperationContext, parcels: SimParcel[], short = false) {
	return {
		PageSize: parcels.length,
		PageNumber: 1,
		Count: parcels.length,
		TotalRecords: parcels.length,
		TotalPages: parcels.length === 0 ? 0 : 1,
		ParcelIDInfoList: parcels.map((p) => parcelRecord(context, p, { short })),
	};
}

function inBox(context: OperationContext, ex: boolean, status?: unknown, short = false) {
	const parcels = parcelsOf(context, mailboxOf(context, ex), 'InBox')
		.filter((p) => p.inInBox)
		.filter(partnerFilter(context))
		.filter((p) => status === undefined || p.status === status);
	return whole(context, parcels, short);
}

function archive(
	context: OperationContext,
	direction: SimParcel['direction'],
	ex: boolean,
	options: { descending?: boolean; short?: boolean } = {},
) {
	const { params } = context;
	const parcels = parcelsOf(context, mailboxOf(context, ex), direction)
		.filter((p) => inRange(p.date, params.BeginDate, params.EndDate))
		.filter(partnerFilter(context))
		.filter((p) => matches(params.MailbagControlID, p.mailbagControlId));
	if (options.descending) parcels.reverse();
	return collection(context, parcels, options.short);
}

function outBoxErrors(context: OperationContext, ex: boolean) {
	const { params } = context;
	const parcels = parcelsOf(context, mailboxOf(context, ex), 'OutBox')
		.filter((p) => p.status === PARCEL_DELIVERY_ERROR)
		.filter((p) => inRange(p.date, params.BeginDate, params.EndDate));
	return whole(context, parcels);
}

/** Download: FileInfo; `update` marks an InBox parcel InBoxTransferred. */
function download(update: boolean, asString: boolean): OperationHandler {
	return (context) => {
		const parcel = scopedParcel(context, context.params.ParcelID);
		recordDownload(context.world, parcel, update);
		return fileRecord(context, parcel, asString);
	};
}

function checkedContent(content: unknown, declared?: unknown): Buffer {
	const bytes = Buffer.isBuffer(content) ? content : Buffer.alloc(0);
	if (bytes.length === 0)
		throw new EcGridError('InvalidDataLength', 'Content', 'The file is empty.');
	if (bytes.length > MAX_PARCEL_BYTES) {
		throw new EcGridError('InvalidDataLength', 'Content', 'The file is larger than 100 MB.');
	}
	if (declared !== undefined && num(declared) !== bytes.length) {
		throw new EcGridError(
			'InvalidDataLength',
			'Bytes',
			`Bytes says ${num(declared)} but the content holds ${bytes.length}.`,
		);
	}
	return bytes;
}

/** base64 string parameters (`…A` calls) are decoded the way .NET's Convert does, strictly. */
function fromBase64(value: unknown): Buffer {
	const compact = text(value).replace(/\s+/g, '');
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) {
		throw new EcGridError('InvalidDataType', 'ContentBase64', 'ContentBase64 is not valid base64.');
	}
	return Buffer.from(compact, 'base64');
}

function fileName(context: OperationContext): string {
	const name = text(context.params.FileName).trim();
	if (name === '') throw new EcGridError('InvalidDataLength', 'FileName', 'FileName is empty.');
	return name;
}

function upload(context: OperationContext, mailbox: SimMailbox, content: Buffer): number | bigint {
	if (mailbox.status === 'Suspended' || mailbox.status === 'Terminated') {
		throw new EcGridError(
			'AccessDenied',
			'MailboxID',
			`The mailbox is ${mailbox.status.toLowerCase()}.`,
		);
	}
	const { parcelId } = uploadParcel(context.world, mailbox, {
		fileName: fileName(context),
		content,
	});
	return context.world.parcelWireId(parcelId);
}

/** Mft: directed from one trading partner to another whatever the content (no envelope needed). */
function uploadDirected(context: OperationContext, content: Buffer): number {
	const from = anyPartner(context, context.params.ECGridIDFrom, 'ECGridIDFrom');
	const to = anyPartner(context, context.params.ECGridIDTo, 'ECGridIDTo');
	const sender = scopedMailbox(context, from.mailboxId, from.networkId);
	const { world } = context;
	const outgoing = uploadParcel(world, sender, { fileName: fileName(context), content });
	if (outgoing.linkedParcelId !== undefined) return outgoing.parcelId;
	const target = world.mailboxes.get(to.mailboxId);
	if (!target || !interconnected(world, from.ecGridId, to.ecGridId)) return outgoing.parcelId;
	const incoming = dropParcel(world, target, {
		fileName: outgoing.fileName,
		content,
		date: outgoing.date,
	});
	Object.assign(incoming, {
		networkIdFrom: sender.networkId,
		mailboxIdFrom: sender.mailboxId,
		ecGridIdFrom: from.ecGridId,
		ecGridIdTo: to.ecGridId,
		linkedParcelId: outgoing.parcelId,
		valid: 'VallidRouted',
	});
	Object.assign(outgoing, {
		status: undefined,
		valid: 'VallidRouted',
		networkIdTo: target.networkId,
		mailboxIdTo: target.mailboxId,
		ecGridIdFrom: from.ecGridId,
		ecGridIdTo: to.ecGridId,
		linkedParcelId: incoming.parcelId,
		statusMessage: `Delivered to mailbox ${target.mailboxId}.`,
	});
	return outgoing.parcelId;
}

/** A tiny interchange of the given standard between two partners (ParcelTest). */
function testFile(
	standard: unknown,
	fromQ: string,
	fromId: string,
	toQ: string,
	toId: string,
): Buffer {
	if (standard === 'EDIFACT') {
		return Buffer.from(
			`UNB+UNOC:3+${fromId}:${fromQ}+${toId}:${toQ}+260101:0000+TEST00001'UNH+1+CONTRL:D:3:UN'UNT+2+1'UNZ+1+TEST00001'`,
		);
	}
	if (standard !== 'X12')
		return Buffer.from(`ECGridOS simulator test parcel (${String(standard)})\n`);
	const pad = (value: string) => value.padEnd(15, ' ').slice(0, 15);
	const isa = [
		'ISA',
		'00',
		' '.repeat(10),
		'00',
		' '.repeat(10),
		fromQ.padEnd(2, ' '),
		pad(fromId),
		toQ.padEnd(2, ' '),
		pad(toId),
		'260101',
		'0000',
		'U',
		'00401',
		'000000001',
		'0',
		'T',
		'>',
	].join('*');
	return Buffer.from(
		`${isa}~GS*FA*${fromId}*${toId}*20260101*0000*1*X*004010~ST*997*0001~AK1*PO*1~AK9*A*1*1*1~SE*4*0001~GE*1*1~IEA*1*000000001~`,
	);
}

export const PARCEL_HANDLERS: Record<string, OperationHandler> = {
	ParcelInBox: (context) => inBox(context, false),
	ParcelInBoxEx: (context) => inBox(context, true),
	ParcelInBoxExShort: (context) => inBox(context, true, context.params.Status, true),
	ParcelInfo: (context) => parcelRecord(context, scopedParcel(context, context.params.ParcelID)),
	ParcelDownload: download(true, false),
	ParcelDownloadA: download(true, true),
	ParcelDownloadNoUpdate: download(false, false),
	ParcelDownloadNoUpdateA: download(false, true),
	ParcelDownloadS3: (context) => {
		const parcel = scopedParcel(context, context.params.ParcelID);
		const bucket = text(context.params.Bucket);
		if (bucket === '') throw new EcGridError('InvalidDataLength', 'Bucket', 'Bucket is empty.');
		recordDownload(context.world, parcel, true);
		return `s3://${bucket}/${text(context.params.Prefix)}${parcel.fileName}`;
	},
	ParcelDownloadConfirm: (context) =>
		confirmParcel(context.world, scopedParcel(context, context.params.ParcelID)),
	ParcelDownloadConfirmPendingAck: (context) =>
		confirmParcel(context.world, scopedParcel(context, context.params.ParcelID)),
	ParcelDownloadReset: (context) =>
		resetParcel(context.world, scopedParcel(context, context.params.ParcelID)),
	ParcelDownloadCancel: (context) =>
		cancelDownload(context.world, scopedParcel(context, context.params.ParcelID)),
	ParcelAcknowledgmentNote: (context) => {
		const parcel = scopedParcel(context, context.params.ParcelID);
		parcel.notes.push({
			date: context.world.date(),
			userId: me(context).userId,
			subject: text(context.params.Subject),
			note: text(context.params.Note),
		});
		return true;
	},
	ParcelNoteList: (context) => {
		const parcel = scopedParcel(context, context.params.ParcelID);
		return parcel.notes.map((note, index) => ({
			ParcelID: context.world.parcelWireId(parcel.parcelId),
			ParcelNoteID: index + 1,
			InterchangeID: parcel.interchangeIds[0] ?? 0,
			NoteDate: note.date,
			StatusCode: note.subject,
			PostedBy: context.world.users.get(note.userId)?.loginName ?? '',
			UserID: note.userId,
			Note: note.note,
		}));
	},
	ParcelManifest: (context) => manifest(context, scopedParcel(context, context.params.ParcelID)),
	ParcelResend: (context) => {
		const parcel = scopedParcel(context, context.params.ParcelID);
		if (parcel.direction !== 'OutBox' || parcel.status !== PARCEL_DELIVERY_ERROR) return false;
		const sender = scopedMailbox(context, parcel.mailboxId);
		const again = uploadParcel(context.world, sender, {
			fileName: parcel.fileName,
			content: parcel.content,
		});
		return again.status !== PARCEL_DELIVERY_ERROR;
	},
	ParcelUpload: (context) =>
		upload(
			context,
			scopedMailbox(context),
			checkedContent(context.params.Content, context.params.Bytes),
		),
	ParcelUploadA: (context) =>
		upload(
			context,
			scopedMailbox(context),
			checkedContent(fromBase64(context.params.ContentBase64)),
		),
	ParcelUploadEx: (context) =>
		upload(
			context,
			mailboxOf(context, true),
			checkedContent(context.params.Content, context.params.Bytes),
		),
	ParcelUploadExA: (context) =>
		upload(
			context,
			mailboxOf(context, true),
			checkedContent(fromBase64(context.params.ContentBase64)),
		),
	ParcelUploadMft: (context) =>
		context.world.parcelWireId(
			uploadDirected(context, checkedContent(context.params.Content, context.params.Bytes)),
		),
	ParcelUploadMftA: (context) =>
		context.world.parcelWireId(
			uploadDirected(context, checkedContent(fromBase64(context.params.ContentBase64))),
		),
	ParcelTest: (context) => {
		const from = anyPartner(context, context.params.ECGridIDFrom, 'ECGridIDFrom');
		const to = anyPartner(context, context.params.ECGridIDTo, 'ECGridIDTo');
		const sender = scopedMailbox(context, from.mailboxId, from.networkId);
		const content = testFile(
			context.params.DocumentType,
			from.qualifier,
			from.id,
			to.qualifier,
			to.id,
		);
		const { parcelId } = uploadParcel(context.world, sender, {
			fileName: 'ecgridos-test.edi',
			content,
		});
		return context.world.parcelWireId(parcelId);
	},
	ParcelUpdateStatus: (context) => {
		const parcel = scopedParcel(context, context.params.ParcelID);
		if (context.params.TransLogOnly !== true) {
			parcel.status = text(context.params.Status);
			parcel.statusDate = context.world.date();
		}
		return true;
	},
	ParcelUpdateLocalStatus: (context) => {
		const parcel = scopedParcel(context, context.params.ParcelID);
		parcel.localStatus = num(context.params.Status);
		return true;
	},
	ParcelSetMailbagControlID: (context) => {
		const parcel = scopedParcel(context, context.params.ParcelID);
		parcel.mailbagControlId = text(context.params.MailbagControlID);
		return true;
	},
	ParcelFindMailbagControlID: (context) => {
		const mailbox = mailboxOf(context, true);
		const wanted = text(context.params.MailbagControlID);
		return [...context.world.parcels.values()]
			.filter(
				(p) => p.mailboxId === mailbox.mailboxId && wanted !== '' && p.mailbagControlId === wanted,
			)
			.map((p) => parcelRecord(context, p));
	},
	ParcelFindMailbagControlIDTo: (context) => {
		const mailbox = mailboxOf(context, true);
		const { params } = context;
		const wanted = text(params.MailbagControlID);
		return [...context.world.parcels.values()]
			.filter(
				(p) =>
					p.mailboxIdTo === mailbox.mailboxId && wanted !== '' && p.mailbagControlId === wanted,
			)
			.filter((p) => inRange(p.date, params.BeginDate, params.EndDate))
			.map((p) => parcelRecord(context, p));
	},
	ParcelInBoxArchive: (context) => archive(context, 'InBox', false),
	ParcelInBoxArchiveEx: (context) => archive(context, 'InBox', true),
	ParcelInBoxArchiveExShort: (context) => archive(context, 'InBox', true, { short: true }),
	ParcelInBoxArchiveDescEx: (context) => archive(context, 'InBox', true, { descending: true }),
	ParcelOutBoxArchive: (context) => archive(context, 'OutBox', false),
	ParcelOutBoxArchiveEx: (context) => archive(context, 'OutBox', true),
	ParcelOutBoxArchiveExShort: (context) => archive(context, 'OutBox', true, { short: true }),
	ParcelOutBoxArchiveDescEx: (context) => archive(context, 'OutBox', true, { descending: true }),
	ParcelOutBoxError: (context) => outBoxErrors(context, false),
	ParcelOutBoxErrorEx: (context) => outBoxErrors(context, true),
	// Uploads are routed at once, so nothing is ever "in process".
	ParcelOutBoxInProcess: (context) => whole(context, (mailboxOf(context, false), [])),
	ParcelOutBoxInProcessEx: (context) => whole(context, (mailboxOf(context, true), [])),
};
