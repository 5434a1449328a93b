import type { ResourceEntry } from '../types';

export const apiKeyResource: ResourceEntry = {
	name: 'API Key',
	value: 'apiKey',
	defaultOperation: 'get',
	operations: {
		generate: {
			name: 'Generate',
			action: 'Generate an API key for a user',
			description: 'Create a new persistent API key for a user, replacing the old one',
			calls: { call: 'GenerateAPIKey' },
			destroys:
				"The user's current API key stops working at once; workflows that sign in with it fail",
			resultName: 'apiKey',
			requiredResult: 'API key',
			fields: {
				UserID: {
					description:
						'The ECGrid user to generate a new API key for; the previous key stops working',
				},
			},
		},
		get: {
			name: 'Get',
			action: 'Get the API key of a user',
			description: 'Read the current API key of a user without changing it',
			calls: { call: 'UserGetAPIKey' },
			resultName: 'apiKey',
			requiredResult: 'API key',
			fields: {
				UserID: { description: 'The ECGrid user whose current API key to get' },
			},
		},
	},
};
