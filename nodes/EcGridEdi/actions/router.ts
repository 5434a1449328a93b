import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { pushAll } from '../../shared/edi/arrays';
import { createAcknowledgment } from './createAcknowledgment.operation';
import { commitRunState, runStateOf, type RunState } from './controlNumber';
import { errorItem, inputError } from './errors';
import { read } from './read.operation';
import { readAcknowledgment } from './readAcknowledgment.operation';
import { write } from './write.operation';

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
		{
			name: 'Write',
			value: 'write',
			description:
				'Write items shaped as Read gives them into an X12 or EDIFACT interchange file, envelopes and counts computed',
			action: 'Write an EDI file',
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
	const state = runStateOf(this);
	// Write makes interchanges of many items at once.
	if (operation === 'write') {
		const written = await write.call(this, state);
		commitRunState(this, state);
		return [written];
	}
	const outputs: INodeExecutionData[][] = operation === 'read' ? [[], []] : [[]];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const produced = await OPERATIONS[operation].call(this, itemIndex, state);
			produced.forEach((list, output) => pushAll(outputs[output], list));
		} catch (error) {
			const failure = inputError(this, error, itemIndex);
			if (!this.continueOnFail()) throw failure;
			outputs[outputs.length - 1].push(errorItem(this, failure, itemIndex));
		}
	}
	commitRunState(this, state);
	return outputs;
}
