import { buildRequest, type CallTarget, type OperationCall, type WireRequest } from './request';
import { parseResponse, type WireResponse } from './response';
import type { ResultValue } from './values';

/** Moves one request over HTTP; injected so this layer stays free of any HTTP stack. */
export type Send = (request: WireRequest) => Promise<WireResponse>;

/** Build, send, read: one operation call end to end. */
export async function callOperation(
	send: Send,
	call: OperationCall,
	target: CallTarget,
): Promise<ResultValue> {
	const request = buildRequest(call, target);
	const response = await send(request);
	return await parseResponse(call.operation, target.binding, response, request.url);
}
