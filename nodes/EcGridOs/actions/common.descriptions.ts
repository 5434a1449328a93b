import type { INodeProperties } from 'n8n-workflow';

import { PLANS } from '../description/plans';
import { DEFAULT_MAX_REPLY_MB, DEFAULT_TIMEOUT_MS } from '../transport/constants';

/** Upper bound of the Concurrency option (an expression can ask for more; the router caps it). */
export const MAX_CONCURRENCY = 32;

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'API Key', value: 'apiKey' },
		{ name: 'Login', value: 'login' },
	],
	default: 'apiKey',
};

/** The operations that have a base64 text (…A) form: only they show Use Base64 Text Call. */
const TEXT_CALL_PLANS = PLANS.filter((plan) => plan.variants.includes('base64'));

export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Binding',
			name: 'binding',
			type: 'options',
			options: [
				{
					name: 'SOAP 1.1',
					value: 'soap11',
					description: 'The standard SOAP binding (recommended)',
				},
				{ name: 'SOAP 1.2', value: 'soap12' },
				{
					name: 'HTTP POST',
					value: 'httpPost',
					description: 'Form fields posted to the operation URL',
				},
				{
					name: 'HTTP GET',
					value: 'httpGet',
					description:
						'Puts the API key or session ID into the URL, where proxies and server logs keep it: avoid unless required',
				},
			],
			default: 'soap11',
			description: 'How requests travel to ECGridOS; all four reach the same operations',
		},
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY, numberPrecision: 0 },
			default: 1,
			description: 'How many items are sent to ECGridOS at once',
		},
		{
			displayName: 'Max Reply Size (MB)',
			name: 'maxReplySize',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: DEFAULT_MAX_REPLY_MB,
			description:
				'Largest answer read from ECGridOS, after decompression; reading stops there with an error. Parcels travel base64-encoded, a third larger than the file.',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: DEFAULT_TIMEOUT_MS,
			description:
				'How long each ECGridOS answer may take in all, headers and body, in milliseconds',
		},
		{
			displayName: 'Use Base64 Text Call',
			name: 'useBase64TextCall',
			type: 'boolean',
			default: false,
			description:
				'Whether to send or receive the file as base64 text (the ECGridOS …A call) instead of a byte array; the result is the same',
			displayOptions: {
				show: {
					'/resource': [...new Set(TEXT_CALL_PLANS.map((plan) => plan.resource))],
					'/operation': [...new Set(TEXT_CALL_PLANS.map((plan) => plan.operation))],
				},
			},
		},
	],
};
