import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { CREDENTIAL_ICON, endpointUrlProperty } from '../nodes/EcGridOs/transport/credentialFields';
import { logInOnce } from '../nodes/EcGridOs/transport/loginCoalescer';
import { loginLimitsOf } from '../nodes/EcGridOs/transport/loginLimits';
import {
	pendingCallOf,
	signRequest,
	stillHoldsExpiredSession,
} from '../nodes/EcGridOs/transport/pendingCall';
import { SessionExpiredSignal } from '../nodes/EcGridOs/transport/sessionExpired';
import { sendWithHttpRequest } from '../nodes/EcGridOs/transport/wire';

export class EcGridOsLoginApi implements ICredentialType {
	name = 'ecGridOsLoginApi';

	// eslint-disable-next-line n8n-nodes-base/cred-class-field-display-name-missing-api -- named as users know it (issue 4)
	displayName = 'ECGridOS Login';

	icon: Icon = CREDENTIAL_ICON;

	documentationUrl = 'https://github.com/LorenData/ECGrid-API/wiki/API-Keys-&-Sessions';

	properties: INodeProperties[] = [
		{
			displayName: 'Login Name',
			name: 'loginName',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		endpointUrlProperty,
		{
			// n8n stores what preAuthentication returns here and reuses it until it expires.
			displayName: 'Session ID',
			name: 'sessionId',
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
	];

	/** Opens one ECGridOS session; n8n calls this when no session is stored or it has expired. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		// The Timeout and Max Reply Size of the node whose call needs this Login.
		const send = sendWithHttpRequest(
			(options) => this.helpers.httpRequest(options),
			loginLimitsOf(credentials),
		);
		const sessionId = await logInOnce(
			send,
			String(credentials.baseUrl),
			String(credentials.loginName),
			String(credentials.password),
			String(credentials.sessionId ?? ''),
		);
		return { sessionId };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const pending = pendingCallOf(requestOptions);
		if (pending?.forceSessionRefresh) {
			// ECGridOS reports an expired session as a fault or plain-text exception (HTTP 500), which n8n does not
			// treat as expiry. Failing here with a 401 makes n8n run preAuthentication again and
			// then call authenticate once more, on this same object, now with the flag spent.
			pending.forceSessionRefresh = false;
			if (stillHoldsExpiredSession(pending, String(credentials.sessionId))) {
				throw new SessionExpiredSignal();
			}
		}
		return signRequest(requestOptions, String(credentials.baseUrl), String(credentials.sessionId));
	}
}
