/**
 * Parcel figures for `npm run bench`: a 10 MB parcel downloaded into binary data and uploaded
 * from it, against reading the same reply off the socket and base64-decoding it by hand; peak
 * RSS of each in a fresh process; and the size of the node description the editor loads.
 *
 *   npx tsx scripts/bench-parcels.ts [--mib 10]
 */
import '../test/harness/env';

import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import { loadPackage, runWorkflow } from '../test/harness';
import { operationWorkflow } from '../test/support/operations';
import { NODE_NAME } from '../test/support/workflows';
import { DEMO_USERS, startSimulator } from '../simulator';
import { formatTable, percentile } from './bench-stats';
import { ensureBuilt } from './demo-build';

const RUNS = 5;
const ROOT_KEY = DEMO_USERS.find((user) => user.loginName === 'root.ops')?.apiKey ?? '';

/** A plausible X12 file of about `bytes` bytes. */
function x12Of(bytes: number): Buffer {
	const header =
		'ISA*00*          *00*          *ZZ*GLOBEXRETAIL   *ZZ*ACMEFOODS      *261201*0930*U*00401*000000101*0*P*>~\nGS*PO*GLOBEXRETAIL*ACMEFOODS*20261201*0930*101*X*004010~\n';
	const line = 'PO1*1*10*EA*9.95**VP*ACME-4711-XL*UP*012345678905~\n';
	return Buffer.from(header + line.repeat(Math.ceil(bytes / line.length)));
}

async function runDownload(url: string, parcelId: number): Promise<Buffer> {
	const result = await runWorkflow(
		operationWorkflow({
			resource: 'parcel',
			operation: 'download',
			parcelId,
			markAsDownloaded: false,
		}),
		{
			credentials: [
				{
					id: 'apiKeyCredential',
					name: 'ECGridOS API key',
					type: 'ecGridOsApi',
					data: { apiKey: ROOT_KEY, baseUrl: url },
				},
			],
			nodePackage: loadPackage(),
		},
	);
	if (result.error) throw new Error(`download failed: ${String((result.error as Error).message)}`);
	return Buffer.from(result.outputOf(NODE_NAME)[0].binary!.data.data, 'base64');
}

async function runUpload(url: string, content: Buffer): Promise<void> {
	const result = await runWorkflow(operationWorkflow({ resource: 'parcel', operation: 'upload' }), {
		credentials: [
			{
				id: 'apiKeyCredential',
				name: 'ECGridOS API key',
				type: 'ecGridOsApi',
				data: { apiKey: ROOT_KEY, baseUrl: url },
			},
		],
		nodePackage: loadPackage(),
		inputs: [
			{
				json: {},
				binary: {
					data: {
						data: content.toString('base64'),
						mimeType: 'application/edi-x12',
						fileName: 'big.edi',
					},
				},
			},
		],
	});
	if (result.error) throw new Error(`upload failed: ${String((result.error as Error).message)}`);
}

/** The floor: the same SOAP request by hand, the reply read whole, the base64 cut out and decoded. */
function rawDownload(url: string, parcelId: number): Promise<Buffer> {
	const body = `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><ParcelDownloadNoUpdate xmlns="https://os.ecgrid.io/"><SessionID>${ROOT_KEY}</SessionID><ParcelID>${parcelId}</ParcelID></ParcelDownloadNoUpdate></soap:Body></soap:Envelope>`;
	return new Promise((resolve, reject) => {
		const req = request(
			url,
			{
				method: 'POST',
				headers: {
					'Content-Type': 'text/xml; charset=utf-8',
					SOAPAction: '"https://os.ecgrid.io/ParcelDownloadNoUpdate"',
				},
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					const start = text.indexOf('<Content>') + '<Content>'.length;
					resolve(Buffer.from(text.slice(start, text.indexOf('</Content>', start)), 'base64'));
				});
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		req.end(body);
	});
}

async function timed<T>(body: () => Promise<T>): Promise<[number, T]> {
	const started = performance.now();
	const value = await body();
	return [performance.now() - started, value];
}

/** Child mode: one download or upload, then the RSS it added at its peak, as JSON. */
async function child(url: string, mode: string, parcelId: number, mib: number) {
	const content = mode === 'upload' ? x12Of(mib * 1024 * 1024) : undefined;
	loadPackage();
	const before = process.memoryUsage().rss;
	if (mode === 'upload') await runUpload(url, content!);
	else await runDownload(url, parcelId);
	const peak = process.resourceUsage().maxRSS * 1024;
	process.stdout.write(
		JSON.stringify({ addedMiB: (peak - before) / 1024 / 1024, peakMiB: peak / 1024 / 1024 }),
	);
}

function inChild(
	url: string,
	mode: string,
	parcelId: number,
	mib: number,
): Promise<{ addedMiB: number; peakMiB: number }> {
	return new Promise((resolve, reject) => {
		const args = [
			...process.execArgv,
			__filename,
			'--child',
			mode,
			'--url',
			url,
			'--parcel',
			String(parcelId),
			'--mib',
			String(mib),
		];
		const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
		let out = '';
		proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		proc.on('error', reject);
		proc.on('close', (code) =>
			code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`child ${mode} exited ${code}`)),
		);
	});
}

export async function benchParcels(mib = 10): Promise<void> {
	ensureBuilt();
	const simulator = await startSimulator({ port: 0, demoParcels: false });
	try {
		const content = x12Of(mib * 1024 * 1024);
		const { parcelId } = simulator.dropParcel({ fileName: 'big.edi', content });
		// Warm both paths once.
		await runDownload(simulator.url, parcelId);
		await rawDownload(simulator.url, parcelId);
		// Alternating, the median of five each: one run on shared cores says little.
		const nodeRuns: number[] = [];
		const rawRuns: number[] = [];
		const uploadRuns: number[] = [];
		for (let round = 0; round < RUNS; round++) {
			const [nodeMs, viaNode] = await timed(() => runDownload(simulator.url, parcelId));
			const [rawMs, viaRaw] = await timed(() => rawDownload(simulator.url, parcelId));
			if (!viaNode.equals(content) || !viaRaw.equals(content))
				throw new Error('a download lost bytes');
			nodeRuns.push(nodeMs);
			rawRuns.push(rawMs);
			uploadRuns.push((await timed(() => runUpload(simulator.url, content)))[0]);
		}
		const [nodeMs, rawMs, uploadMs] = [nodeRuns, rawRuns, uploadRuns].map((runs) =>
			percentile(runs, 50),
		);
		const download = await inChild(simulator.url, 'download', parcelId, mib);
		const upload = await inChild(simulator.url, 'upload', parcelId, mib);
		const size = content.length / 1024 / 1024;
		console.log(
			`\nParcels: one ${size.toFixed(1)} MiB X12 file, SOAP 1.1, simulator on loopback\n`,
		);
		console.log(
			formatTable([
				['run (median of 5)', 'ms', 'peak RSS added MiB', 'x file size'],
				[
					'download into binary data (workflow + node)',
					nodeMs.toFixed(0),
					download.addedMiB.toFixed(0),
					(download.addedMiB / size).toFixed(1),
				],
				['same reply read off the socket + base64 decode', rawMs.toFixed(0), '', ''],
				[
					'upload from binary data (workflow + node)',
					uploadMs.toFixed(0),
					upload.addedMiB.toFixed(0),
					(upload.addedMiB / size).toFixed(1),
				],
			]),
		);
		console.log(`download time ratio node/raw: ${(nodeMs / rawMs).toFixed(2)} (target ≤ 2)`);
		const node = loadPackage().nodes.find((type) => type.description.name === 'ecGridOs')!;
		const kib = Buffer.byteLength(JSON.stringify(node.description)) / 1024;
		console.log(
			`node description: ${kib.toFixed(0)} KiB per copy (the editor loads it, and again as an AI tool)`,
		);
	} finally {
		await simulator.close();
	}
}

if (require.main === module) {
	const { values } = parseArgs({
		options: {
			child: { type: 'string' },
			url: { type: 'string' },
			parcel: { type: 'string', default: '0' },
			mib: { type: 'string', default: '10' },
		},
	});
	const run = values.child
		? child(values.url ?? '', values.child, Number(values.parcel), Number(values.mib))
		: benchParcels(Number(values.mib));
	run.catch((error: unknown) => {
		console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	});
}
