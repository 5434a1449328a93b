import type { Operation } from '../operation';

export const getVersion: Operation = {
	description: [],
	async execute({ client, callOptions }) {
		return { version: await client.call({ operation: 'Version', parameters: {} }, callOptions) };
	},
};
