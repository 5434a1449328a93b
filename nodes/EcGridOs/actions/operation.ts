import type { IDataObject } from 'n8n-workflow';

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

/**
 * An operation whose behaviour differs from the generic catalog path (a guard, binary data);
 * it still takes its fields and calls from its catalog entry.
 */
export type OperationHandler = (
	plan: OperationPlan,
	input: OperationInput,
) => Promise<IDataObject[]>;
