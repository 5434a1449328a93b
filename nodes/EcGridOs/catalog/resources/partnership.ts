import type { ResourceEntry } from '../types';

export const partnershipResource: ResourceEntry = {
	name: 'Partnership',
	value: 'partnership',
	defaultOperation: 'get',
	operations: {
		addNote: {
			name: 'Add Note',
			action: 'Add a note to a partnership',
			description:
				'Post a note, optionally with an attached file, to an interconnect request and email it',
			calls: { call: 'InterconnectNote' },
			fields: {
				AuthLevel: {
					description: 'The lowest auth level that may read the note',
				},
			},
		},
		cancel: {
			name: 'Cancel',
			action: 'Cancel a partnership',
			description: 'Withdraw an interconnect request between two trading partners, with a note',
			calls: { call: 'InterconnectCancel' },
			destroys:
				'The interconnect request is withdrawn; traffic between the two partners is not set up through it and a new request is needed',
		},
		create: {
			name: 'Create',
			action: 'Create a partnership',
			description:
				'Ask for two ECGrid IDs to be connected so they can exchange EDI, and get the new request',
			calls: { call: 'InterconnectAdd' },
			fields: {
				ECGridID1: { description: 'The ECGrid ID on your side of the partnership' },
				ECGridID2: { description: 'The ECGrid ID of the partner' },
			},
		},
		get: {
			name: 'Get',
			action: 'Get a partnership',
			description: 'Both trading partners, contacts, status and traffic dates of one interconnect',
			calls: { call: 'InterconnectInfo' },
		},
		getByUniqueId: {
			name: 'Get by Unique ID',
			action: 'Get a partnership by unique ID',
			description: 'Look an interconnect up by its GUID instead of its number',
			calls: { call: 'InterconnectInfoGUID' },
		},
		getCounts: {
			name: 'Get Counts',
			action: 'Count partnerships by status',
			description: 'How many interconnects of the session mailbox are in each status, as a table',
			calls: { call: 'InterconnectCount' },
			fields: {
				MaxDays: { default: 30 },
			},
		},
		getCountsForMailbox: {
			name: 'Get Counts for Mailbox',
			action: 'Count partnerships by status for a given mailbox',
			description:
				'How many interconnects of a mailbox you name, optionally of one ECGrid ID, are in each status, as a table',
			calls: { call: 'InterconnectCountEx' },
			fields: {
				ECGridID: {
					optional: true,
					description: 'Only interconnects of this ECGrid ID; empty counts all',
				},
				MaxDays: { default: 30 },
			},
		},
		getManyByStatus: {
			name: 'Get Many by Status',
			action: 'Get many partnerships by status',
			description:
				'The interconnects of the session mailbox in one status, optionally of one ECGrid ID',
			calls: { call: 'InterconnectListByStatus' },
			fields: {
				Status: { default: 'Pending', description: 'The interconnect status to list' },
				ECGridID: {
					optional: true,
					description: 'Only interconnects of this ECGrid ID; empty lists all',
				},
				MaxDays: { default: 30 },
			},
		},
		getManyByStatusForMailbox: {
			name: 'Get Many by Status for Mailbox',
			action: 'Get many partnerships by status for a given mailbox',
			description:
				'The interconnects of a mailbox you name in one status, optionally of one ECGrid ID',
			calls: { call: 'InterconnectListByStatusEx' },
			fields: {
				IntStatus: { default: 'Pending' },
				ECGridID: {
					optional: true,
					description: 'Only interconnects of this ECGrid ID; empty lists all',
				},
				MaxDays: { default: 30 },
			},
		},
		getManyByTradingPartner: {
			name: 'Get Many by Trading Partner',
			action: 'Get many partnerships of a trading partner',
			description:
				'The interconnects of one ECGrid ID, or only those it has with a second ECGrid ID',
			calls: { call: 'InterconnectListByECGridID' },
			fields: {
				ECGridID1: { description: 'The ECGrid ID whose interconnects to list' },
				ECGridID2: {
					default: -1,
					description:
						'Only interconnects with this partner; -1 lists every partner of the first ID',
				},
			},
		},
		getNotes: {
			name: 'Get Notes',
			action: 'Get the notes of a partnership',
			description: 'Every note posted to an interconnect request, with its author and status',
			calls: { call: 'InterconnectNoteList' },
		},
	},
};
