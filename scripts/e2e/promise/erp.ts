/**
 * The "ERP" that the promise workflows deliver parcels to (an HTTP Request node posts the
 * downloaded file here): it records every delivery with its bytes and times, answers slowly so
 * that runs are in flight when a process is killed, and refuses the first delivery of the parcels
 * it is told to, so that runs fail and parcels are reset.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface Delivery {
	parcelId: number;
	bytes: Buffer;
	arrivedAt: number;
	/** When the ERP answered; undefined while the delivery is in flight. */
	answeredAt?: number;
	status?: number;
}

export interface Erp {
	url: string;
	deliveries: Delivery[];
	/** Parcels whose first delivery is answered with HTTP 500 (the run then fails). */
	refuseFirst: Set<number>;
	close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export async function startErp(answerAfterMs: number): Promise<Erp> {
	const deliveries: Delivery[] = [];
	const refuseFirst = new Set<number>();
	const server: Server = createServer((request, response) => {
		void (async () => {
			const url = new URL(request.url ?? '/', 'http://erp');
			const parcelId = Number(url.searchParams.get('parcelId'));
			const delivery: Delivery = { parcelId, bytes: await bodyOf(request), arrivedAt: Date.now() };
			deliveries.push(delivery);
			await new Promise((done) => setTimeout(done, answerAfterMs));
			const refused = refuseFirst.delete(parcelId);
			delivery.status = refused ? 500 : 200;
			response.writeHead(delivery.status, { 'content-type': 'application/json' });
			response.end(JSON.stringify({ received: parcelId, refused }));
			delivery.answeredAt = Date.now();
		})();
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}/erp`,
		deliveries,
		refuseFirst,
		close: async () => {
			server.closeAllConnections();
			await new Promise((done) => server.close(done));
		},
	};
}
