import type { INodeProperties } from 'n8n-workflow';

import { PLANS } from '../description/plans';
import { DEFAULT_MAX_REPLY_MB, DEFAULT_TIMEOUT_MS } from '../transport/constants';

/**
 * Items in flight when the user sets nothing (version 2 on). n8n opens a new connection for every
 * call, about 3 round trips each over the internet against 1 on a kept connection: 3 in flight
 * keep pace with a keep-alive client sending one at a time, and put no more than 3 calls at once
 * on ECGridOS (they share one API key or Login session). Version 1 keeps 1 (saved workflows).
 */
export const DEFAULT_CONCURRENCY = 3;
export const V1_DEFAULT_CONCURRENCY = 1;

/**
 * Upper bound of the Concurrency option (an expression can ask for more; the router caps it):
 * 3 × 32, what keeps pace with a keep-alive client at 32. A call takes about 3 ms of n8n's CPU
 * (its new TLS connection most of it) and waits 3 round trips, so one n8n process is full at about
 * the round trip in ms in flight (96 at 100 ms): more would mostly add connections on the service.
 */
export const MAX_CONCURRENCY = 96;

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
			default: DEFAULT_CONCURRENCY,
			description: `How many items are sent to ECGridOS at once, at most ${MAX_CONCURRENCY}. Over the internet each call waits about three round trips, so more in flight means more items per second; set 1 where the order of changes matters.`,
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
