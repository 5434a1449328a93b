import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPost {
	path: string;
	body: unknown;
}

/** A local stand-in for an ERP or a chat webhook: records each JSON body and answers `{ ok }`. */
export interface HttpSink {
	url: string;
	received: ReceivedPost[];
	/** The parsed bodies posted to this path, in arrival order. */
	bodiesAt(path: string): unknown[];
	/** From now on, answer posts to this path with this HTTP status (a service that is down). */
	failAt(path: string, status: number): void;
	close(): Promise<void>;
}

export async function startHttpSink(): Promise<HttpSink> {
	const received: ReceivedPost[] = [];
	const failing = new Map<string, number>();
	const server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			let body: unknown = text;
			try {
				body = JSON.parse(text);
			} catch {
				// Kept as text: the check that reads it says what was wrong.
			}
			const path = req.url ?? '/';
			received.push({ path, body });
			const status = failing.get(path) ?? 200;
			res
				.writeHead(status, { 'content-type': 'application/json' })
				.end(JSON.stringify({ ok: status < 400 }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		bodiesAt: (path) => received.filter((post) => post.path === path).map((post) => post.body),
		failAt: (path, status) => failing.set(path, status),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
