import type { ResourceEntry } from '../types';

export const tradingPartnerResource: ResourceEntry = {
	name: 'Trading Partner',
	value: 'tradingPartner',
	defaultOperation: 'get',
	operations: {
		activate: {
			name: 'Activate',
			action: 'Activate a trading partner',
			description: 'Let a suspended ECGrid ID route traffic again',
			calls: { call: 'TPActivate' },
		},
		create: {
			name: 'Create',
			action: 'Create a trading partner',
			description:
				'Register an EDI qualifier and ID in the mailbox of the session and get back its ECGrid ID',
			calls: { call: 'TPAdd' },
			resultName: 'ecgridId',
		},
		createInMailbox: {
			name: 'Create in Mailbox',
			action: 'Create a trading partner in a given mailbox',
			description:
				'Register an EDI qualifier and ID in a mailbox you name, in a routing group, and get back its ECGrid ID',
			calls: { call: 'TPAddEx' },
			resultName: 'ecgridId',
			fields: {
				NetworkID: { description: 'The network of the mailbox the ID is added to' },
				MailboxID: { description: 'The mailbox the ID is added to' },
			},
		},
		createOnVan: {
			name: 'Create on VAN',
			action: 'Create a trading partner reached through another VAN',
			description:
				'Register an EDI qualifier and ID that lives on a connected VAN network and get back its ECGrid ID',
			calls: { call: 'TPAddVAN' },
			resultName: 'ecgridId',
			fields: {
				NetworkID: { description: 'The VAN network through which the partner is reached' },
			},
		},
		findByDescription: {
			name: 'Find by Description',
			action: 'Find trading partners by description',
			description: 'The ECGrid IDs of a mailbox whose description contains the text you give',
			calls: { call: 'TPFindEx' },
			fields: {
				Description: { description: 'Text to look for in the descriptions of the IDs' },
			},
		},
		findByQualifierId: {
			name: 'Find by Qualifier and ID',
			action: 'Find trading partners by qualifier and ID',
			description: 'The ECGrid IDs that carry a given EDI qualifier and ID',
			calls: { call: 'TPSearch', ex: 'TPSearchEx' },
		},
		get: {
			name: 'Get',
			action: 'Get a trading partner',
			description: 'Qualifier, ID, description, status and mailbox of one ECGrid ID',
			calls: { call: 'TPInfo' },
		},
		getMailboxDefault: {
			name: 'Get Mailbox Default',
			action: 'Get the default trading partner of a mailbox',
			description: 'The ECGrid ID a mailbox uses as its own identity by default',
			calls: { call: 'TPGetMailboxDefault' },
		},
		getMany: {
			name: 'Get Many',
			action: 'Get many trading partners',
			description: 'The ECGrid IDs registered in a mailbox',
			calls: { call: 'TPList', ex: 'TPListEx' },
		},
		getManyByOwner: {
			name: 'Get Many by Owner',
			action: 'Get many trading partners by owner',
			description: 'The ECGrid IDs owned by one user, sorted by description or by qualifier and ID',
			calls: { call: 'TPListByOwner' },
			fields: {
				OwnerUserID: {
					optional: true,
					description: 'Only IDs this ECGrid user owns; empty for any owner',
				},
			},
		},
		getManyPaged: {
			name: 'Get Many Paged',
			action: 'Get many trading partners page by page',
			description: 'The ECGrid IDs of a mailbox fetched in pages, for mailboxes with many partners',
			calls: { call: 'TPListExPaged' },
		},
		move: {
			name: 'Move',
			action: 'Move a trading partner into a mailbox',
			description: 'Move an ECGrid ID from wherever it is into a mailbox, at a time you choose',
			calls: { call: 'TPMove', ex: 'TPMoveEx' },
			resultName: 'ecgridId',
			fields: {
				MoveDateTime: { description: 'When the move takes effect' },
			},
		},
		moveToMailbox: {
			name: 'Move to Mailbox',
			action: 'Move a trading partner to another mailbox of its network',
			description: 'Move an ECGrid ID to a different mailbox on the same network, at once',
			calls: { call: 'TPMoveMailbox' },
			resultName: 'ecgridId',
			fields: {
				MailboxID: { description: 'The mailbox the ID moves to' },
			},
		},
		setMailboxDefault: {
			name: 'Set as Mailbox Default',
			action: 'Make a trading partner the default of its mailbox',
			description:
				'Make an ECGrid ID the identity its mailbox uses by default (it must suit an X12 ISA)',
			calls: { call: 'TPSetMailboxDefault' },
		},
		setDataEmail: {
			name: 'Set Data Email',
			action: 'Set the data email address of a trading partner',
			description:
				'Choose the email address, mail system and payload position used to deliver data by email',
			calls: { call: 'TPUpdateDataEMail' },
		},
		setOwner: {
			name: 'Set Owner',
			action: 'Set the owner of a trading partner',
			description: 'Give an ECGrid ID an owning user, or leave the user empty to clear the owner',
			calls: { call: 'TPSetOwner' },
			fields: {
				OwnerUserID: { optional: true, description: 'The new owner; empty clears the owner' },
			},
		},
		setRoutingGroup: {
			name: 'Set Routing Group',
			action: 'Set the routing group of a trading partner',
			description: 'Put an ECGrid ID in a routing group, such as production, test or migration',
			calls: { call: 'TPSetRoutingGroup' },
		},
		suspend: {
			name: 'Suspend',
			action: 'Suspend a trading partner',
			description: 'Stop an ECGrid ID from routing until it is activated again',
			calls: { call: 'TPSuspend' },
			destroys: 'Traffic to and from this ECGrid ID stops routing at once',
		},
		terminate: {
			name: 'Terminate',
			action: 'Terminate a trading partner',
			description: 'Retire an ECGrid ID for good',
			calls: { call: 'TPTerminate' },
			destroys:
				'The ECGrid ID is retired for good: traffic addressed to it no longer routes, and activating cannot bring it back',
		},
		updateDescription: {
			name: 'Update Description',
			action: 'Update the description of a trading partner',
			description: 'Replace the free-text description of an ECGrid ID',
			calls: { call: 'TPUpdateDescription' },
		},
	},
};
