import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import type { Binding } from '../../nodes/EcGridOs/soap';

/** One request as the hostile server saw it. */
export interface SeenRequest {
	method: string;
	url: string;
	binding: Binding;
	body: string;
}

export type Handler = (request: SeenRequest, response: ServerResponse) => void | Promise<void>;

export interface HostileServer {
	url: string;
	requests: SeenRequest[];
	use(handler: Handler): void;
	close(): Promise<void>;
}

/** The binding a request came in on, read the way ASMX routes it. */
function bindingOf(request: IncomingMessage): Binding {
	if (/\/GenerateAPIKey(\?|$)/.test(request.url ?? '')) {
		return request.method === 'GET' ? 'httpGet' : 'httpPost';
	}
	return /soap\+xml/.test(request.headers['content-type'] ?? '') ? 'soap12' : 'soap11';
}

/**
 * A tiny HTTP server on 127.0.0.1 that answers whatever the current handler writes: the tests'
 * stand-in for a broken, hostile or echoing ECGridOS endpoint. Sockets are tracked so `close`
 * ends drips and stalls at once.
 */
export async function startHostileServer(): Promise<HostileServer> {
	let handler: Handler = (_request, response) => {
		response.end();
	};
	const requests: SeenRequest[] = [];
	const sockets = new Set<Socket>();
	const server: Server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const seen = {
				method: request.method ?? 'GET',
				url: request.url ?? '/',
				binding: bindingOf(request),
				body: Buffer.concat(chunks).toString('utf8'),
			};
			requests.push(seen);
			Promise.resolve(handler(seen, response)).catch(() => response.destroy());
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/v4.1/prod/ECGridOS.asmx`,
		requests,
		use: (next) => {
			handler = next;
		},
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

/** Writes a little at a time until the client gives up (the socket closes). */
export function drip(response: ServerResponse, text: string, everyMs: number): void {
	let position = 0;
	const timer = setInterval(() => {
		if (response.destroyed || response.socket?.destroyed) return clearInterval(timer);
		response.write(text[position % text.length]);
		position++;
	}, everyMs);
	response.on('close', () => clearInterval(timer));
}
