import { NodeOperationError } from 'n8n-workflow';

import { LOGIN_CREDENTIAL } from '../../transport/constants';
import { executePlan } from '../executePlan';
import type { OperationHandler } from '../operation';

/** Session → Log Out: only a Login session can be ended; an API key has none. */
export const logOut: OperationHandler = async (plan, input) => {
	if (input.client.credentialType !== LOGIN_CREDENTIAL) {
		throw new NodeOperationError(
			input.context.getNode(),
			'Log Out needs the Login authentication',
			{
				itemIndex: input.itemIndex,
				description:
					'Log Out ends the session the ECGridOS Login credential opened. An API key has no session to end.',
			},
		);
	}
	const [item] = await executePlan(plan, input);
	return [{ json: { loggedOut: true, ...item.json } }];
};
