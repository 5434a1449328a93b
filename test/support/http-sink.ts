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
	close(): Promise<void>;
}

export async function startHttpSink(): Promise<HttpSink> {
	const received: ReceivedPost[] = [];
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
			received.push({ path: req.url ?? '/', body });
			res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		bodiesAt: (path) => received.filter((post) => post.path === path).map((post) => post.body),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
