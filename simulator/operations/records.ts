/**
 * World records → WSDL result records. Every field of the WSDL type is present: what the world
 * models comes from the world, the rest is generated (deterministic from the seed).
 */
import type { OperationContext } from '../types';
import type {
	SimInterchange,
	SimInterconnect,
	SimMailbox,
	SimNetwork,
	SimParcel,
	SimTradingPartner,
	SimUser,
} from '../world/records';
import { createGenerator } from './generate';
import type { Generator } from './generate';

const EPOCH = new Date('2000-01-01T00:00:00.000Z');

export function generatorFor(context: OperationContext): Generator {
	return createGenerator(context.settings.seed, context.operation);
}

type Record_ = Record<string, unknown>;

export function userRecord(context: OperationContext, user: SimUser | undefined): Record_ | null {
	if (!user) return null;
	return generatorFor(context).complete('UserIDInfo', {
		UserID: user.userId,
		LoginName: user.loginName,
		RecoveryQuestion: user.recoveryQuestion ?? '',
		FirstName: user.firstName,
		LastName: user.lastName,
		Company: user.company,
		EMail: user.email,
		Phone: user.phone,
		CellPhone: user.cellPhone ?? '',
		CellCarrier: user.cellCarrier ?? 'Undefined',
		TimeZoneOffset: 0,
		NetworkID: user.networkId,
		MailboxID: user.mailboxId,
		AuthLevel: user.authLevel,
		Created: user.created ?? EPOCH,
		Modified: user.modified ?? EPOCH,
		LastLogin: user.lastLogin,
		Status: user.status ?? 'Active',
		LockedOut: false,
		OpenSessions: context.world.sessionCount(user.userId),
	});
}

function contact(context: OperationContext, contacts: Record<string, number>, type: string) {
	const id = contacts[type] ?? contacts.Owner;
	return userRecord(context, id === undefined ? undefined : context.world.users.get(id));
}

function mailboxConfig(mailbox: SimMailbox): Record_ {
	return {
		InBoxTimeout: mailbox.inBoxTimeoutMinutes,
		SegTerm: mailbox.delimiters.segTerm,
		ElmSep: mailbox.delimiters.elmSep,
		SubElmSep: mailbox.delimiters.subElmSep,
		EBCDICFilter: 0,
		FTPasciiFilter: false,
		LowPassFilter: false,
		MailbagPassThrough: false,
		DeleteOnDownload: mailbox.deleteOnDownload,
		StripDirectedEnvelope: false,
	};
}

export function mailboxRecord(context: OperationContext, mailbox: SimMailbox): Record_ {
	const c = (type: string) => contact(context, mailbox.contacts, type);
	return generatorFor(context).complete('MailboxIDInfo', {
		MailboxID: mailbox.mailboxId,
		NetworkID: mailbox.networkId,
		Name: mailbox.name,
		Created: mailbox.created,
		Modified: mailbox.modified,
		Status: mailbox.status,
		Description: mailbox.description,
		OwnerUserID: c('Owner'),
		ErrorsUserID: c('Errors'),
		InterconnectsUserID: c('Interconnects'),
		NoticesUserID: c('Notices'),
		ReportsUserID: c('Reports'),
		CustomerServiceUserID: c('CustomerService'),
		AccountingUserID: c('Accounting'),
		Managed: mailbox.managed,
		UseType: mailbox.useType,
		Config: mailboxConfig(mailbox),
		ECGridAccount: false,
		DefaultAS2ID: '',
		OwnerInfo: { PricelistID: 0, ContractID: 0 },
		NetOpsInfo: { AliasNetworkID: 0, AliasMailboxID: 0 },
	});
}

export function networkRecord(context: OperationContext, network: SimNetwork): Record_ {
	const contactId = (type: string) => network.contacts[type] ?? network.contacts.Owner ?? 0;
	const owner = context.world.users.get(contactId('Owner'));
	return generatorFor(context).complete('NetworkIDInfo', {
		NetworkID: network.networkId,
		Name: network.name,
		Location: network.location,
		AdminContact: owner ? `${owner.firstName} ${owner.lastName}` : '',
		AdminPhone: owner?.phone ?? '',
		AdminEMail: owner?.email ?? '',
		LastContact: network.modified,
		Type: 'Network',
		Status: network.status,
		RunStatus: 'Active',
		NetworkStatus: 'NormalOperation',
		ECGridAccount: true,
		OwnerUserID: contactId('Owner'),
		RoutingUserID: contactId('Routing'),
		ErrorsUserID: contactId('Errors'),
		InterconnectsUserID: contactId('Interconnects'),
		NoticesUserID: contactId('Notices'),
		ReportsUserID: contactId('Reports'),
		AccountingUserID: contactId('Accounting'),
		CustomerServiceUserID: contactId('CustomerService'),
		HomeWebsite: network.websites.Home ?? '',
		SupportWebsite: network.websites.Support ?? '',
		LoginWebsite: network.websites.Login ?? '',
		Created: network.created,
		Modified: network.modified,
	});
}

export function partnerRecord(
	context: OperationContext,
	tp: SimTradingPartner | undefined,
): Record_ | null {
	if (!tp) return null;
	const { world } = context;
	const mailbox = world.mailboxes.get(tp.mailboxId);
	const network = world.networks.get(tp.networkId);
	return generatorFor(context).complete('ECGridIDInfo', {
		ECGridID: tp.ecGridId,
		NetworkID: tp.networkId,
		NetworkName: network?.name ?? '',
		MailboxID: tp.mailboxId,
		MailboxName: mailbox?.name ?? '',
		Qualifier: tp.qualifier,
		ID: tp.id,
		Description: tp.description,
		DataEMail: tp.dataEmail,
		MailboxDefault: tp.mailboxDefault,
		Status: tp.status,
		UseType: tp.useType,
		Owner: userRecord(context, world.users.get(tp.ownerUserId)),
		OwnerInfo: {
			NetworkID: tp.networkId,
			NetworkName: network?.name ?? '',
			MailboxID: tp.mailboxId,
			MailboxName: mailbox?.name ?? '',
			Created: tp.created,
			Modified: tp.modified,
			Effective: tp.created,
			Expires: new Date('2099-12-31T00:00:00.000Z'),
			LastTraffic: tp.modified,
			RoutingGroup: tp.routingGroup,
		},
		Config: mailbox ? mailboxConfig(mailbox) : null,
	});
}

export function interconnectRecord(context: OperationContext, ic: SimInterconnect): Record_ {
	const { world } = context;
	const requestor = userRecord(context, world.users.get(ic.requestorUserId));
	return generatorFor(context).complete('InterconnectIDInfo', {
		InterconnectID: ic.interconnectId,
		UniqueID: ic.uniqueId,
		Created: ic.created,
		Modified: ic.modified,
		Completed: ic.completed ?? EPOCH,
		LastTraffic: ic.modified,
		LastTrafficInbound: ic.modified,
		LastTrafficOutbound: ic.modified,
		RequestorUser: requestor,
		ContactUser: requestor,
		ContactName: ic.contactName,
		ContactEMail: ic.contactEmail,
		Status: ic.status,
		SuspendPendingInterchanges: false,
		TP1: partnerRecord(context, world.tradingPartners.get(ic.ecGridId1)),
		AS2ID1: '',
		Reference1: ic.reference,
		TP2: partnerRecord(context, world.tradingPartners.get(ic.ecGridId2)),
		AS2ID2: '',
		Reference2: '',
		NetOps: null,
	});
}

function names(context: OperationContext, networkId: number, mailboxId: number) {
	return {
		network: context.world.networks.get(networkId)?.name ?? '',
		mailbox: context.world.mailboxes.get(mailboxId)?.name ?? '',
	};
}

export function parcelRecord(
	context: OperationContext,
	parcel: SimParcel,
	options: { interchanges?: boolean; short?: boolean } = {},
): Record_ {
	const from = names(context, parcel.networkIdFrom, parcel.mailboxIdFrom);
	const to = names(context, parcel.networkIdTo, parcel.mailboxIdTo);
	const interchanges =
		options.interchanges === false
			? []
			: parcel.interchangeIds
					.map((id) => context.world.interchanges.get(id))
					.filter((ic): ic is SimInterchange => ic !== undefined)
					.map((ic) => interchangeRecord(context, ic, { parcels: false }));
	return generatorFor(context).complete('ParcelIDInfo', {
		ParcelBytes: parcel.content.length,
		ParcelDate: parcel.date,
		ActualBytes: parcel.content.length,
		NetworkIDFrom: parcel.networkIdFrom,
		NetworkNameFrom: from.network,
		MailboxIDFrom: parcel.mailboxIdFrom,
		MailboxNameFrom: from.mailbox,
		NetworkIDTo: parcel.networkIdTo,
		NetworkNameTo: to.network,
		MailboxIDTo: parcel.mailboxIdTo,
		MailboxNameTo: to.mailbox,
		FileName: parcel.fileName,
		MailbagControlID: parcel.mailbagControlId,
		ArchiveDate: parcel.date,
		StatusDate: parcel.statusDate,
		StatusCode: parcel.status ?? '',
		StatusMessage: parcel.statusMessage,
		LocalStatus: parcel.localStatus,
		LocalStatusDate: parcel.statusDate,
		Valid: parcel.valid,
		Acknowledgment: '',
		Direction: parcel.direction,
		Interchanges: options.short ? null : interchanges,
		Log: options.short ? null : manifest(context, parcel),
		ParcelID: context.world.parcelWireId(parcel.parcelId),
	});
}

/** The parcel's manifest: when it arrived and its present status. */
export function manifest(context: OperationContext, parcel: SimParcel): Record_[] {
	const entry = (date: Date, code: string, message: string) => ({
		ManifestDate: date,
		NetworkID: parcel.networkId,
		NetworkName: '',
		Type: 'System',
		ParcelID: context.world.parcelWireId(parcel.parcelId),
		InterchangeID: parcel.interchangeIds[0] ?? 0,
		StatusCode: code,
		StatusMessage: message,
		StatusColor: code === 'outboxDeliveryError' ? 'Red' : 'Green',
	});
	return [
		entry(parcel.date, 'Received', `${parcel.direction} parcel stored.`),
		entry(parcel.statusDate, parcel.status ?? 'Delivered', parcel.statusMessage || 'Status.'),
	];
}

export function interchangeRecord(
	context: OperationContext,
	ic: SimInterchange,
	options: { parcels?: boolean } = {},
): Record_ {
	const { world } = context;
	const from = names(context, ic.networkIdFrom, ic.mailboxIdFrom);
	const to = names(context, ic.networkIdTo, ic.mailboxIdTo);
	const parcels =
		options.parcels === false
			? null
			: [ic.outBoxParcelId, ic.inBoxParcelId]
					.map((id) => (id === undefined ? undefined : world.parcels.get(id)))
					.filter((p): p is SimParcel => p !== undefined)
					.map((p) => parcelRecord(context, p, { interchanges: false, short: true }));
	return generatorFor(context).complete('InterchangeIDInfo', {
		InterchangeID: ic.interchangeId,
		InterchangeProcessDate: ic.date,
		NetworkIDFrom: ic.networkIdFrom,
		NetworkNameFrom: from.network,
		MailboxIDFrom: ic.mailboxIdFrom,
		NetworkIDTo: ic.networkIdTo,
		NetworkNameTo: to.network,
		MailboxIDTo: ic.mailboxIdTo,
		Standard: ic.standard,
		Bytes: ic.bytes,
		InterchangeControlID: ic.controlId,
		InterchangeDateTime: ic.date,
		ArchiveDate: ic.date,
		StatusDate: ic.date,
		StatusCode: ic.status,
		StatusMessage: ic.status === 'NoRoute' ? 'No route to the receiver.' : '',
		DocumentType: ic.documentType,
		Header: ic.header,
		TPFrom: partnerRecord(context, world.tradingPartners.get(ic.ecGridIdFrom)),
		TPTo: partnerRecord(context, world.tradingPartners.get(ic.ecGridIdTo)),
		Parcels: parcels,
	});
}

/** FileInfo: the content as base64Binary (`Content`) or as a base64 string (`…A` calls). */
export function fileRecord(
	context: OperationContext,
	parcel: SimParcel,
	asString: boolean,
): Record_ {
	return {
		ParcelID: context.world.parcelWireId(parcel.parcelId),
		FileName: parcel.fileName,
		FileDate: parcel.date,
		Bytes: parcel.content.length,
		Standard: parcel.standard,
		Content: asString ? null : parcel.content,
		ContentBase64String: asString ? parcel.content.toString('base64') : null,
		routerArchive: false,
	};
}

export interface Page<T> {
	PageSize: number;
	PageNumber: number;
	Count: number;
	TotalRecords: number;
	TotalPages: number;
	items: T[];
}

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 500;

/** 1-based pages; PageNo < 1 reads as 1, RecordsPerPage < 1 as 25, above 500 as 500. */
export function page<T>(records: readonly T[], pageNo: unknown, perPage: unknown): Page<T> {
	const size = Math.min(Number(perPage) >= 1 ? Number(perPage) : DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
	const number = Number(pageNo) >= 1 ? Number(pageNo) : 1;
	const items = records.slice((number - 1) * size, number * size);
	return {
		PageSize: size,
		PageNumber: number,
		Count: items.length,
		TotalRecords: records.length,
		TotalPages: Math.ceil(records.length / size),
		items,
	};
}
