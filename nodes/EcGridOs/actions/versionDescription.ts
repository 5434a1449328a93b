import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';

import { API_KEY_CREDENTIAL, LOGIN_CREDENTIAL } from '../transport/constants';
import { apiKeyDescription } from './apiKey/ApiKey.resource';
import { authenticationProperty, optionsProperty, resourceProperty } from './common.descriptions';
import { sessionDescription } from './session/Session.resource';

export const versionDescription: INodeTypeDescription = {
	displayName: 'ECGridOS',
	name: 'ecGridOs',
	icon: { light: 'file:ecgridos.svg', dark: 'file:ecgridos.dark.svg' },
	group: ['transform'],
	version: 1,
	subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
	description: 'Manage ECGrid EDI network API keys and sessions through ECGridOS',
	defaults: { name: 'ECGridOS' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [
		{
			name: API_KEY_CREDENTIAL,
			required: true,
			testedBy: 'ecGridOsApiTest',
			displayOptions: { show: { authentication: ['apiKey'] } },
		},
		{
			name: LOGIN_CREDENTIAL,
			required: true,
			testedBy: 'ecGridOsLoginApiTest',
			displayOptions: { show: { authentication: ['login'] } },
		},
	],
	properties: [authenticationProperty, resourceProperty, ...apiKeyDescription, ...sessionDescription, optionsProperty],
};
