import { NodeOperationError } from 'n8n-workflow';

import { callFor } from '../callFor';
import { executePlanned } from '../executePlan';
import type { OperationHandler } from '../operation';

/**
 * API Key → Generate: a new key for the credential's own user would lock every later run out,
 * so it is refused unless the user asked for exactly that.
 */
export const generateApiKey: OperationHandler = async (plan, input) => {
	const planned = callFor(plan, input);
	const replaceOwnKey = input.context.getNodeParameter(
		'replaceOwnKey',
		input.itemIndex,
		false,
	) as boolean;
	if (!replaceOwnKey) {
		const own = await input.client.currentUserId(input.callOptions);
		if (own !== undefined && own === planned.identity.userId) {
			throw new NodeOperationError(
				input.context.getNode(),
				`Refused to replace the API key of user ${own} in item ${input.itemIndex}: this credential signs in as that user`,
				{
					itemIndex: input.itemIndex,
					description:
						'A new key for the credential\'s own user makes every later call with the old key fail. Turn on "Replace This Credential\'s Own Key" if that is what you want, then update the credential with the new key.',
				},
			);
		}
	}
	return (await executePlanned(plan, input, planned)).map((json) => ({ json }));
};
