import type { INodeProperties } from 'n8n-workflow';

import { readUserId } from '../../helpers/userId';
import { UnreadableResponseError } from '../../soap';
import type { Operation } from '../operation';

const show = { resource: ['apiKey'], operation: ['generate'] };

export const generate: Operation = {
	description: [
		{
			displayName:
				'Generating a key for the user this credential belongs to replaces the key the workflow signs in with: later calls with the old key fail',
			name: 'ownKeyNotice',
			type: 'notice',
			default: '',
			displayOptions: { show },
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'number',
			required: true,
			default: 0,
			typeOptions: { minValue: 1, maxValue: 2147483647, numberPrecision: 0 },
			description: 'The ECGrid user to generate a new API key for; the previous key stops working',
			displayOptions: { show },
		},
	] satisfies INodeProperties[],

	async execute({ context, client, itemIndex, callOptions }) {
		const userId = readUserId(context, itemIndex);
		const apiKey = await client.call(
			{ operation: 'GenerateAPIKey', parameters: { UserID: userId } },
			callOptions,
		);
		if (typeof apiKey !== 'string' || apiKey.trim() === '') {
			throw new UnreadableResponseError('ECGridOS returned no API key', 'unexpected', 200);
		}
		return { userId, apiKey };
	},
};
