/**
 * The simulator's world records. Field values that are WSDL enums carry the enum's names exactly
 * (`Status`, `StatusECGridID`, `StatusInterconnect`, `ParcelStatus` …), so the operations can hand
 * them to the encoder unchanged.
 */

/** AuthLevel names as ECGridOS sends them (`NoChange` is an input-only value, left out). */
export type AuthLevel =
	| 'Root'
	| 'TechOps'
	| 'NetOps'
	| 'NetworkAdmin'
	| 'NetworkUser'
	| 'MailboxAdmin'
	| 'MailboxUser'
	| 'TPUser'
	| 'General';

/** The WSDL's `Status` enum (users, networks, mailboxes). */
export type RecordStatus = 'Development' | 'Active' | 'Preproduction' | 'Suspended' | 'Terminated';

export type TradingPartnerStatus =
	'Active' | 'AutoRoute' | 'Pending' | 'Suspended' | 'Terminated' | 'Duplicate';

export type InterconnectStatus =
	'Pending' | 'Completed' | 'Canceled' | 'Delayed' | 'Problem' | 'AuthorizationRequired';

export type EdiStandard = 'X12' | 'EDIFACT' | 'XML' | 'TXT' | 'Binary';

export interface SimUser {
	userId: number;
	loginName: string;
	password: string;
	authLevel: AuthLevel;
	networkId: number;
	mailboxId: number;
	firstName: string;
	lastName: string;
	company: string;
	email: string;
	phone: string;
	lastLogin: Date;
	cellPhone?: string;
	cellCarrier?: string;
	recoveryQuestion?: string;
	recoveryAnswer?: string;
	status?: RecordStatus;
	created?: Date;
	modified?: Date;
	maxSessions?: number;
}

export interface SimNetwork {
	networkId: number;
	name: string;
	location: string;
	status: RecordStatus;
	created: Date;
	modified: Date;
	/** ContactType name → UserID. */
	contacts: Record<string, number>;
	/** WebsiteType name → URL. */
	websites: Record<string, string>;
}

export interface SimMailbox {
	mailboxId: number;
	networkId: number;
	name: string;
	description: string;
	status: RecordStatus;
	useType: string;
	managed: boolean;
	deleteOnDownload: boolean;
	inBoxTimeoutMinutes: number;
	/** X12 delimiters as byte values: segment terminator, element and sub-element separators. */
	delimiters: { segTerm: number; elmSep: number; subElmSep: number };
	/** ContactType name → UserID. */
	contacts: Record<string, number>;
	created: Date;
	modified: Date;
}

export interface SimTradingPartner {
	ecGridId: number;
	networkId: number;
	mailboxId: number;
	qualifier: string;
	id: string;
	description: string;
	status: TradingPartnerStatus;
	useType: string;
	routingGroup: string;
	mailboxDefault: boolean;
	dataEmail: string;
	ownerUserId: number;
	created: Date;
	modified: Date;
}

export interface SimInterconnectNote {
	noteId: number;
	date: Date;
	status: InterconnectStatus;
	userId: number;
	note: string;
}

export interface SimInterconnect {
	interconnectId: number;
	uniqueId: string;
	ecGridId1: number;
	ecGridId2: number;
	reference: string;
	contactName: string;
	contactEmail: string;
	status: InterconnectStatus;
	requestorUserId: number;
	created: Date;
	modified: Date;
	completed?: Date;
	notes: SimInterconnectNote[];
}

/** How often a parcel was touched, per kind of call: what the trigger tests count. */
export interface ParcelCounters {
	/** ParcelDownload / ParcelDownloadA calls (each marks it transferred). */
	downloads: number;
	/** ParcelDownloadNoUpdate / …A calls (no state change). */
	previews: number;
	confirms: number;
	resets: number;
	cancels: number;
}

export interface SimParcel {
	parcelId: number;
	direction: 'InBox' | 'OutBox';
	/** The mailbox whose InBox or OutBox holds it. */
	networkId: number;
	mailboxId: number;
	networkIdFrom: number;
	mailboxIdFrom: number;
	networkIdTo: number;
	mailboxIdTo: number;
	fileName: string;
	content: Buffer;
	standard: EdiStandard;
	/**
	 * InBox parcels: `InBoxReady` or `InBoxTransferred`. OutBox parcels: `outboxDeliveryError` when
	 * it could not be delivered, undefined once delivered (the ParcelStatus enum has no name for a
	 * delivered OutBox parcel).
	 */
	status: string | undefined;
	/** ParcelValid name. */
	valid: string;
	/** Still listed in the InBox (false once confirmed); OutBox parcels: false. */
	inInBox: boolean;
	date: Date;
	statusDate: Date;
	statusMessage: string;
	mailbagControlId: string;
	localStatus: number;
	ecGridIdFrom: number;
	ecGridIdTo: number;
	interchangeIds: number[];
	counters: ParcelCounters;
	/** ParcelAcknowledgmentNote entries. */
	notes: { date: Date; userId: number; subject: string; note: string }[];
	/** The OutBox parcel this InBox copy was delivered from (or the reverse). */
	linkedParcelId?: number;
}

export interface SimInterchange {
	interchangeId: number;
	standard: EdiStandard;
	controlId: string;
	documentType: string;
	header: string;
	date: Date;
	bytes: number;
	networkIdFrom: number;
	mailboxIdFrom: number;
	networkIdTo: number;
	mailboxIdTo: number;
	ecGridIdFrom: number;
	ecGridIdTo: number;
	outBoxParcelId?: number;
	inBoxParcelId?: number;
	status: 'Delivered' | 'NoRoute' | 'Canceled';
}

export interface SimKeyValue {
	key: string;
	value: string;
	meta: string;
	created: Date;
	expires: Date;
	visibility: string;
	objectKey: string;
	userId: number;
	networkId: number;
	mailboxId: number;
}
