import { INTEGER_RANGES } from '../soap/values';
import { ENUM_TYPES } from '../soap/wsdl/operations.generated';
import type { WsdlField } from '../soap/wsdl/types';
import { camelName } from './naming';

/** The pick-lists a user chooses IDs from. */
export type LocatorKind = 'mailbox' | 'network' | 'user' | 'tradingPartner' | 'parcel';

/**
 * What a WSDL parameter is to the node:
 * - `session`: the credential's key or session ID;
 * - `paging`: page number or size, which the node sets while it pages;
 * - `contentLength`: the byte count of the call's content, taken from the content itself;
 * - `content`: file or certificate bytes, taken from a binary property of the item;
 * - `field`: a field the user fills.
 */
export type ParameterRole = 'session' | 'paging' | 'contentLength' | 'content' | 'field';

export type FieldKind = 'integer' | 'boolean' | 'dateTime' | 'enum' | 'string' | 'locator';

export interface FieldSpec {
	/** The WSDL parameter. */
	wsdlName: string;
	wsdlType: string;
	/** The n8n property name: one name means one kind and default in every operation. */
	property: string;
	kind: FieldKind;
	locator?: LocatorKind;
	/** For integers: the XSD type's range. */
	range?: [number, number];
	enumValues?: readonly string[];
	secret?: boolean;
}

const PAGING = new Set(['PageNo', 'RecordsPerPage', 'PageSize', 'PageNumber']);

/** Which IDs are picked from a list, by WSDL parameter name (case-insensitive). */
const LOCATORS: ReadonlyArray<[RegExp, LocatorKind]> = [
	[/^(Target)?MailboxID$/i, 'mailbox'],
	[/^(Target)?NetworkID$/i, 'network'],
	[/^(Owner)?UserID$/, 'user'],
	[/^ECGridID(From|To|1|2|CCFrom|CCTo)?$/, 'tradingPartner'],
	[/^ParcelID$/, 'parcel'],
];

const SECRET =
	/^(Password|OldPassword|NewPassword|HTTPPassword|SecretKey|(Current)?RecoveryAnswer)$/;

/**
 * Property names where one WSDL name carries different types in different calls; the generic
 * name goes to the common type, these to the others (n8n's editor needs one type per name).
 */
const PROPERTY_NAMES: Readonly<Record<string, string>> = {
	'Status:ParcelStatus': 'parcelStatus',
	'Status:short': 'localStatus',
	'Status:StatusInterconnect': 'interconnectStatus',
	'IntStatus:StatusInterconnect': 'interconnectStatus',
	'Status:MigrationStatus': 'migrationStatus',
	'UserId:string': 'certificateUserId',
};

export function isContentParameter(field: WsdlField): boolean {
	return field.type === 'base64Binary' || /Base64$/.test(field.name);
}

export function roleOf(field: WsdlField, siblings: readonly WsdlField[]): ParameterRole {
	if (field.name === 'SessionID') return 'session';
	if (PAGING.has(field.name)) return 'paging';
	// InterchangeHeaderInfoB takes the header as bytes: to the user it stays the header text.
	if (isContentParameter(field) && field.name !== 'InterchangeHeader') return 'content';
	if (field.name === 'Bytes' && siblings.some(isContentParameter)) return 'contentLength';
	return 'field';
}

export function fieldSpecOf(field: WsdlField): FieldSpec {
	const property = PROPERTY_NAMES[`${field.name}:${field.type}`] ?? camelName(field.name);
	const base = { wsdlName: field.name, wsdlType: field.type, property };
	const range = INTEGER_RANGES[field.type];
	if (range) {
		const locator = LOCATORS.find(([pattern]) => pattern.test(field.name))?.[1];
		return locator
			? { ...base, kind: 'locator', locator, range }
			: { ...base, kind: 'integer', range };
	}
	if (field.type === 'boolean') return { ...base, kind: 'boolean' };
	if (field.type === 'dateTime') return { ...base, kind: 'dateTime' };
	const enumValues = ENUM_TYPES[field.type];
	if (enumValues) return { ...base, kind: 'enum', enumValues };
	if (field.name === 'UserID') return { ...base, kind: 'locator', locator: 'user' };
	return { ...base, kind: 'string', ...(SECRET.test(field.name) ? { secret: true } : {}) };
}
