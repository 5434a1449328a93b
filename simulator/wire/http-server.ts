/** The plain `node:http` plumbing: bodies as bytes, URLs split, headers flattened, listening. */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

import type { Reply } from './replies';

export function send(res: ServerResponse, reply: Reply): void {
	if (res.destroyed) return;
	const body = Buffer.from(reply.body, 'utf8');
	res.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.length) });
	res.end(body);
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export function splitUrl(url: string): [string, string?] {
	const at = url.indexOf('?');
	return at < 0 ? [url] : [url.slice(0, at), url.slice(at + 1)];
}

export function flattenHeaders(req: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}

export function listen(server: Server, port: number): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', reject);
			const address = server.address();
			resolve(typeof address === 'object' && address ? address.port : port);
		});
	});
}

export function json(status: number, value: unknown): Reply {
	return {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8' },
		body: JSON.stringify(value),
	};
}
