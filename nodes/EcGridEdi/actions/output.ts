import type { INodeProperties } from 'n8n-workflow';

/** Where an operation that makes a file puts it: a binary property, `data` unless told otherwise. */
export function outputFileProperty(operation: string, file: string): INodeProperties {
	return {
		displayName: 'Put Output File in Field',
		name: 'outputBinaryPropertyName',
		type: 'string',
		displayOptions: { show: { operation: [operation] } },
		default: 'data',
		required: true,
		description: `The binary property for the ${file} file, ready for ECGridOS Parcel → Upload`,
	};
}
