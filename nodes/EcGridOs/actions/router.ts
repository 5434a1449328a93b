import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import type { OperationPlan } from '../catalog/plan';
import { findPlan } from '../description/plans';
import { runConcurrently } from '../helpers/runConcurrently';
import { isBinding } from '../soap';
import {
	API_KEY_CREDENTIAL,
	DEFAULT_MAX_REPLY_MB,
	DEFAULT_TIMEOUT_MS,
	LOGIN_CREDENTIAL,
} from '../transport/constants';
import { EcGridOsClient, type CallOptions } from '../transport/ecgridosClient';
import { describeFailure } from '../transport/nodeErrors';
import {
	DEFAULT_CONCURRENCY,
	MAX_CONCURRENCY,
	V1_DEFAULT_CONCURRENCY,
} from './common.descriptions';
import { identityOf } from './callFor';
import { executePlan } from './executePlan';
import { HANDLERS } from './handlers';

interface Options {
	binding?: string;
	timeout?: number;
	maxReplySize?: number;
	concurrency?: number;
}

function planFor(context: IExecuteFunctions, itemIndex: number): OperationPlan {
	const resource = context.getNodeParameter('resource', itemIndex) as string;
	const operation = context.getNodeParameter('operation', itemIndex) as string;
	const found = findPlan(resource, operation);
	if (!found) {
		throw new NodeOperationError(
			context.getNode(),
			`Unknown operation "${resource}: ${operation}"`,
			{ itemIndex },
		);
	}
	return found;
}

function callOptionsFor(context: IExecuteFunctions, itemIndex: number): CallOptions {
	const options = context.getNodeParameter('options', itemIndex, {}) as Options;
	const binding = options.binding ?? 'soap11';
	if (!isBinding(binding)) {
		throw new NodeOperationError(context.getNode(), `Unknown binding "${binding}"`, { itemIndex });
	}
	const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
	if (!Number.isFinite(timeout) || timeout <= 0) {
		throw new NodeOperationError(
			context.getNode(),
			'Timeout must be a positive number of milliseconds',
			{ itemIndex },
		);
	}
	const maxReplySize = options.maxReplySize ?? DEFAULT_MAX_REPLY_MB;
	if (!Number.isFinite(maxReplySize) || maxReplySize <= 0) {
		throw new NodeOperationError(
			context.getNode(),
			'Max Reply Size must be a positive number of megabytes',
			{ itemIndex },
		);
	}
	return { binding, timeout, maxReplyBytes: Math.round(maxReplySize * 1024 * 1024) };
}

/** Items in flight at once, read once per execution: a whole number from 1 to the cap. */
function concurrencyOf(context: IExecuteFunctions): number {
	const { concurrency } = context.getNodeParameter('options', 0, {}) as Options;
	const fallback = context.getNode().typeVersion < 2 ? V1_DEFAULT_CONCURRENCY : DEFAULT_CONCURRENCY;
	const value = Math.floor(Number(concurrency ?? fallback));
	return Number.isFinite(value) ? Math.min(MAX_CONCURRENCY, Math.max(1, value)) : fallback;
}

/**
 * Runs every item through its operation. Each input item gives its results (one item, or one
 * per row of a list) paired to it, or under Continue On Fail one error item in its place.
 */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (items.length === 0) return [[]];
	const authentication = this.getNodeParameter('authentication', 0, 'apiKey') as string;
	const credentialType = authentication === 'login' ? LOGIN_CREDENTIAL : API_KEY_CREDENTIAL;
	const client = new EcGridOsClient(this, credentialType);
	const concurrency = concurrencyOf(this);
	const now = new Date();
	const results: INodeExecutionData[][] = new Array(items.length);

	// Only a Login session needs the first call alone: it opens the session the others share.
	const firstAlone = credentialType === LOGIN_CREDENTIAL;
	await runConcurrently(
		items.length,
		concurrency,
		async (itemIndex) => {
			const pairedItem = { item: itemIndex };
			try {
				const plan = planFor(this, itemIndex);
				const input = {
					context: this,
					client,
					itemIndex,
					now,
					pageConcurrency: concurrency,
					callOptions: callOptionsFor(this, itemIndex),
				};
				const handler = HANDLERS[`${plan.resource}.${plan.operation}`] ?? executePlan;
				const outputs = await handler(plan, input);
				results[itemIndex] = outputs.map((output) => ({ ...output, pairedItem }));
			} catch (error) {
				const failure = await describeFailure(this, error, itemIndex, credentialType);
				if (!this.continueOnFail()) throw failure.error;
				// The error output takes only items holding nothing but error fields, and adds the
				// input item's own fields itself; the regular output gets the item's IDs from us.
				const toErrorOutput = this.getNode().onError === 'continueErrorOutput';
				const json = toErrorOutput
					? failure.json
					: { ...identityOf(this, itemIndex), ...failure.json };
				results[itemIndex] = [{ json, pairedItem }];
			}
		},
		{ firstAlone },
	);
	return [results.flat()];
}
