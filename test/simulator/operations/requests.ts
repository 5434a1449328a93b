/**
 * A valid request for any WSDL operation, built from the metadata, with values that exist in the
 * demo world (root caller, mailbox 10, its first InBox parcel …).
 */
import { ENUM_TYPES, OPERATIONS } from '../../../nodes/EcGridOs/soap/wsdl/operations.generated';
import type { Simulator } from '../../../simulator';
import { DEMO_USERS, sample } from '../../../simulator';
import type { Params } from '../client';

export const ROOT = DEMO_USERS.find((u) => u.authLevel === 'Root')!;
export const X12 = sample('x12-850-purchase-order.edi');

const NAMED: Record<string, (operation: string, sim: Simulator) => string | number | Buffer> = {
	SessionID: () => ROOT.apiKey,
	NetworkID: () => 1,
	MailboxID: () => 10,
	UserID: (op) => (op === 'MailboxAddEx' ? '1002' : 1003),
	OwnerUserID: () => 1002,
	ECGridID: () => 100001,
	ECGridID1: () => 100001,
	ECGridID2: () => 100005,
	ECGridIDFrom: () => 100001,
	ECGridIDTo: () => 100004,
	ParcelID: (_op, sim) => sim.inBox(10)[0].parcelId,
	InterchangeID: (_op, sim) => sim.inBox(10)[0].interchangeIds[0],
	InterconnectID: () => 500001,
	UniqueID: (_op, sim) => sim.world.interconnects.get(500001)!.uniqueId,
	LoginName: (op) =>
		op.startsWith('UserAdd') ? 'new.user' : op === 'Login' ? ROOT.loginName : 'mbx.user',
	Password: (op) => (op === 'Login' ? ROOT.password : 'new-password-1'),
	OldPassword: () => ROOT.password,
	NewPassword: () => 'new-password-1',
	Name: () => 'Acme',
	ID: (op) => (op.startsWith('TPAdd') ? 'NEWPARTNER' : 'ACME'),
	Qualifier: () => 'ZZ',
	FileName: () => 'upload.edi',
	Bytes: () => X12.length,
	// Bytes where the WSDL says base64Binary; base64 text in the …A calls.
	Content: (op) => (op.endsWith('A') ? X12.toString('base64') : X12),
	ContentBase64: () => X12.toString('base64'),
	InterchangeHeader: (op) =>
		op === 'InterchangeHeaderInfoB'
			? X12.subarray(0, 106)
			: X12.subarray(0, 106).toString('latin1'),
	Key: () => 'demo-key',
	// The control number of the 810 Acme sends Globex in the demo world.
	InterchangeControlID: () => '000000202',
	MailbagControlID: () => '',
	Bucket: () => 'demo-bucket',
	BeginDate: () => '2025-01-01T00:00:00Z',
	StartDate: () => '2025-01-01T00:00:00Z',
	StartTime: () => '2025-01-01T00:00:00Z',
	EndDate: () => '2027-01-01T00:00:00Z',
	EndTime: () => '2027-01-01T00:00:00Z',
	Length: () => 12,
	MaxSessions: () => 3,
	Minutes: () => 30,
	RecordsPerPage: () => 10,
	PageSize: () => 10,
	Description: () => 'Demo description',
};

const BY_TYPE: Record<string, string | number | Buffer> = {
	string: 'demo',
	int: 1,
	short: 1,
	long: 1,
	unsignedByte: 42,
	boolean: 'true',
	dateTime: '2026-01-01T00:00:00Z',
	base64Binary: Buffer.from('demo'),
};

/** Parameters in WSDL order; booleans spelled `true` (valid on every binding). */
export function validParams(operationName: string, sim: Simulator): Params {
	const params: Params = {};
	for (const field of OPERATIONS[operationName].parameters) {
		const named = NAMED[field.name];
		if (named && !(field.name === 'Status' && field.type === 'short')) {
			params[field.name] = named(operationName, sim);
			continue;
		}
		const names = ENUM_TYPES[field.type];
		if (names) {
			params[field.name] = names.find((n) => n !== 'NoChange') ?? names[0];
			continue;
		}
		params[field.name] = BY_TYPE[field.type] ?? 'demo';
	}
	return params;
}
