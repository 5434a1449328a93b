import { callFor } from '../callFor';
import { contentOf, executePlanned } from '../executePlan';
import type { OperationHandler } from '../operation';

/** Parcel → Upload (and Upload Managed File): the item's file, named as the binary is unless the user names it. */
export const uploadParcel: OperationHandler = async (plan, input) => {
	const content = (await contentOf(plan, input))!;
	const planned = callFor(plan, input, content.bytes);
	const { parameters } = planned.call;
	if (typeof parameters.FileName === 'string' && parameters.FileName.trim() === '')
		parameters.FileName = content.fileName ?? `upload-${input.itemIndex}.edi`;
	return (await executePlanned(plan, input, planned)).map((json) => ({
		json: { ...json, fileName: parameters.FileName, bytes: content.bytes.length },
	}));
};
