/**
 * `npm run bench -- --wan [--rtt 20,50,100] [--concurrency 1,3,8,32,96] [--rounds 5] [--repeat 1]`:
 * UserGetAPIKey over an emulated internet link (TLS 1.3, each packet delayed half the round trip
 * each way, handshakes included: bench-wan-link.ts), the node against a bare keep-alive client
 * and a bare client opening a connection per call, at the same Concurrency. The far end runs in
 * a process of its own (bench-wan-server.ts), the clients in another that trusts the run's
 * self-signed certificate (bench-wan-client.ts). With --repeat, each figure is the median.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { jsonFromChild } from './bench-process';
import { selfSignedCertificate } from './bench-wan-cert';
import { matchTable, medianCells, throughputTable, type WanCell } from './bench-wan-report';
import { startWanServer } from './bench-wan-server';

export interface WanOptions {
	rttsMs: number[];
	concurrencies: number[];
	rounds: number;
	repeat: number;
}

export const WAN_DEFAULTS: WanOptions = {
	rttsMs: [20, 50, 100],
	concurrencies: [1, 3, 8, 32, 96],
	rounds: 5,
	repeat: 1,
};

export async function benchWan(options: WanOptions): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'ecgridos-wan-'));
	try {
		const identity = selfSignedCertificate(dir);
		const server = await startWanServer(dir, options.rttsMs);
		const runs: WanCell[][] = [];
		try {
			for (let run = 1; run <= options.repeat; run++) {
				const spec = { urls: server.urls, ...options };
				runs.push(
					await jsonFromChild<WanCell[]>(
						[join(__dirname, 'bench-wan-client.ts'), JSON.stringify(spec)],
						`WAN run ${run}`,
						{ NODE_EXTRA_CA_CERTS: identity.certPath },
					),
				);
			}
		} finally {
			await server.close();
		}
		const cells = medianCells(runs);
		const of = options.repeat > 1 ? `, median of ${options.repeat} runs` : '';
		console.log(
			`\nAPI Key → Get (UserGetAPIKey) over TLS 1.3 through a delaying proxy (handshakes included), ${options.rounds} rounds of C calls${of}\n`,
		);
		console.log(throughputTable(cells));
		console.log(`\nThe node at 3 × C against a keep-alive client at C\n`);
		console.log(matchTable(cells));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
