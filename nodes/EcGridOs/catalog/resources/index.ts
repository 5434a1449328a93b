import type { ResourceEntry } from '../types';

/** Placeholder resources for building the machinery; the curated table replaces this file. */
export const RESOURCES: readonly ResourceEntry[] = [
	{
		name: 'API Key',
		value: 'apiKey',
		defaultOperation: 'get',
		operations: {
			generate: {
				name: 'Generate',
				action: 'Generate an API key for a user',
				description: 'Create a new persistent API key for a user, replacing the old one',
				calls: { call: 'GenerateAPIKey' },
				destroys: "The user's current API key stops working at once",
				resultName: 'apiKey',
			},
			get: {
				name: 'Get',
				action: 'Get the API key of a user',
				description: 'Read the current API key of a user without changing it',
				calls: { call: 'UserGetAPIKey' },
				resultName: 'apiKey',
			},
		},
	},
	{
		name: 'Mailbox',
		value: 'mailbox',
		defaultOperation: 'getMany',
		operations: {
			create: {
				name: 'Create',
				action: 'Create a mailbox',
				description: 'Add a mailbox',
				calls: { call: 'MailboxAdd' },
				resultName: 'mailboxId',
			},
			get: {
				name: 'Get',
				action: 'Get a mailbox',
				description: 'Read one mailbox',
				calls: { call: 'MailboxInfo' },
			},
			getMany: {
				name: 'Get Many',
				action: 'Get many mailboxes',
				description: 'List mailboxes',
				calls: { call: 'MailboxList', ex: 'MailboxListEx' },
			},
		},
	},
	{
		name: 'Parcel',
		value: 'parcel',
		defaultOperation: 'getManyInBox',
		operations: {
			getManyInBox: {
				name: 'Get Many in InBox',
				action: 'Get many parcels in the inbox',
				description: 'List parcels',
				calls: { call: 'ParcelInBoxArchive', ex: 'ParcelInBoxArchiveEx' },
			},
		},
	},
	{
		name: 'Report',
		value: 'report',
		defaultOperation: 'mailboxStats',
		operations: {
			mailboxStats: {
				name: 'Get Mailbox Statistics',
				action: 'Get mailbox statistics',
				description: 'Traffic counts',
				calls: { call: 'ReportMailboxStats', ex: 'ReportMailboxStatsEx' },
			},
		},
	},
];
