import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { Agent, request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TLSSocket } from 'node:tls';

import { selfSignedCertificate, type TlsIdentity } from '../../../scripts/bench-wan-cert';
import { startWanLink, type WanLink } from '../../../scripts/bench-wan-link';

const RTT_MS = 200;

interface Answer {
	ms: number;
	body: Buffer;
	protocol: string | null;
}

/** POSTs `body` through the link and times it from request start to the answer's last byte. */
function post(port: number, agent: Agent, ca: Buffer, body: Buffer): Promise<Answer> {
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const call = request(
			{ host: '127.0.0.1', port, method: 'POST', path: '/echo', agent, ca },
			(response) => {
				// Read now: a kept-alive socket leaves the response when the body ends.
				const protocol = (response.socket as TLSSocket).getProtocol();
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						ms: performance.now() - started,
						body: Buffer.concat(chunks),
						protocol,
					}),
				);
			},
		);
		call.on('error', reject);
		call.end(body);
	});
}

describe('bench-wan-link: TLS 1.3 over a delaying proxy', () => {
	let dir: string;
	let identity: TlsIdentity;
	let echo: Server;
	let link: WanLink;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'wan-link-'));
		identity = selfSignedCertificate(dir);
		echo = createServer((req, res) => req.pipe(res));
		await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
		const address = echo.address();
		const targetPort = typeof address === 'object' && address !== null ? address.port : 0;
		link = await startWanLink({ rttMs: RTT_MS, targetPort, identity });
	});

	afterAll(async () => {
		await link.close();
		await new Promise<void>((resolve) => echo.close(() => resolve()));
		rmSync(dir, { recursive: true, force: true });
	});

	it('charges a new connection three round trips (TCP, TLS 1.3, the call), a kept one one', async () => {
		const agent = new Agent({ keepAlive: true, maxSockets: 1 });
		try {
			const first = await post(link.port, agent, identity.cert, Buffer.from('first'));
			const second = await post(link.port, agent, identity.cert, Buffer.from('second'));
			expect(first.protocol).toBe('TLSv1.3');
			expect(first.body.toString()).toBe('first');
			expect(second.body.toString()).toBe('second');
			expect(first.ms).toBeGreaterThanOrEqual(3 * RTT_MS - 2);
			expect(first.ms).toBeLessThan(4 * RTT_MS);
			expect(second.ms).toBeGreaterThanOrEqual(RTT_MS - 2);
			expect(second.ms).toBeLessThan(2 * RTT_MS);
		} finally {
			agent.destroy();
		}
	});

	it('delivers a large body whole and in order, both ways', async () => {
		const agent = new Agent({ keepAlive: false });
		const body = Buffer.alloc(2 * 1024 * 1024);
		for (let index = 0; index < body.length; index++) body[index] = (index * 7919) % 251;
		const answer = await post(link.port, agent, identity.cert, body);
		expect(answer.body.equals(body)).toBe(true);
	});

	it('refuses a client that does not trust the certificate', async () => {
		const agent = new Agent({ keepAlive: false });
		await expect(
			post(link.port, agent, Buffer.from(''), Buffer.from('x')).catch((error: Error) => {
				throw new Error((error as NodeJS.ErrnoException).code ?? error.message);
			}),
		).rejects.toThrow(/SELF_SIGNED|UNABLE_TO_VERIFY|CERT/);
	});
});
