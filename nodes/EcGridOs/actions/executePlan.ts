import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import type { OperationPlan } from '../catalog/plan';
import { runConcurrently } from '../helpers/runConcurrently';
import { UnreadableResponseError, type ResultValue } from '../soap';
import { rememberCall } from '../transport/callContext';
import { callFor, type PlannedCall } from './callFor';
import type { OperationInput, OperationOutput } from './operation';
import { elementsOf, shapeResult } from './shapeResult';

/** The largest page the node asks for while it pages for the user. */
export const PAGE_SIZE = 100;

interface ListOptions {
	returnAll: boolean;
	limit: number;
}

function listOptions(input: OperationInput): ListOptions {
	const { context, itemIndex } = input;
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = Number(context.getNodeParameter('limit', itemIndex, 50));
	if (!returnAll && (!Number.isInteger(limit) || limit < 1)) {
		throw new NodeOperationError(
			context.getNode(),
			`Invalid Limit in item ${itemIndex}: got ${JSON.stringify(limit)}`,
			{ itemIndex, description: 'Limit is a whole number of results, 1 or more.' },
		);
	}
	return { returnAll, limit };
}

async function callPage(
	input: OperationInput,
	plan: OperationPlan,
	planned: PlannedCall,
	page: number,
	size: number,
): Promise<ResultValue> {
	const { paging } = plan;
	const parameters = { ...planned.call.parameters, [paging!.page]: page, [paging!.size]: size };
	return await input.client.call({ ...planned.call, parameters }, input.callOptions);
}

/**
 * Pages a collection for the user: page 1 says how many pages there are; with Return All the
 * rest are fetched a few at a time, in order.
 */
async function fetchPaged(
	input: OperationInput,
	plan: OperationPlan,
	planned: PlannedCall,
	{ returnAll, limit }: ListOptions,
): Promise<ResultValue[]> {
	const size = returnAll ? PAGE_SIZE : Math.min(limit, PAGE_SIZE);
	const first = await callPage(input, plan, planned, 1, size);
	const elements = elementsOf(plan, first);
	const totalPages = Number((first as Record<string, ResultValue> | null)?.TotalPages ?? 1);
	const wanted = returnAll ? Infinity : limit;
	const lastPage = Math.min(
		Number.isSafeInteger(totalPages) ? totalPages : 1,
		returnAll ? Infinity : Math.ceil(limit / size),
	);
	if (elements.length >= wanted || lastPage <= 1) return elements.slice(0, wanted);
	const pages: ResultValue[][] = new Array(lastPage - 1);
	// Page 1 went alone (it said how many there are): the rest go together, a few at a time.
	await runConcurrently(
		lastPage - 1,
		input.pageConcurrency,
		async (index) => {
			pages[index] = elementsOf(plan, await callPage(input, plan, planned, index + 2, size));
		},
		{ firstAlone: false },
	);
	return [...elements, ...pages.flat()].slice(0, wanted);
}

/** An empty key is not a key: a call that exists to return one fails without it. */
function refuseEmptyResult(plan: OperationPlan, planned: PlannedCall, result: ResultValue): void {
	const wanted = plan.entry.requiredResult;
	if (!wanted || (typeof result === 'string' && result.trim() !== '')) return;
	throw rememberCall(
		new UnreadableResponseError(`ECGridOS answered with an empty ${wanted}`, 'noResult', 200),
		planned.call,
	);
}

/** Content parameters a call may send empty (a note's attachment). */
const OPTIONAL_CONTENT = new Set(['AttachmentContent']);

/** The bytes a call sends, from the item's binary property the user named. */
export async function contentOf(
	plan: OperationPlan,
	input: OperationInput,
): Promise<{ bytes: Buffer; fileName?: string } | undefined> {
	if (!plan.content) return undefined;
	const { context, itemIndex } = input;
	const property = context.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	const binary = context.getInputData()[itemIndex]?.binary?.[property];
	if (!binary) {
		if (OPTIONAL_CONTENT.has(plan.content.name)) return { bytes: Buffer.alloc(0) };
		throw new NodeOperationError(
			context.getNode(),
			`Item ${itemIndex} has no binary field "${property}" to send`,
			{
				itemIndex,
				description:
					'Set Input Binary Field to the name of the binary property that holds the file, e.g. "data" from a Read/Write Files from Disk node.',
			},
		);
	}
	const bytes = await context.helpers.getBinaryDataBuffer(itemIndex, property);
	return { bytes, fileName: binary.fileName };
}

/** One item through a catalog operation: read, call (paging if needed), shape. */
export async function executePlan(
	plan: OperationPlan,
	input: OperationInput,
): Promise<OperationOutput[]> {
	const content = await contentOf(plan, input);
	const planned = callFor(plan, input, content?.bytes);
	return (await executePlanned(plan, input, planned)).map((json) => ({ json }));
}

export async function executePlanned(
	plan: OperationPlan,
	input: OperationInput,
	planned: PlannedCall,
): Promise<IDataObject[]> {
	const simplify = input.context.getNodeParameter('simplify', input.itemIndex, true) as boolean;
	const isList = plan.result.kind === 'list' || plan.result.kind === 'pagedList';
	if (!isList) {
		const result = await input.client.call(planned.call, input.callOptions);
		refuseEmptyResult(plan, planned, result);
		return shapeResult(plan, result, planned.identity, { simplify });
	}
	const options = listOptions(input);
	if (plan.result.kind === 'pagedList' && plan.paging) {
		const elements = await fetchPaged(input, plan, planned, options);
		return shapeResult(
			{ ...plan, result: { kind: 'list', elementType: plan.result.elementType } },
			elements,
			planned.identity,
			{ simplify },
		);
	}
	const items = shapeResult(
		plan,
		await input.client.call(planned.call, input.callOptions),
		planned.identity,
		{ simplify },
	);
	return options.returnAll ? items : items.slice(0, options.limit);
}
