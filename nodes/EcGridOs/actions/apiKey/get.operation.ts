import type { Operation } from '../operation';
import { callForUserKey, userIdProperty } from './userKey';

export const get: Operation = {
	description: [userIdProperty('get', 'The ECGrid user whose current API key to get')],

	async execute(input) {
		return await callForUserKey(input, 'UserGetAPIKey');
	},
};
