import type { ResourceEntry } from '../types';

export const mailboxResource: ResourceEntry = {
	name: 'Mailbox',
	value: 'mailbox',
	defaultOperation: 'get',
	operations: {
		activate: {
			name: 'Activate',
			action: 'Activate a mailbox',
			description: 'Let a suspended mailbox send and receive parcels again',
			calls: { call: 'MailboxActivate' },
		},
		create: {
			name: 'Create',
			action: 'Create a mailbox',
			description: 'Add a mailbox to the network of the session and get back its mailbox ID',
			calls: { call: 'MailboxAdd' },
			resultName: 'mailboxId',
			fields: {
				Name: { description: 'The name of the new mailbox' },
				UserID: { description: 'The ECGrid user who owns the new mailbox' },
			},
		},
		createInNetwork: {
			name: 'Create in Network',
			action: 'Create a mailbox in a given network',
			description: 'Add a mailbox to a network you name and get back its mailbox ID',
			calls: { call: 'MailboxAddEx' },
			resultName: 'mailboxId',
			fields: {
				NetworkID: { description: 'The network the new mailbox belongs to' },
				Name: { description: 'The name of the new mailbox' },
				UserID: {
					description: 'The owner of the new mailbox; this call takes the user ID as text',
				},
			},
		},
		get: {
			name: 'Get',
			action: 'Get a mailbox',
			description: 'Name, status, contacts and configuration of one mailbox',
			calls: { call: 'MailboxInfo' },
		},
		getMany: {
			name: 'Get Many',
			action: 'Get many mailboxes',
			description: 'The mailboxes of a network, optionally only those whose name matches',
			calls: { call: 'MailboxList', ex: 'MailboxListEx' },
			fields: {
				Name: { description: 'Only mailboxes whose name matches this text; empty lists them all' },
			},
		},
		rename: {
			name: 'Rename',
			action: 'Rename a mailbox',
			description: 'Give a mailbox a new name',
			calls: { call: 'MailboxName' },
			fields: {
				Name: { description: 'The new name of the mailbox' },
			},
		},
		setContact: {
			name: 'Set Contact',
			action: 'Set a contact of a mailbox',
			description: 'Name the user a mailbox reaches for one role, such as errors or notices',
			calls: { call: 'MailboxSetContact' },
			fields: {
				UserID: { description: 'The ECGrid user who becomes the contact for this role' },
			},
		},
		setDeleteOnDownload: {
			name: 'Set Delete on Download',
			action: 'Set delete on download for a mailbox',
			description:
				'Choose whether parcels leave the InBox of a mailbox as soon as they are downloaded',
			calls: { call: 'MailboxDeleteOnDownload' },
			destroys:
				'When turned on, a download takes the parcel out of the InBox at once, with no confirm step to retry a failed transfer',
		},
		setDescription: {
			name: 'Set Description',
			action: 'Set the description of a mailbox',
			description: 'Replace the free-text description of a mailbox',
			calls: { call: 'MailboxDescription' },
		},
		setInBoxTimeout: {
			name: 'Set InBox Timeout',
			action: 'Set the inbox timeout of a mailbox',
			description:
				'How many minutes a parcel may wait unread in the InBox before ECGrid sends a notice',
			calls: { call: 'MailboxInBoxTimeout' },
			fields: {
				Minutes: { description: 'Minutes a parcel may wait in the InBox before the notice' },
			},
		},
		setManaged: {
			name: 'Set Managed',
			action: 'Set whether a mailbox is managed',
			description: 'Turn the managed flag of a mailbox on or off',
			calls: { call: 'MailboxManaged' },
		},
		setUseType: {
			name: 'Set Use Type',
			action: 'Set the use type of a mailbox',
			description: 'Mark a mailbox for test traffic, production traffic or both',
			calls: { call: 'MailboxUse' },
		},
		setX12Delimiters: {
			name: 'Set X12 Delimiters',
			action: 'Set the X12 delimiters of a mailbox',
			description:
				'Override the segment terminator and element separators used for X12 in a mailbox',
			calls: { call: 'MailboxX12Delimiters' },
		},
		suspend: {
			name: 'Suspend',
			action: 'Suspend a mailbox',
			description: 'Stop a mailbox from sending and receiving until it is activated again',
			calls: { call: 'MailboxSuspend' },
			destroys:
				'It takes effect at once: traffic for its trading partners is held or refused meanwhile',
		},
		terminate: {
			name: 'Terminate',
			action: 'Terminate a mailbox',
			description: 'Close a mailbox for good',
			calls: { call: 'MailboxTerminate' },
			destroys:
				'The mailbox is closed for good: it no longer sends or receives, and its trading partner IDs stop routing',
		},
	},
};
