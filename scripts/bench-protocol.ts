import { performance } from 'node:perf_hooks';

import { buildRequest, parseResponse } from '../nodes/EcGridOs/soap';

const REPLY =
	'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">' +
	'<soap:Body><GenerateAPIKeyResponse xmlns="https://os.ecgrid.io/"><GenerateAPIKeyResult>' +
	'7F3E2D1C-0B9A-4876-8543-210FEDCBA987</GenerateAPIKeyResult></GenerateAPIKeyResponse></soap:Body></soap:Envelope>';

/**
 * The node's own protocol work per call, without HTTP: build the SOAP 1.1 request, read the
 * reply. Returns microseconds per call over `calls` calls (after a warm-up).
 */
export async function protocolMicrosPerCall(calls: number): Promise<number> {
	const once = async (index: number) => {
		buildRequest(
			{ operation: 'GenerateAPIKey', parameters: { UserID: 1000 + (index % 1000) } },
			{ endpoint: 'http://127.0.0.1/ECGridOS.asmx', binding: 'soap11', sessionId: 'KEY' },
		);
		await parseResponse('GenerateAPIKey', 'soap11', {
			status: 200,
			contentType: 'text/xml',
			body: REPLY,
		});
	};
	for (let index = 0; index < 500; index++) await once(index);
	const started = performance.now();
	for (let index = 0; index < calls; index++) await once(index);
	return ((performance.now() - started) * 1000) / calls;
}
