import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import { getCurrentUser } from './getCurrentUser.operation';
import { getVersion } from './getVersion.operation';
import { logOut } from './logOut.operation';

export const sessionOperations: Record<string, Operation> = { getCurrentUser, getVersion, logOut };

export const sessionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['session'] } },
		options: [
			{
				name: 'Get Current User',
				value: 'getCurrentUser',
				action: 'Get the current user',
				description: 'Who the credential signs in as: user, auth level, network and mailbox',
			},
			{
				name: 'Get Version',
				value: 'getVersion',
				action: 'Get the service version',
				description: 'The version of the ECGridOS service (proves it is reachable)',
			},
			{
				name: 'Log Out',
				value: 'logOut',
				action: 'Log out of the session',
				description: 'End the session the Login credential opened, releasing it for other logins',
			},
		],
		default: 'getCurrentUser',
	},
];
