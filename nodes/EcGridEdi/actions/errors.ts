import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import {
	ControlNumberError,
	EdiWriteError,
	MixedPartnersError,
	NotAnAcknowledgmentError,
	NotEdiError,
} from '../../shared/edi';

/** What to tell the user for each kind of engine error: a reason and how to fix it. */
const HINTS: Array<[new (...args: never[]) => Error, string, string]> = [
	[
		NotEdiError,
		'is not EDI',
		'The node reads X12 (starting with ISA) and EDIFACT (starting with UNA or UNB). Check that the right binary field or text reaches it.',
	],
	[
		NotAnAcknowledgmentError,
		'is not an acknowledgment',
		'Read Acknowledgment takes a 997, 999, TA1 or CONTRL; use Read for other documents.',
	],
	[MixedPartnersError, 'mixes partners', 'Split the file per partner before acknowledging it.'],
	[
		ControlNumberError,
		'has no usable control number',
		'Control Number must be a whole number from 1 to 999999999.',
	],
];

/**
 * An engine error as a NodeOperationError naming the item: bad input is the user's to fix, so
 * it never surfaces as a crash. Errors the node already made pass through.
 */
export function inputError(
	context: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeOperationError {
	if (error instanceof NodeOperationError) return error;
	if (error instanceof EdiWriteError) {
		// Its message names the item, and the segment and element where the fault lies.
		return new NodeOperationError(context.getNode(), error.message, {
			itemIndex,
			...(error.hint ? { description: error.hint } : {}),
		});
	}
	const hint = HINTS.find(([type]) => error instanceof type);
	const reason = (error as Error)?.message ?? String(error);
	return new NodeOperationError(
		context.getNode(),
		hint
			? `The input of item ${itemIndex} ${hint[1]}: ${reason}`
			: `Item ${itemIndex} could not be processed: ${reason}`,
		{ itemIndex, ...(hint ? { description: hint[2] } : {}) },
	);
}

/**
 * The item that stands for a failed input under Continue On Fail. n8n's error output takes only
 * items holding nothing but error fields (it adds the input item's own); the regular output gets
 * the item's index from us.
 */
export function errorItem(
	context: IExecuteFunctions,
	failure: NodeOperationError,
	itemIndex: number,
): INodeExecutionData {
	const json =
		context.getNode().onError === 'continueErrorOutput'
			? {
					error: failure.message,
					...(failure.description ? { details: failure.description } : {}),
				}
			: {
					error: failure.message,
					...(failure.description ? { description: failure.description } : {}),
					item: itemIndex,
				};
	return { json, pairedItem: { item: itemIndex } };
}
