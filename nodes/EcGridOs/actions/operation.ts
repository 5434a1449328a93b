import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CallOptions, EcGridOsClient } from '../transport/ecgridosClient';

export interface OperationInput {
	context: IExecuteFunctions;
	client: EcGridOsClient;
	itemIndex: number;
	callOptions: CallOptions;
}

/** One resource/operation pair: its fields and what it does for one item. */
export interface Operation {
	description: INodeProperties[];
	execute(input: OperationInput): Promise<IDataObject>;
}
