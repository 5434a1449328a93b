import type { IBinaryKeyData, IDataObject } from 'n8n-workflow';

import type { OperationPlan } from '../catalog/plan';
import type { CallOptions, EcGridOsClient } from '../transport/ecgridosClient';
import type { FieldReader } from './fieldValues';

/** What an operation needs for one item. */
export interface OperationInput extends FieldReader {
	client: EcGridOsClient;
	callOptions: CallOptions;
	/** How many pages of one listing may be in flight at once. */
	pageConcurrency: number;
}

/** What one input item becomes; the router pairs each output to its input. */
export interface OperationOutput {
	json: IDataObject;
	binary?: IBinaryKeyData;
}

/**
 * Runs one item through an operation. The generic one serves every catalog entry; a few
 * (a guard, binary data) do more, still taking their fields and calls from the catalog.
 */
export type OperationHandler = (
	plan: OperationPlan,
	input: OperationInput,
) => Promise<OperationOutput[]>;
