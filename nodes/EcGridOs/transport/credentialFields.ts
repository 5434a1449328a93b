import type { Icon, INodeProperties } from 'n8n-workflow';

import { DEFAULT_ENDPOINT } from './constants';

/** What both ECGridOS credentials share. */
export const CREDENTIAL_ICON: Icon = {
	light: 'file:../nodes/EcGridOs/ecgridos.svg',
	dark: 'file:../nodes/EcGridOs/ecgridos.dark.svg',
};

export const endpointUrlProperty: INodeProperties = {
	displayName: 'Endpoint URL',
	name: 'baseUrl',
	type: 'string',
	default: DEFAULT_ENDPOINT,
	required: true,
	description: 'The ECGridOS .asmx endpoint. Change it only for a proxy or another deployment.',
};
