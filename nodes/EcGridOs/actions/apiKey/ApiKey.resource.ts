import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import { generate } from './generate.operation';
import { get } from './get.operation';

export const apiKeyOperations: Record<string, Operation> = { generate, get };

export const apiKeyDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['apiKey'] } },
		options: [
			{
				name: 'Generate',
				value: 'generate',
				action: 'Generate an API key for a user',
				description: 'Create a new persistent API key for a user, replacing the old one',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get the API key of a user',
				description: 'Read the current API key of a user without changing it',
			},
		],
		default: 'generate',
	},
	...generate.description,
	...get.description,
];
