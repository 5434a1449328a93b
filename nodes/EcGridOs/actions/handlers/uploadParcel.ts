import { callFor } from '../callFor';
import { contentOf, executePlanned } from '../executePlan';
import type { OperationHandler } from '../operation';

/** A name that is there: trimmed, and not blank. */
const given = (name: unknown) =>
	typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;

/**
 * Parcel → Upload (and Upload Managed File): the item's file, named as the binary is unless the
 * user names it; a binary named blank (a Code node, an expression) is a binary with no name.
 */
export const uploadParcel: OperationHandler = async (plan, input) => {
	const content = (await contentOf(plan, input))!;
	const planned = callFor(plan, input, content.bytes);
	const { parameters } = planned.call;
	if (typeof parameters.FileName === 'string')
		parameters.FileName =
			given(parameters.FileName) ?? given(content.fileName) ?? `upload-${input.itemIndex}.edi`;
	return (await executePlanned(plan, input, planned)).map((json) => ({
		json: { ...json, fileName: parameters.FileName, bytes: content.bytes.length },
	}));
};
