import type { IHttpRequestOptions } from 'n8n-workflow';

import type { Send, WireRequest, WireResponse } from '../soap';
import { toTransportError } from './transportFailure';

/** What n8n's helpers return with `returnFullResponse` / `resolveWithFullResponse`. */
interface FullResponse {
	statusCode: number;
	headers?: Record<string, unknown>;
	body?: unknown;
}

function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return '';
	}
}

function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return JSON.stringify(body);
}

/** Normalises either helper's full response. */
export function toWireResponse(response: FullResponse): WireResponse {
	const contentType = response.headers?.['content-type'];
	return {
		status: response.statusCode,
		contentType: typeof contentType === 'string' ? contentType : '',
		body: bodyText(response.body),
	};
}

/** Options that make n8n hand back every status with its body untouched: faults come as 500s. */
export const READ_EVERY_REPLY: Pick<
	IHttpRequestOptions,
	'returnFullResponse' | 'ignoreHttpStatusErrors' | 'encoding' | 'json'
> = {
	returnFullResponse: true,
	ignoreHttpStatusErrors: true,
	encoding: 'text',
	json: false,
};

/** A Send over one of n8n's helpers; a failure to get any answer becomes a TransportError. */
function sendVia(request: (wire: WireRequest) => Promise<unknown>): Send {
	return async (wire) => {
		try {
			return toWireResponse((await request(wire)) as FullResponse);
		} catch (error) {
			throw toTransportError(error, hostOf(wire.url));
		}
	};
}

/** A Send over `helpers.httpRequest` (used where n8n gives no authenticated helper: Login). */
export function sendWithHttpRequest(
	httpRequest: (options: IHttpRequestOptions) => Promise<unknown>,
	timeout: number,
): Send {
	return sendVia(async (wire) => await httpRequest({ ...wire, ...READ_EVERY_REPLY, timeout }));
}

/** A Send over the legacy `helpers.request`, the only HTTP helper credential tests get. */
export function sendWithLegacyRequest(
	request: (options: object) => Promise<unknown>,
	timeout: number,
): Send {
	return sendVia(
		async (wire) =>
			await request({
				method: wire.method,
				uri: wire.url,
				headers: wire.headers,
				body: wire.body,
				resolveWithFullResponse: true,
				simple: false,
				timeout,
			}),
	);
}
