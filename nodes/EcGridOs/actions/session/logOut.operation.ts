import { NodeOperationError } from 'n8n-workflow';

import { LOGIN_CREDENTIAL } from '../../transport/constants';
import type { Operation } from '../operation';

export const logOut: Operation = {
	description: [],
	async execute({ context, client, itemIndex, callOptions }) {
		// An API key is not a session: "logging it out" is not what the user means.
		if (client.credentialType !== LOGIN_CREDENTIAL) {
			throw new NodeOperationError(context.getNode(), 'Log Out needs the Login authentication', {
				itemIndex,
				description:
					'Log Out ends the session the ECGridOS Login credential opened. An API key has no session to end.',
			});
		}
		const result = await client.call({ operation: 'Logout', parameters: {} }, callOptions);
		return { loggedOut: true, result };
	},
};
