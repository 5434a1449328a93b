import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { decodeContent, type TextEncoding } from '../../shared/edi';

/** Where each operation finds the EDI: a binary property (as Parcel → Download leaves it) or text. */
export const inputProperties: INodeProperties[] = [
	{
		displayName: 'Input',
		name: 'inputSource',
		type: 'options',
		noDataExpression: true,
		// Write takes the items' JSON; every other operation reads a file.
		displayOptions: { hide: { operation: ['write'] } },
		options: [
			{
				name: 'Binary File',
				value: 'binary',
				description: 'A file in a binary property, as ECGridOS Parcel → Download leaves it',
			},
			{ name: 'Text', value: 'text', description: 'EDI text, e.g. from an expression' },
		],
		default: 'binary',
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { inputSource: ['binary'] }, hide: { operation: ['write'] } },
		description: 'The name of the binary property that holds the EDI file',
	},
	{
		displayName: 'EDI Text',
		name: 'ediText',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		required: true,
		displayOptions: { show: { inputSource: ['text'] }, hide: { operation: ['write'] } },
		description: 'The interchange itself, starting with ISA (X12) or UNA/UNB (EDIFACT)',
	},
];

/**
 * The EDI text of one item, from its binary property or the text field. A file is decoded here,
 * so its bytes can be let go while it is read: a 50 MB file is 50 MB less at the peak.
 */
export async function contentOf(context: IExecuteFunctions, itemIndex: number): Promise<string> {
	return (await decodedContentOf(context, itemIndex)).text;
}

/** The same, with how the file's bytes became the text (a text field's is UTF-8). */
export async function decodedContentOf(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<{ text: string; encoding: TextEncoding }> {
	const source = context.getNodeParameter('inputSource', itemIndex, 'binary') as string;
	if (source === 'text') {
		const text = context.getNodeParameter('ediText', itemIndex, '') as unknown;
		if (text === undefined || text === null) {
			// An expression that maps a field the item does not have.
			throw new NodeOperationError(
				context.getNode(),
				`The EDI text of item ${itemIndex} is empty: its expression gives ${String(text)}`,
				{
					itemIndex,
					description:
						'EDI Text maps nothing: check that the field its expression names exists in the item.',
				},
			);
		}
		if (typeof text !== 'string') {
			throw new NodeOperationError(
				context.getNode(),
				`The EDI text of item ${itemIndex} is not text`,
				{
					itemIndex,
					description: 'EDI Text must be a string: map a text field, not an object or a number.',
				},
			);
		}
		return { text, encoding: 'utf8' };
	}
	const property = context.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	if (!context.getInputData()[itemIndex]?.binary?.[property]) {
		throw new NodeOperationError(
			context.getNode(),
			`Item ${itemIndex} has no binary field "${property}"`,
			{
				itemIndex,
				description:
					'Set Input Binary Field to the property that holds the file, e.g. "data" as ECGridOS Parcel → Download leaves it, or choose Input: Text.',
			},
		);
	}
	return decodeContent(await context.helpers.getBinaryDataBuffer(itemIndex, property));
}
