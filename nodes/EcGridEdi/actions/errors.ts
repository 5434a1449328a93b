import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { MixedPartnersError, NotAnAcknowledgmentError, NotEdiError } from '../../shared/edi';

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
		RangeError,
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
