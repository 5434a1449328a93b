import type { ResourceEntry } from '../types';

export const userResource: ResourceEntry = {
	name: 'User',
	value: 'user',
	defaultOperation: 'get',
	operations: {
		activate: {
			name: 'Activate',
			action: 'Activate a user',
			description: 'Let a suspended user sign in and make calls again',
			calls: { call: 'UserActivate' },
		},
		create: {
			name: 'Create',
			action: 'Create a user',
			description: 'Add a user to a mailbox and get back the new user ID',
			calls: { call: 'UserAdd', ex: 'UserAddEx' },
			resultName: 'userId',
			fields: {
				MailboxID: { description: 'The mailbox the new user belongs to' },
				Password: { description: 'The password the new user signs in with' },
				AuthLevel: { description: 'The auth level of the new user' },
			},
		},
		get: {
			name: 'Get',
			action: 'Get a user',
			description: 'Contact details, auth level, status and home mailbox of one user',
			calls: { call: 'UserInfo' },
		},
		getByLoginName: {
			name: 'Get by Login Name',
			action: 'Get a user by login name',
			description: 'Look a user up by the name they sign in with instead of their ID',
			calls: { call: 'UserInfobyLogin' },
		},
		getMany: {
			name: 'Get Many',
			action: 'Get many users',
			description: 'The users of a network or mailbox, optionally only those whose name matches',
			calls: { call: 'UserList', ex: 'UserListEx' },
			fields: {
				Name: { description: 'Only users whose name matches this text; empty lists them all' },
			},
		},
		getManyLockedOut: {
			name: 'Get Many Locked Out',
			action: 'Get many locked-out users',
			description: 'The users who are locked out of ECGrid and cannot sign in until reset',
			calls: { call: 'UserListLockedOut', ex: 'UserListLockedOutEx' },
		},
		resetLoginCounters: {
			name: 'Reset Login Counters',
			action: 'Reset the login counters of a user',
			description:
				'Set the open-session and grace-login counts of a user back to zero, which can end a lockout',
			calls: { call: 'UserReset' },
			destroys:
				"Sessions still open stop counting against the user's limit, so the user can hold more than the limit at once",
		},
		sendSms: {
			name: 'Send SMS',
			action: 'Text a message to a user',
			description: 'Text a short message to the cell phone on file for a user',
			calls: { call: 'UserSendSMS' },
		},
		setAuthLevel: {
			name: 'Set Auth Level',
			action: 'Set the auth level of a user',
			description: 'Change what a user is allowed to do, from general access up to network admin',
			calls: { call: 'UserSetAuthLevel' },
			destroys:
				"The user's previous auth level is replaced at once; lowering it blocks operations their workflows rely on",
			fields: {
				AuthLevel: { description: 'The auth level of the new user' },
			},
		},
		setMaxSessions: {
			name: 'Set Max Sessions',
			action: 'Set the session limit of a user',
			description: 'Change how many sessions a user may hold open at the same time',
			calls: { call: 'UserSetMaxSessions' },
			fields: {
				MaxSessions: { default: 5 },
			},
		},
		setNetworkMailbox: {
			name: 'Set Network and Mailbox',
			action: 'Move a user to another network and mailbox',
			description: 'Change the network and mailbox a user belongs to and works in',
			calls: { call: 'UserSetNetworkMailbox' },
			fields: {
				NetworkID: { description: 'The network the user moves to' },
				MailboxID: { description: 'The mailbox the user moves to' },
			},
		},
		setPassword: {
			name: 'Set Password',
			action: 'Set the password of a user',
			description:
				'Give a user a new password and recovery question, proven by their current recovery answer',
			calls: { call: 'UserPassword' },
			destroys:
				'The old ones stop working at once; Login credentials that still hold the old password fail',
			fields: {
				Password: { description: 'The new password the user will sign in with' },
				RecoveryQuestion: { description: 'The new recovery question' },
				RecoveryAnswer: { description: 'The answer to the new recovery question' },
			},
		},
		suspend: {
			name: 'Suspend',
			action: 'Suspend a user',
			description: 'Stop a user from signing in until they are activated again',
			calls: { call: 'UserSuspend' },
			destroys:
				"The user can no longer sign in; workflows using the user's API key or login fail until the user is activated",
		},
		terminate: {
			name: 'Terminate',
			action: 'Terminate a user',
			description: 'Close a user account for good',
			calls: { call: 'UserTerminate' },
			destroys:
				"The user account is closed for good; the user's API key and login stop working and cannot be restored by activating",
		},
		update: {
			name: 'Update',
			action: 'Update a user',
			description: 'Replace the name, company, contact details and auth level of a user',
			calls: { call: 'UserUpdate' },
			fields: {
				AuthLevel: { description: 'NoChange keeps the level the user has today' },
			},
		},
	},
};
