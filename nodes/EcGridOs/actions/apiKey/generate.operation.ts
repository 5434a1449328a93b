import type { Operation } from '../operation';
import { callForUserKey, userIdProperty } from './userKey';

export const generate: Operation = {
	description: [
		{
			displayName:
				'Generating a key for the user this credential belongs to replaces the key the workflow signs in with: later calls with the old key fail',
			name: 'ownKeyNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { resource: ['apiKey'], operation: ['generate'] } },
		},
		userIdProperty(
			'generate',
			'The ECGrid user to generate a new API key for; the previous key stops working',
		),
	],

	async execute(input) {
		return await callForUserKey(input, 'GenerateAPIKey');
	},
};
