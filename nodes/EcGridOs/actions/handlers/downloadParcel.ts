import type { IDataObject } from 'n8n-workflow';

import { toJson } from '../shapeResult';
import { fileExtensionFor, mimeTypeFor, summarizeEnvelope } from '../../edi';
import { UnreadableResponseError, type ResultValue } from '../../soap';
import { callFor } from '../callFor';
import type { OperationHandler } from '../operation';

/** FileInfo as it arrives: the content in one of two fields, depending on the call. */
type FileInfo = Record<string, ResultValue>;

function contentOf(file: FileInfo): Buffer {
	const base64 = file.Content ?? file.ContentBase64String;
	if (typeof base64 !== 'string')
		throw new UnreadableResponseError(
			'ECGridOS sent the parcel without its content',
			'unexpected',
			200,
		);
	return Buffer.from(base64, 'base64');
}

/**
 * Parcel → Download: the file as binary data with its name and a MIME type read from the
 * content, the parcel's details and an envelope summary in `json`, so a Switch can route it.
 */
export const downloadParcel: OperationHandler = async (plan, input) => {
	const { context, itemIndex } = input;
	const planned = callFor(plan, input);
	const result = await input.client.call(planned.call, input.callOptions);
	if (!result || typeof result !== 'object' || Array.isArray(result))
		throw new UnreadableResponseError(
			'ECGridOS returned no file for the parcel',
			'unexpected',
			200,
		);
	const file = result as FileInfo;
	const bytes = contentOf(file);
	const envelope = summarizeEnvelope(bytes);
	const parcelId = file.ParcelID ?? planned.identity.parcelId;
	const fileName =
		typeof file.FileName === 'string' && file.FileName.trim() !== ''
			? file.FileName.trim()
			: `parcel-${String(parcelId)}.${fileExtensionFor(envelope)}`;
	const property = context.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	const binary = await context.helpers.prepareBinaryData(bytes, fileName, mimeTypeFor(envelope));
	const { Content: _content, ContentBase64String: _base64, ...details } = file;
	const json: IDataObject = {
		...planned.identity,
		...(toJson(details) as IDataObject),
		fileName,
		envelope: envelope as unknown as IDataObject,
	};
	// The item's other files travel on with it.
	const existing = context.getInputData()[itemIndex]?.binary ?? {};
	return [{ json, binary: { ...existing, [property]: binary } }];
};
