import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

const MAX_INT32 = 2147483647;

/**
 * Reads a User ID. A number field filled by an expression can hold anything the expression
 * produced, so it is checked here, before any request: ECGridOS IDs are positive 32-bit ints.
 */
export function readUserId(context: IExecuteFunctions, itemIndex: number): number {
	const raw = context.getNodeParameter('userId', itemIndex, undefined) as unknown;
	const value = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
	if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_INT32)
		return value;
	const shown = raw === undefined || raw === null || raw === '' ? 'nothing' : JSON.stringify(raw);
	throw new NodeOperationError(
		context.getNode(),
		`Invalid User ID in item ${itemIndex}: got ${shown}`,
		{
			itemIndex,
			description: `ECGridOS user IDs are whole numbers from 1 to ${MAX_INT32}. Check the User ID field or the expression that fills it.`,
		},
	);
}
