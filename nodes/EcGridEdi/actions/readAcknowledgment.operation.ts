import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readAcknowledgments } from '../../shared/edi';
import { contentOf } from './input';

/** Read Acknowledgment: one item per acknowledged set (or group / interchange), paired. */
export async function readAcknowledgment(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<[INodeExecutionData[]]> {
	const content = await contentOf(this, itemIndex);
	return [
		readAcknowledgments(content).map((json) => ({
			json: json as INodeExecutionData['json'],
			pairedItem: { item: itemIndex },
		})),
	];
}
