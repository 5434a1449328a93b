import type { IExecuteFunctions, ILoadOptionsFunctions, ITriggerFunctions } from 'n8n-workflow';

import {
	EcGridOsFault,
	parseResponse,
	RetCode,
	type Binding,
	type OperationCall,
	type ResultValue,
	type WireResponse,
} from '../soap';
import { LOGIN_CREDENTIAL, type CredentialType } from './constants';
import type { PendingCall, PendingRequestOptions } from './pendingCall';
import { LoginFailedError } from './loginFailedError';
import { recoverOwnError } from './ownErrors';
import { SessionGate } from './sessionGate';
import { toTransportError } from './transportFailure';
import { READ_EVERY_REPLY, toWireResponse } from './wire';

export interface CallOptions {
	binding: Binding;
	timeout: number;
}

function isSessionTimeout(error: unknown): boolean {
	return error instanceof EcGridOsFault && error.errorInfo.errorCode === RetCode.SessionTimeout;
}

/**
 * Sends ECGridOS calls for one node execution. All HTTP goes through
 * `httpRequestWithAuthentication`, so the credential signs each call and n8n applies proxies
 * and refreshes sessions; this class reads every reply and arranges the refresh on expiry.
 */
export class EcGridOsClient {
	private readonly gate = new SessionGate();
	private ownUserId?: Promise<number | undefined>;

	constructor(
		private readonly context: IExecuteFunctions | ILoadOptionsFunctions | ITriggerFunctions,
		readonly credentialType: CredentialType,
	) {}

	async call(call: OperationCall, options: CallOptions): Promise<ResultValue> {
		this.gate.throwIfLoginFailed();
		const sentAt = this.gate.currentGeneration;
		const first: PendingCall = { call, binding: options.binding };
		try {
			return await this.attempt(first, options);
		} catch (error) {
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- the router turns it into a NodeApiError (nodeErrors.ts)
			if (!isSessionTimeout(error) || this.credentialType !== LOGIN_CREDENTIAL) throw error;
			// The retry names the session that expired, so that a session stored since by another
			// execution or worker is used instead of logging in again (see stillHoldsExpiredSession).
			const retry = (force: boolean): PendingCall => ({
				call,
				binding: options.binding,
				forceSessionRefresh: force,
				expiredSession: first.signedWith,
			});
			return await this.gate.refreshAndRetry(sentAt, (force) =>
				this.attempt(retry(force), options),
			);
		}
	}

	/** The user the credential signs in as (one WhoAmI per execution). */
	async currentUserId(options: CallOptions): Promise<number | undefined> {
		this.ownUserId ??= this.call({ operation: 'WhoAmI', parameters: {} }, options).then((info) => {
			const id = (info as { UserID?: unknown } | null)?.UserID;
			return typeof id === 'number' ? id : undefined;
		});
		// A failed WhoAmI is not remembered: the next item asks again.
		this.ownUserId.catch(() => (this.ownUserId = undefined));
		return await this.ownUserId;
	}

	private async attempt(pending: PendingCall, options: CallOptions): Promise<ResultValue> {
		const response = await this.send(pending, options);
		return await parseResponse(pending.call.operation, options.binding, response);
	}

	private async send(pending: PendingCall, options: CallOptions): Promise<WireResponse> {
		const request: PendingRequestOptions = {
			// The credential's authenticate sets method, URL, headers and body (see pendingCall.ts);
			// it writes back into `pending` which session signed the call.
			url: '',
			method: 'POST',
			ecgridos: pending,
			timeout: options.timeout,
			...READ_EVERY_REPLY,
		};
		try {
			const response = await this.context.helpers.httpRequestWithAuthentication.call(
				this.context,
				this.credentialType,
				request,
			);
			return toWireResponse(response as Parameters<typeof toWireResponse>[0]);
		} catch (error) {
			const own = recoverOwnError(error);
			if (own instanceof LoginFailedError) this.gate.recordLoginFailure(own);
			if (own) throw own;
			throw toTransportError(error);
		}
	}
}
