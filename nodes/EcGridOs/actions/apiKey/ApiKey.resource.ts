import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import { generate } from './generate.operation';

export const apiKeyOperations: Record<string, Operation> = { generate };

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
		],
		default: 'generate',
	},
	...generate.description,
];
