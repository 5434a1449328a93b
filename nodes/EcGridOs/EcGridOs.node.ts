import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { route } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { ecGridOsApiTest, ecGridOsLoginApiTest } from './methods/credentialTest';

export class EcGridOs implements INodeType {
	description: INodeTypeDescription = versionDescription;

	methods = {
		credentialTest: { ecGridOsApiTest, ecGridOsLoginApiTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
