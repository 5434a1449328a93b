import type { IHttpRequestOptions } from 'n8n-workflow';

import { EcGridOsError, type Send, type WireRequest, type WireResponse } from '../soap';
import { DEFAULT_MAX_REPLY_BYTES } from './constants';
import { beforeDeadline, readBody, type ReplyLimits } from './replyReader';
import { toTransportError, timedOut } from './transportFailure';

/** What n8n's helpers return with `returnFullResponse` / `resolveWithFullResponse`. */
export interface FullResponse {
	statusCode: number;
	headers?: Record<string, unknown>;
	body?: unknown;
}

export function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return '';
	}
}

const header = (response: FullResponse, name: string) => {
	const value = response.headers?.[name];
	return typeof value === 'string' ? value : undefined;
};

/** The Content-Length header as a byte count, when it is one. */
function contentLength(response: FullResponse): number | undefined {
	const value = header(response, 'content-length');
	return value !== undefined && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

/** Reads either helper's full response, its body within the limits. */
export async function toWireResponse(
	response: FullResponse,
	limits: ReplyLimits,
): Promise<WireResponse> {
	const reply = await readBody(response.body, response.statusCode, limits, contentLength(response));
	return {
		status: response.statusCode,
		contentType: header(response, 'content-type') ?? '',
		location: header(response, 'location'),
		body: reply.text,
		byteRuns: reply.runs,
	};
}

/**
 * Options that make n8n hand back every status with its body as a stream, unread: faults come
 * as 500s, and the body is read here under the size cap. Redirects are never followed:
 * ECGridOS does not redirect, and following one would send the key to wherever it points.
 */
export const READ_EVERY_REPLY: Pick<
	IHttpRequestOptions,
	'returnFullResponse' | 'ignoreHttpStatusErrors' | 'encoding' | 'json' | 'disableFollowRedirect'
> = {
	returnFullResponse: true,
	ignoreHttpStatusErrors: true,
	encoding: 'stream',
	json: false,
	disableFollowRedirect: true,
};

export interface SendLimits {
	timeout: number;
	maxReplyBytes?: number;
}

/**
 * A Send over one of n8n's helpers: the whole answer (headers and body) must arrive within
 * `timeout`; a failure to get any answer becomes a TransportError.
 */
function sendVia(
	limits: SendLimits,
	request: (wire: WireRequest, deadline: AbortSignal) => Promise<unknown>,
): Send {
	return async (wire) => {
		const deadline = AbortSignal.timeout(limits.timeout);
		const replyLimits = {
			deadline,
			maxReplyBytes: limits.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES,
		};
		try {
			const response = await beforeDeadline(request(wire, deadline), deadline);
			return await toWireResponse(response as FullResponse, replyLimits);
		} catch (error) {
			if (deadline.aborted) throw timedOut(limits.timeout, hostOf(wire.url));
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- the router turns it into a NodeApiError (nodeErrors.ts)
			if (error instanceof EcGridOsError) throw error;
			throw toTransportError(error, hostOf(wire.url));
		}
	};
}

/** A Send over `helpers.httpRequest` (used where n8n gives no authenticated helper: Login). */
export function sendWithHttpRequest(
	httpRequest: (options: IHttpRequestOptions) => Promise<unknown>,
	limits: SendLimits,
): Send {
	return sendVia(
		limits,
		async (wire, deadline) =>
			await httpRequest({
				...wire,
				...READ_EVERY_REPLY,
				timeout: limits.timeout,
				abortSignal: deadline,
			}),
	);
}

/** A Send over the legacy `helpers.request`, the only HTTP helper credential tests get. */
export function sendWithLegacyRequest(
	request: (options: object) => Promise<unknown>,
	limits: SendLimits,
): Send {
	return sendVia(
		limits,
		async (wire) =>
			await request({
				method: wire.method,
				uri: wire.url,
				headers: wire.headers,
				body: wire.body,
				resolveWithFullResponse: true,
				simple: false,
				followRedirect: false,
				followAllRedirects: false,
				useStream: true,
				timeout: limits.timeout,
			}),
	);
}
