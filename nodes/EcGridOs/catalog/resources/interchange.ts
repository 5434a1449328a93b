import type { ResourceEntry } from '../types';

const OPTIONAL_PARTNERS = {
	ECGridIDFrom: {
		optional: true,
		description: 'Only interchanges from this ECGrid ID; empty for any sender',
	},
	ECGridIDTo: {
		optional: true,
		description: 'Only interchanges to this ECGrid ID; empty for any receiver',
	},
} as const;

const LIST_FIELDS = {
	...OPTIONAL_PARTNERS,
	InterchangeControlID: {
		description: 'Only the interchange with this control number (ISA13 or UNB5); empty for all',
	},
} as const;

export const interchangeResource: ResourceEntry = {
	name: 'Interchange',
	value: 'interchange',
	defaultOperation: 'get',
	operations: {
		cancel: {
			name: 'Cancel',
			action: 'Cancel an interchange',
			description: 'Stop an interchange that has not been delivered yet',
			calls: { call: 'InterchangeCancel' },
			destroys:
				'The interchange is not delivered; the receiver never gets it unless the sender sends it again',
		},
		decodeHeader: {
			name: 'Decode Header',
			action: 'Decode an interchange header',
			description:
				'Read sender, receiver, control number and date from an ISA or UNB envelope given as text',
			calls: { call: 'InterchangeHeaderInfo' },
		},
		decodeHeaderFromBinary: {
			name: 'Decode Header From Binary',
			action: 'Decode an interchange header given as bytes',
			description:
				'Read sender, receiver, control number and date from an ISA or UNB envelope given as bytes',
			calls: { call: 'InterchangeHeaderInfoB' },
		},
		get: {
			name: 'Get',
			action: 'Get an interchange',
			description: 'Sender, receiver, standard, size, control number and status of one interchange',
			calls: { call: 'InterchangeInfo' },
		},
		getBlockedInInBox: {
			name: 'Get Blocked in InBox',
			action: 'Get blocked interchanges in the inbox',
			description: 'Interchanges addressed to a mailbox between two dates that ECGrid held back',
			calls: { call: 'InterchangeInBoxBlocked', ex: 'InterchangeInBoxBlockedEx' },
			fields: { ...OPTIONAL_PARTNERS },
		},
		getBlockedInOutBox: {
			name: 'Get Blocked in OutBox',
			action: 'Get blocked interchanges in the outbox',
			description: 'Interchanges a mailbox sent between two dates that ECGrid held back',
			calls: { call: 'InterchangeOutBoxBlocked', ex: 'InterchangeOutBoxBlockedEx' },
			fields: { ...OPTIONAL_PARTNERS },
		},
		getManifest: {
			name: 'Get Manifest',
			action: 'Get the manifest of an interchange',
			description: 'Every step of an interchange from sender to receiver, with dates and status',
			calls: { call: 'InterchangeManifest' },
		},
		getManyInInBox: {
			name: 'Get Many in InBox',
			action: 'Get many interchanges in the inbox',
			description: 'Interchanges that reached a mailbox between two dates',
			calls: { call: 'InterchangeInBox', ex: 'InterchangeInBoxEx' },
			fields: { ...LIST_FIELDS },
		},
		getManyInOutBox: {
			name: 'Get Many in OutBox',
			action: 'Get many interchanges in the outbox',
			description: 'Interchanges a mailbox sent between two dates',
			calls: { call: 'InterchangeOutBox', ex: 'InterchangeOutBoxEx' },
			fields: { ...LIST_FIELDS },
		},
		getPendingInInBox: {
			name: 'Get Pending in InBox',
			action: 'Get pending interchanges in the inbox',
			description: 'Interchanges on their way to a mailbox that have not been picked up yet',
			calls: { call: 'InterchangeInBoxPending', ex: 'InterchangeInBoxPendingEx' },
			fields: { ...OPTIONAL_PARTNERS },
		},
		getPendingInOutBox: {
			name: 'Get Pending in OutBox',
			action: 'Get pending interchanges in the outbox',
			description: 'Interchanges a mailbox sent that are not delivered yet',
			calls: { call: 'InterchangeOutBoxPending', ex: 'InterchangeOutBoxPendingEx' },
			fields: { ...OPTIONAL_PARTNERS },
		},
		getUnroutable: {
			name: 'Get Unroutable',
			action: 'Get unroutable interchanges',
			description: 'Interchanges a mailbox sent between two dates that ECGrid found no route for',
			calls: { call: 'InterchangeOutBoxNoRoute', ex: 'InterchangeOutBoxNoRouteEx' },
			fields: { ...OPTIONAL_PARTNERS },
		},
		resend: {
			name: 'Resend',
			action: 'Resend an interchange',
			description:
				'Route an interchange again, picking up any routing changes made since, and get its new status',
			calls: { call: 'InterchangeResend' },
		},
		searchInBoxArchive: {
			name: 'Search InBox Archive',
			action: 'Search the inbox archive for interchanges',
			description: 'Archived interchanges a mailbox received between two dates',
			calls: { call: 'InterchangeInBoxArchive', ex: 'InterchangeInBoxArchiveEx' },
			fields: { ...LIST_FIELDS },
		},
		searchOutBoxArchive: {
			name: 'Search OutBox Archive',
			action: 'Search the outbox archive for interchanges',
			description: 'Archived interchanges a mailbox sent between two dates',
			calls: { call: 'InterchangeOutBoxArchive', ex: 'InterchangeOutBoxArchiveEx' },
			fields: { ...LIST_FIELDS },
		},
		searchOutBoxArchiveWithoutParcels: {
			name: 'Search OutBox Archive Without Parcels',
			action: 'Search the outbox archive of a given mailbox without parcel details',
			description:
				'Archived interchanges a mailbox you name sent between two dates, leaving out their parcels',
			calls: { call: 'InterchangeOutBoxArchiveExNoParcel' },
			fields: { ...LIST_FIELDS },
		},
	},
};
