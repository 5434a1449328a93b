import type { FieldProperty } from './fieldProperty';

/** Fields of hand-written operations (actions/handlers), by `resource.operation`. */
export const EXTRA_FIELDS: Readonly<Record<string, FieldProperty[]>> = {
	'apiKey.generate': [
		{
			displayName: "Replace This Credential's Own Key",
			name: 'replaceOwnKey',
			type: 'boolean',
			default: false,
			description:
				'Whether to allow a new key for the user this credential signs in as. Off, such an item fails before anything changes, since every later call with the old key would fail.',
		},
	],
	'parcel.download': [
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the output binary field to put the file in',
		},
	],
};
