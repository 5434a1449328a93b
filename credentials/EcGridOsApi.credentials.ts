import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { CREDENTIAL_ICON, endpointUrlProperty } from '../nodes/EcGridOs/transport/credentialFields';
import { signRequest } from '../nodes/EcGridOs/transport/pendingCall';

export class EcGridOsApi implements ICredentialType {
	name = 'ecGridOsApi';

	displayName = 'ECGridOS API';

	icon: Icon = CREDENTIAL_ICON;

	documentationUrl = 'https://github.com/LorenData/ECGrid-API/wiki/API-Keys-&-Sessions';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key or Session ID',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The persistent API key of an ECGrid user (a GUID), or a session ID from Login',
		},
		endpointUrlProperty,
	];

	// ECGridOS has no auth header: the key travels as the SessionID parameter of every call.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return signRequest(
			requestOptions,
			String(credentials.baseUrl),
			String(credentials.apiKey).trim(),
		);
	}
}
