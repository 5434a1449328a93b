import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { authenticationProperty, optionsProperty } from './actions/common.descriptions';
import { route } from './actions/router';
import { buildProperties } from './description/buildProperties';
import { subtitleExpression } from './description/subtitle';
import { ecGridOsApiTest, ecGridOsLoginApiTest } from './methods/credentialTest';
import { listSearch } from './methods/listSearch';

export class EcGridOs implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ECGridOS',
		name: 'ecGridOs',
		icon: { light: 'file:ecgridos.svg', dark: 'file:ecgridos.dark.svg' },
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle: subtitleExpression(),
		description:
			'Move EDI files and manage mailboxes, trading partners, users and networks on the ECGrid EDI network through ECGridOS',
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
		properties: [authenticationProperty, ...buildProperties(), optionsProperty],
	};

	methods = {
		credentialTest: { ecGridOsApiTest, ecGridOsLoginApiTest },
		listSearch,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
