import type { ResourceEntry } from '../types';

export const sessionResource: ResourceEntry = {
	name: 'Session',
	value: 'session',
	defaultOperation: 'getCurrentUser',
	operations: {
		changePassword: {
			name: 'Change Password',
			action: 'Change the password of the signed-in user',
			description: 'Replace the password of the user the credential signs in as, effective at once',
			calls: { call: 'ChangePassword' },
			destroys:
				'The old password stops working at once; Login credentials that still hold it fail to sign in until they are updated',
			fields: {
				OldPassword: { description: 'The password the user signs in with today' },
			},
		},
		getCurrentLog: {
			name: 'Get Current Session Log',
			action: 'Get the log of the current session',
			description: 'The calls made in this session so far, with their times and return codes',
			calls: { call: 'SessionLogCurrent' },
		},
		getCurrentUser: {
			name: 'Get Current User',
			action: 'Get the current user',
			description: 'Who the credential signs in as: user, auth level, network and mailbox',
			calls: { call: 'WhoAmI' },
		},
		getLog: {
			name: 'Get Session Log',
			action: 'Get the recent sessions of the signed-in user',
			description:
				'The latest sessions of the user the credential signs in as, with the calls made in each',
			calls: { call: 'SessionLog' },
			fields: {
				MaxRecords: { default: 100 },
			},
		},
		getUserLog: {
			name: 'Get User Session Log',
			action: 'Get the sessions of a user in a time range',
			description: 'The sessions one user opened between two times, with the calls made in each',
			calls: { call: 'SessionLogEx' },
			fields: {
				UserID: { description: 'The ECGrid user whose sessions to list' },
				MaxRecords: { default: 100 },
			},
		},
		getVersion: {
			name: 'Get Version',
			action: 'Get the service version',
			description: 'The version of the ECGridOS service (proves it is reachable)',
			calls: { call: 'Version' },
			resultName: 'version',
		},
		logOut: {
			name: 'Log Out',
			action: 'Log out of the session',
			description: 'End the session the Login credential opened, releasing it for other logins',
			calls: { call: 'Logout' },
			destroys:
				'The session ends at once; further calls with its session ID fail until the credential signs in again',
			resultName: 'logoutCode',
		},
	},
};
