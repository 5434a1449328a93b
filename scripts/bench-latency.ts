import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface HttpLatencyRecorder {
	/** Each call's ms from request start to the end of its response body. */
	latencies: number[];
	/** ms from the first call's start to the last answer's end: the time the calls took. */
	spanMs(): number;
	stop(): void;
}

/**
 * Records each outgoing HTTP call's time from request start to the end of its response body,
 * whoever sends it (n8n-core's axios or ours, over http or https), through Node's built-in http
 * diagnostics channels: the same clock for every contender.
 */
export function recordHttpLatency(): HttpLatencyRecorder {
	const started = new WeakMap<ClientRequest, number>();
	const latencies: number[] = [];
	let firstStart = Infinity;
	let lastEnd = -Infinity;
	const onStart = (message: unknown) => {
		const now = performance.now();
		firstStart = Math.min(firstStart, now);
		started.set((message as { request: ClientRequest }).request, now);
	};
	const onResponse = (message: unknown) => {
		const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
		const start = started.get(request);
		if (start === undefined) return;
		response.once('end', () => {
			const now = performance.now();
			lastEnd = Math.max(lastEnd, now);
			latencies.push(now - start);
		});
	};
	subscribe('http.client.request.start', onStart);
	subscribe('http.client.response.finish', onResponse);
	return {
		latencies,
		spanMs: () => (latencies.length === 0 ? NaN : lastEnd - firstStart),
		stop() {
			unsubscribe('http.client.request.start', onStart);
			unsubscribe('http.client.response.finish', onResponse);
		},
	};
}
