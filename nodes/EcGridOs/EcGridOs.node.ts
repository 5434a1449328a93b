import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { apiKeyDescription } from './actions/apiKey/ApiKey.resource';
import {
	authenticationProperty,
	optionsProperty,
	resourceProperty,
} from './actions/common.descriptions';
import { route } from './actions/router';
import { sessionDescription } from './actions/session/Session.resource';
import { ecGridOsApiTest, ecGridOsLoginApiTest } from './methods/credentialTest';

export class EcGridOs implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ECGridOS',
		name: 'ecGridOs',
		icon: { light: 'file:ecgridos.svg', dark: 'file:ecgridos.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage ECGrid EDI network API keys and sessions through ECGridOS',
		defaults: { name: 'ECGridOS' },
		usableAsTool: true,
		// eslint-disable-next-line n8n-nodes-base/node-class-description-inputs-wrong-regular-node -- n8n now asks for NodeConnectionTypes (@n8n/community-nodes/node-connection-type-literal)
		inputs: [NodeConnectionTypes.Main],
		// eslint-disable-next-line n8n-nodes-base/node-class-description-outputs-wrong -- as above
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'ecGridOsApi',
				required: true,
				testedBy: 'ecGridOsApiTest',
				displayOptions: { show: { authentication: ['apiKey'] } },
			},
			{
				name: 'ecGridOsLoginApi',
				required: true,
				testedBy: 'ecGridOsLoginApiTest',
				displayOptions: { show: { authentication: ['login'] } },
			},
		],
		properties: [
			authenticationProperty,
			resourceProperty,
			...apiKeyDescription,
			...sessionDescription,
			optionsProperty,
		],
	};

	methods = {
		credentialTest: { ecGridOsApiTest, ecGridOsLoginApiTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
