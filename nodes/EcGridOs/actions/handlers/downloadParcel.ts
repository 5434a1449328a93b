import type { IDataObject } from 'n8n-workflow';

import { toJson } from '../shapeResult';
import {
	fileExtensionFor,
	mimeTypeFor,
	summarizeEnvelope,
	type EnvelopeSummary,
} from '../../../shared/edi';
import { decodeBase64, UnreadableResponseError, type ResultValue } from '../../soap';
import { callFor } from '../callFor';
import type { OperationHandler } from '../operation';
import { parcelFileName } from './parcelFileName';

/** FileInfo as it arrives: the content in one of two fields, depending on the call. */
type FileInfo = Record<string, ResultValue>;

const unreadable = (message: string) => new UnreadableResponseError(message, 'unexpected', 200);

/**
 * Takes the content out of the FileInfo: bytes from the base64Binary call, base64 text from
 * the `…A` one. The text, as large as the reply, is not kept longer than the decoding needs.
 */
function takeContent(file: FileInfo): Buffer {
	const { Content: bytes, ContentBase64String: text } = file;
	delete file.Content;
	delete file.ContentBase64String;
	if (Buffer.isBuffer(bytes)) return bytes;
	if (typeof text !== 'string') throw unreadable('ECGridOS sent the parcel without its content');
	const decoded = decodeBase64(text);
	if (!decoded) throw unreadable('ECGridOS sent the parcel content in a form that is not base64');
	return decoded;
}

/**
 * n8n's editor offers to view a binary only for a short list of MIME types, `text/plain` among
 * them and the EDI ones not: X12 and EDIFACT are plain text, labelled so that they can be read
 * in the editor. The standard stays in `json.envelope.standard`, the extension in the file name.
 */
const SHOWN_AS_TEXT: ReadonlySet<string> = new Set(['X12', 'EDIFACT']);

function binaryMimeType(envelope: EnvelopeSummary): string {
	return SHOWN_AS_TEXT.has(envelope.standard) ? 'text/plain' : mimeTypeFor(envelope);
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
		throw unreadable('ECGridOS returned no file for the parcel');
	const file = result as FileInfo;
	const bytes = takeContent(file);
	const envelope = summarizeEnvelope(bytes);
	const parcelId = file.ParcelID ?? planned.identity.parcelId;
	const { fileName, directory } = parcelFileName(
		file.FileName,
		() => `parcel-${String(parcelId)}.${fileExtensionFor(envelope)}`,
	);
	const property = context.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	const binary = await context.helpers.prepareBinaryData(bytes, fileName, binaryMimeType(envelope));
	if (directory !== undefined) binary.directory = directory;
	const json: IDataObject = {
		...planned.identity,
		...(toJson(file) as IDataObject),
		fileName,
		envelope: envelope as unknown as IDataObject,
	};
	// The item's other files travel on with it.
	const existing = context.getInputData()[itemIndex]?.binary ?? {};
	return [{ json, binary: { ...existing, [property]: binary } }];
};
