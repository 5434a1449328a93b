import type {
	IAdditionalCredentialOptions,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	ITriggerFunctions,
} from 'n8n-workflow';

import {
	EcGridOsError,
	EcGridOsFault,
	parseResponse,
	RetCode,
	type Binding,
	type OperationCall,
	type ResultValue,
	type WireResponse,
} from '../soap';
import { rememberCall } from './callContext';
import {
	API_KEY_CREDENTIAL,
	DEFAULT_MAX_REPLY_BYTES,
	LOGIN_CREDENTIAL,
	type CredentialType,
} from './constants';
import { signingSecretOf, type PendingCall, type PendingRequestOptions } from './pendingCall';
import { LoginFailedError } from './loginFailedError';
import { declareLoginLimits, type LoginFields } from './loginLimits';
import { recoverOwnError } from './ownErrors';
import { rememberSentSecrets } from './sentSecrets';
import { SessionGate } from './sessionGate';
import { timedOut, toTransportError } from './transportFailure';
import { hostOf, READ_EVERY_REPLY, toWireResponse, type FullResponse } from './wire';
import { beforeDeadline } from './replyReader';

export interface CallOptions {
	binding: Binding;
	/** A deadline for the whole answer, headers and body, in milliseconds. */
	timeout: number;
	/** Replies larger than this (decompressed) are refused while reading; default 100 MB. */
	maxReplyBytes?: number;
}

/** Also the plain-text form (HTTP GET/POST), which readPlainTextException maps to the same code. */
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
	private apiKeyCredential?: Promise<IAdditionalCredentialOptions | undefined>;
	private loginFields?: Promise<LoginFields | undefined>;

	constructor(
		private readonly context: IExecuteFunctions | ILoadOptionsFunctions | ITriggerFunctions,
		readonly credentialType: CredentialType,
	) {}

	/** Throws the protocol layer's errors (or LoginFailedError), remembered with their call. */
	async call(call: OperationCall, options: CallOptions): Promise<ResultValue> {
		try {
			return await this.callOnce(call, options);
		} catch (error) {
			throw rememberCall(error, call);
		}
	}

	private async callOnce(call: OperationCall, options: CallOptions): Promise<ResultValue> {
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

	/**
	 * A Login this call may need keeps this call's Timeout and Max Reply Size (see loginLimits.ts).
	 * The login fields are read once per client; an unreadable credential is left to n8n to report.
	 */
	private async declareLoginLimits(options: CallOptions): Promise<void> {
		if (this.credentialType !== LOGIN_CREDENTIAL) return;
		this.loginFields ??= this.context
			.getCredentials(LOGIN_CREDENTIAL)
			.then((data) => ({
				baseUrl: data.baseUrl,
				loginName: data.loginName,
				password: data.password,
			}))
			.catch(() => undefined);
		const fields = await this.loginFields;
		if (fields)
			declareLoginLimits(fields, {
				timeout: options.timeout,
				maxReplyBytes: options.maxReplyBytes,
			});
	}

	/**
	 * The API key credential, read once per client (one execution, or one poll) and handed to
	 * `httpRequestWithAuthentication`, which otherwise reads it anew for every call: a database
	 * query and a decryption per call in n8n 2.41 (README, "Peer comparison"). n8n still runs the
	 * credential's `authenticate` on every call. A Login credential is left to n8n's own read per
	 * call: its session may be renewed by another execution or worker at any moment. A failed
	 * read fails the item with n8n's reason, and is not kept.
	 */
	private credentialOptions(): Promise<IAdditionalCredentialOptions | undefined> {
		if (this.credentialType !== API_KEY_CREDENTIAL) return Promise.resolve(undefined);
		if (!this.apiKeyCredential) {
			const type = this.credentialType;
			const read = this.context.getCredentials(type).then((data) => {
				const saved = this.context.getNode().credentials?.[type];
				return {
					credentialsDecrypted: { id: saved?.id ?? '', name: saved?.name ?? '', type, data },
				};
			});
			read.catch(() => {
				if (this.apiKeyCredential === read) this.apiKeyCredential = undefined;
			});
			this.apiKeyCredential = read;
		}
		return this.apiKeyCredential;
	}

	private async attempt(pending: PendingCall, options: CallOptions): Promise<ResultValue> {
		try {
			const { response, url } = await this.send(pending, options);
			return await parseResponse(pending.call.operation, options.binding, response, url);
		} catch (error) {
			throw rememberSentSecrets(error, [signingSecretOf(pending)]);
		}
	}

	private async send(
		pending: PendingCall,
		options: CallOptions,
	): Promise<{ response: WireResponse; url: string }> {
		const deadline = AbortSignal.timeout(options.timeout);
		pending.deadline = deadline;
		const request: PendingRequestOptions = {
			// The credential's authenticate sets method, URL, headers and body (see pendingCall.ts),
			// adds the deadline to n8n's own cancel signal, and writes back into `pending` which
			// session signed the call and where it went.
			url: '',
			method: 'POST',
			ecgridos: pending,
			timeout: options.timeout,
			...READ_EVERY_REPLY,
		};
		const credentialOptions = await this.credentialOptions();
		await this.declareLoginLimits(options);
		try {
			const response = (await beforeDeadline(
				this.context.helpers.httpRequestWithAuthentication.call(
					this.context,
					this.credentialType,
					request,
					credentialOptions,
				),
				deadline,
			)) as FullResponse;
			const maxReplyBytes = options.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES;
			return {
				response: await toWireResponse(response, { deadline, maxReplyBytes }),
				url: request.ecgridos.sentTo ?? '',
			};
		} catch (error) {
			const own = recoverOwnError(error);
			if (own instanceof LoginFailedError) this.gate.recordLoginFailure(own);
			if (own && !(own instanceof EcGridOsError && deadline.aborted)) throw own;
			if (deadline.aborted) throw timedOut(options.timeout, hostOf(request.ecgridos.sentTo ?? ''));
			// Never signed, so never sent: n8n could not read or prepare the credential, and says why.
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- n8n's own error, already a NodeApiError
			if (request.ecgridos.sentTo === undefined) throw error;
			throw toTransportError(error);
		}
	}
}
