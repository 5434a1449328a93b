import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { createAcknowledgment, type RunState } from './createAcknowledgment.operation';
import { inputError } from './errors';
import { read } from './read.operation';
import { readAcknowledgment } from './readAcknowledgment.operation';

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Create Acknowledgment',
			value: 'createAcknowledgment',
			description: 'Make the 997, 999, TA1 or CONTRL a partner expects for a received file',
			action: 'Create an acknowledgment',
		},
		{
			name: 'Read',
			value: 'read',
			description: 'Read and validate an X12 or EDIFACT file: one item per transaction set',
			action: 'Read an EDI file',
		},
		{
			name: 'Read Acknowledgment',
			value: 'readAcknowledgment',
			description: 'Read a received 997, 999, TA1 or CONTRL: one item per acknowledged set',
			action: 'Read an acknowledgment',
		},
	],
	default: 'read',
};

type Operation = (
	this: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
) => Promise<INodeExecutionData[][]>;

const OPERATIONS: Record<string, Operation> = { read, createAcknowledgment, readAcknowledgment };

/**
 * Runs every item through the operation. Read has two outputs (valid, invalid); the others one.
 * Under Continue On Fail a failing item becomes an error item in the last output, naming it.
 */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const operation = this.getNodeParameter('operation', 0) as string;
	const outputs: INodeExecutionData[][] = operation === 'read' ? [[], []] : [[]];
	const state: RunState = { controlNumbers: new Map() };
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const produced = await OPERATIONS[operation].call(this, itemIndex, state);
			produced.forEach((list, output) => outputs[output].push(...list));
		} catch (error) {
			const failure = inputError(this, error, itemIndex);
			if (!this.continueOnFail()) throw failure;
			// n8n's error output takes only items holding nothing but error fields (it adds the input
			// item's own); the regular output gets the item's index from us.
			const json =
				this.getNode().onError === 'continueErrorOutput'
					? {
							error: failure.message,
							...(failure.description ? { details: failure.description } : {}),
						}
					: {
							error: failure.message,
							...(failure.description ? { description: failure.description } : {}),
							item: itemIndex,
						};
			outputs[outputs.length - 1].push({ json, pairedItem: { item: itemIndex } });
		}
	}
	return outputs;
}
