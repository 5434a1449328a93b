import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type ITriggerFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { EcGridOsError, EcGridOsFault, ParameterTypeError, redact, TransportError } from '../soap';
import type { CredentialType } from './constants';
import { callLabelOf } from './callContext';
import { LoginFailedError } from './loginFailedError';
import { sentSecretsOf } from './sentSecrets';

/** Every secret the credential holds, to scrub from anything the user will see. */
async function secretsOf(
	context: IExecuteFunctions | ITriggerFunctions | ILoadOptionsFunctions,
	credentialType: CredentialType,
	itemIndex: number | undefined,
) {
	try {
		const credentials = await context.getCredentials(credentialType, itemIndex);
		const apiKey = typeof credentials.apiKey === 'string' ? credentials.apiKey : undefined;
		// The credential sends the key trimmed (a pasted key often ends in a newline or space): a
		// server echoes what it received, which the key as saved would no longer match.
		return [apiKey, apiKey?.trim(), credentials.password, credentials.sessionId].map((value) =>
			typeof value === 'string' ? value : undefined,
		);
	} catch {
		return [];
	}
}

/** Fields an error item carries under Continue On Fail, beside `error`. */
function faultFields(inner: unknown, clean: (text: string) => string): JsonObject {
	if (inner instanceof EcGridOsFault) {
		return {
			errorCode:
				typeof inner.errorInfo.errorCode === 'string'
					? clean(inner.errorInfo.errorCode)
					: inner.errorInfo.errorCode,
			...(inner.retCode ? { retCode: inner.retCode } : {}),
			errorItem: clean(inner.errorInfo.errorItem),
			errorMessage: clean(inner.errorInfo.errorMessage),
			httpStatus: inner.httpStatus,
		};
	}
	return inner instanceof EcGridOsError && inner.httpStatus ? { httpStatus: inner.httpStatus } : {};
}

export interface Failure {
	error: NodeApiError | NodeOperationError;
	/**
	 * What the item carries under Continue On Fail: `{ error, details }`. n8n sends an item to the
	 * node's error output only when its JSON holds nothing but `error`, `message` and `details`.
	 */
	json: JsonObject;
}

/**
 * The one place protocol errors become n8n errors: ECGridOS and transport failures are
 * NodeApiErrors, bad input is a NodeOperationError; every text is scrubbed of secrets and
 * the original error is not attached (its request config carries the key).
 */
export async function describeFailure(
	context: IExecuteFunctions | ITriggerFunctions | ILoadOptionsFunctions,
	error: unknown,
	itemIndex: number | undefined,
	credentialType: CredentialType,
): Promise<Failure> {
	if (error instanceof NodeOperationError) {
		const { message, description } = error;
		return {
			error,
			json: { error: message, ...(description ? { details: { description } } : {}) },
		};
	}
	const secrets = [
		...(await secretsOf(context, credentialType, itemIndex)),
		...sentSecretsOf(error),
	];
	const clean = (text: string) => redact(text, secrets);
	const node = context.getNode();

	if (error instanceof ParameterTypeError) {
		const message = clean(error.message);
		return {
			error: new NodeOperationError(node, message, { itemIndex }),
			json: { error: message },
		};
	}
	const known = error instanceof EcGridOsError || error instanceof LoginFailedError;
	// Faults and unreadable replies are about this item's call; transport and login failures are not.
	const label =
		error instanceof EcGridOsError && !(error instanceof TransportError)
			? callLabelOf(error)
			: undefined;
	const what = known ? (error as Error).message : String((error as Error)?.message);
	const message = clean(
		label ? `${label} failed: ${what}` : known ? what : `ECGridOS call failed: ${what}`,
	);
	const inner = error instanceof LoginFailedError ? error.cause : error;
	const description = clean(
		error instanceof LoginFailedError || error instanceof EcGridOsError
			? error.description
			: 'An unexpected error occurred while calling ECGridOS. Check the endpoint URL and credential.',
	);
	const fields = faultFields(inner, clean);
	// The editor labels httpCode "Error code": ECGridOS's own code reads better there than HTTP 500.
	const httpCode =
		inner instanceof EcGridOsFault
			? clean(inner.errorCodeLabel)
			: inner instanceof EcGridOsError && inner.httpStatus
				? String(inner.httpStatus)
				: undefined;
	const nodeError = new NodeApiError(node, { message, description, ...fields } as JsonObject, {
		message,
		// A trigger's poll has no item (itemIndex undefined).
		description: itemIndex === undefined ? description : `Item ${itemIndex}: ${description}`,
		httpCode,
		itemIndex,
	});
	return { error: nodeError, json: { error: message, details: { description, ...fields } } };
}
