import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * Records each outgoing HTTP call's time from request start to the end of its response body,
 * whoever sends it (n8n-core's axios or ours), through Node's built-in http diagnostics
 * channels: the same clock for both contenders.
 */
export function recordHttpLatency(): { latencies: number[]; stop(): void } {
	const started = new WeakMap<ClientRequest, number>();
	const latencies: number[] = [];
	const onStart = (message: unknown) => {
		started.set((message as { request: ClientRequest }).request, performance.now());
	};
	const onResponse = (message: unknown) => {
		const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
		const start = started.get(request);
		if (start !== undefined) response.once('end', () => latencies.push(performance.now() - start));
	};
	subscribe('http.client.request.start', onStart);
	subscribe('http.client.response.finish', onResponse);
	return {
		latencies,
		stop() {
			unsubscribe('http.client.request.start', onStart);
			unsubscribe('http.client.response.finish', onResponse);
		},
	};
}
