/**
 * An internet link on loopback for the WAN bench: clients speak TLS 1.3 to a proxy that delays
 * every chunk by half the round trip in each direction, so the TLS handshake pays its round trip
 * as the request does. The TCP handshake completes in the kernel before the proxy sees the
 * connection, so its round trip is charged by holding a connection's first bytes one round trip.
 * A new connection then costs 3 round trips to its first answer (TCP, TLS 1.3, the call), a kept
 * connection 1, as across the internet. Bandwidth is not limited.
 *
 *   client ──TCP── delay proxy ──TCP── TLS terminator ──TCP── plain HTTP server (the simulator)
 */
import { createServer as createTcpServer, connect, type Server, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createServer as createTlsServer } from 'node:tls';

import type { TlsIdentity } from './bench-wan-cert';

export interface WanLinkOptions {
	/** Round-trip time to emulate, in milliseconds. */
	rttMs: number;
	/** Port of the plain HTTP server on 127.0.0.1 behind the link. */
	targetPort: number;
	identity: TlsIdentity;
}

export interface WanLink {
	/** Port on 127.0.0.1 where clients connect with TLS. */
	port: number;
	close(): Promise<void>;
}

/**
 * Writes what `from` sends into `to` at the time `deliverAt` gives, in order: one timer per
 * direction over a queue, since timers of different durations may fire out of order.
 */
function forwardDelayed(from: Socket, to: Socket, deliverAt: (now: number) => number): void {
	type Step = Buffer | 'end' | 'destroy';
	const queue: Array<{ at: number; step: Step }> = [];
	let timer: NodeJS.Timeout | undefined;
	const flush = () => {
		timer = undefined;
		while (queue.length > 0 && queue[0].at <= performance.now()) {
			const { step } = queue.shift()!;
			if (step === 'end') to.end();
			else if (step === 'destroy') to.destroy();
			else to.write(step);
		}
		if (queue.length > 0) timer = setTimeout(flush, queue[0].at - performance.now());
	};
	const enqueue = (step: Step) => {
		queue.push({ at: deliverAt(performance.now()), step });
		timer ??= setTimeout(flush, queue[0].at - performance.now());
	};
	let ended = false;
	from.on('data', (chunk: Buffer) => enqueue(chunk));
	from.on('end', () => {
		ended = true;
		enqueue('end');
	});
	// A reset, not a close: the other side learns of it one way later too.
	from.on('close', () => {
		if (!ended) enqueue('destroy');
	});
}

function listen(server: Server): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			resolve(typeof address === 'object' && address !== null ? address.port : 0);
		});
	});
}

function closeServer(server: Server): Promise<void> {
	return new Promise((resolve) => server.close(() => resolve()));
}

export async function startWanLink({
	rttMs,
	targetPort,
	identity,
}: WanLinkOptions): Promise<WanLink> {
	const sockets = new Set<Socket>();
	const track = (socket: Socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
		// A lost socket must not end the bench: the peer sees the close.
		socket.on('error', () => socket.destroy());
		return socket;
	};

	const terminator = createTlsServer(
		{ key: identity.key, cert: identity.cert, minVersion: 'TLSv1.3' },
		(clear) => {
			const upstream = track(connect({ port: targetPort, host: '127.0.0.1', noDelay: true }));
			track(clear);
			clear.pipe(upstream).pipe(clear);
			clear.once('close', () => upstream.destroy());
			upstream.once('close', () => clear.destroy());
		},
	);
	const terminatorPort = await listen(terminator);

	const half = rttMs / 2;
	const proxy = createTcpServer({ noDelay: true }, (client) => {
		track(client);
		// The client's SYN and the SYN-ACK would have taken one round trip before its first byte.
		const opensAt = performance.now() + rttMs;
		const server = track(connect({ port: terminatorPort, host: '127.0.0.1', noDelay: true }));
		forwardDelayed(client, server, (now) => Math.max(now, opensAt) + half);
		forwardDelayed(server, client, (now) => now + half);
	});
	const port = await listen(proxy);

	return {
		port,
		async close() {
			for (const socket of sockets) socket.destroy();
			await Promise.all([closeServer(proxy), closeServer(terminator)]);
		},
	};
}
