import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { readUserId } from '../../helpers/userId';
import { UnreadableResponseError } from '../../soap';
import type { OperationInput } from '../operation';

/** The User ID field, shown for one API Key operation. */
export function userIdProperty(operation: string, description: string): INodeProperties {
	return {
		displayName: 'User ID',
		name: 'userId',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 1, maxValue: 2147483647, numberPrecision: 0 },
		description,
		displayOptions: { show: { resource: ['apiKey'], operation: [operation] } },
	};
}

/** Calls an operation that takes a UserID and answers with that user's key: `{ userId, apiKey }`. */
export async function callForUserKey(
	{ context, client, itemIndex, callOptions }: OperationInput,
	wsdlOperation: 'GenerateAPIKey' | 'UserGetAPIKey',
): Promise<IDataObject> {
	const userId = readUserId(context, itemIndex);
	const apiKey = await client.call(
		{ operation: wsdlOperation, parameters: { UserID: userId } },
		callOptions,
	);
	if (typeof apiKey !== 'string' || apiKey.trim() === '') {
		throw new UnreadableResponseError('ECGridOS returned no API key', 'unexpected', 200);
	}
	return { userId, apiKey };
}
