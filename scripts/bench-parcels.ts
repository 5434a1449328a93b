/**
 * Parcel figures for `npm run bench`: a 10 MiB parcel downloaded into binary data and uploaded
 * from it, against reading the same reply off the socket and base64-decoding it by hand; the
 * peak RSS each adds; and the size of the node description the editor loads.
 *
 * The simulator runs in this process; every measurement runs in a child of its own, so the
 * figures are the client's alone. Binary data is kept in files, as n8n 2 does by default, and
 * in memory (n8n 1's default) for comparison. Linux only: the peak is read from /proc.
 *
 *   npx tsx scripts/bench-parcels.ts [--mib 10]
 */
import '../test/harness/env';

import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData } from 'n8n-workflow';

import {
	binaryBytes,
	loadPackage,
	runWorkflow,
	storeBinaryDataInFiles,
	type NodePackage,
} from '../test/harness';
import { operationWorkflow } from '../test/support/operations';
import { NODE_NAME } from '../test/support/workflows';
import { DEMO_USERS, startSimulator } from '../simulator';
import { jsonFromChild, residentBytes, resetPeak } from './bench-process';
import { formatTable, percentile } from './bench-stats';
import { ensureBuilt } from './demo-build';

const RUNS = 9;
const ROOT_KEY = DEMO_USERS.find((user) => user.loginName === 'root.ops')?.apiKey ?? '';
const MODES = { files: 'in files (n8n 2 default)', memory: 'in memory (n8n 1 default)' };
type Mode = keyof typeof MODES;

/** A plausible X12 file of about `bytes` bytes. */
function x12Of(bytes: number): Buffer {
	const header =
		'ISA*00*          *00*          *ZZ*GLOBEXRETAIL   *ZZ*ACMEFOODS      *261201*0930*U*00401*000000101*0*P*>~\nGS*PO*GLOBEXRETAIL*ACMEFOODS*20261201*0930*101*X*004010~\n';
	const line = 'PO1*1*10*EA*9.95**VP*ACME-4711-XL*UP*012345678905~\n';
	return Buffer.from(header + line.repeat(Math.ceil(bytes / line.length)));
}

const credentials = (url: string) => [
	{
		id: 'apiKeyCredential',
		name: 'ECGridOS API key',
		type: 'ecGridOsApi',
		data: { apiKey: ROOT_KEY, baseUrl: url },
	},
];

/** Loaded once per process, as n8n loads a package once. */
let loaded: NodePackage | undefined;
const nodePackage = () => (loaded ??= loadPackage());

async function runDownload(url: string, parcelId: number): Promise<IBinaryData> {
	const result = await runWorkflow(
		operationWorkflow({
			resource: 'parcel',
			operation: 'download',
			parcelId,
			markAsDownloaded: false,
		}),
		{ credentials: credentials(url), nodePackage: nodePackage() },
	);
	if (result.error) throw new Error(`download failed: ${String((result.error as Error).message)}`);
	return result.outputOf(NODE_NAME)[0].binary!.data;
}

async function runUpload(url: string, binary: IBinaryData): Promise<void> {
	const result = await runWorkflow(operationWorkflow({ resource: 'parcel', operation: 'upload' }), {
		credentials: credentials(url),
		nodePackage: nodePackage(),
		inputs: [{ json: {}, binary: { data: binary } }],
	});
	if (result.error) throw new Error(`upload failed: ${String((result.error as Error).message)}`);
}

/** The file as an earlier node (Read Files from Disk, say) would hand it over in this mode. */
async function binaryOf(content: Buffer, mode: Mode): Promise<IBinaryData> {
	const binary: IBinaryData = { data: '', mimeType: 'application/edi-x12', fileName: 'big.edi' };
	if (mode === 'memory') return { ...binary, data: content.toString('base64') };
	const location = { type: 'execution' as const, workflowId: 'bench', executionId: 'bench' };
	return await Container.get(BinaryDataService).store(location, content, binary);
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

interface Job {
	url: string;
	parcelId: number;
	/** A parcel of a few bytes, to load every module before anything is measured. */
	smallParcelId: number;
	mib: number;
	mode: Mode;
}

/**
 * Child: the median times of node download and raw download, alternating with nothing else
 * in between (what one leaves for the garbage collector would be charged to the other), then
 * of upload. The bytes are checked once, before.
 */
async function timeRuns(job: Job) {
	const content = x12Of(job.mib * 1024 * 1024);
	const source = await binaryOf(content, job.mode);
	const viaNode = await binaryBytes(await runDownload(job.url, job.parcelId));
	const viaRaw = await rawDownload(job.url, job.parcelId);
	if (!viaNode.equals(content) || !viaRaw.equals(content)) throw new Error('a download lost bytes');
	await runUpload(job.url, source);
	const runs = { node: [] as number[], raw: [] as number[], upload: [] as number[] };
	for (let round = 0; round < RUNS; round++) {
		runs.node.push((await timed(() => runDownload(job.url, job.parcelId)))[0]);
		runs.raw.push((await timed(() => rawDownload(job.url, job.parcelId)))[0]);
	}
	for (let round = 0; round < RUNS; round++) {
		runs.upload.push((await timed(() => runUpload(job.url, source)))[0]);
	}
	return {
		nodeMs: percentile(runs.node, 50),
		rawMs: percentile(runs.raw, 50),
		uploadMs: percentile(runs.upload, 50),
	};
}

/**
 * Child: the RSS one download or upload adds at its peak, in a process that has already run
 * both once (so code loading is not counted). The peak is reset just before, so only this run's
 * peak counts, not one from start-up.
 */
async function peakOf(job: Job, what: 'download' | 'upload' | 'raw') {
	const content = what === 'upload' ? x12Of(job.mib * 1024 * 1024) : undefined;
	const source = content && (await binaryOf(content, job.mode));
	await runDownload(job.url, job.smallParcelId);
	await runUpload(job.url, await binaryOf(Buffer.from('ISA*00*'), job.mode));
	await rawDownload(job.url, job.smallParcelId);
	resetPeak();
	const before = residentBytes().now;
	if (source) await runUpload(job.url, source);
	else if (what === 'raw') await rawDownload(job.url, job.parcelId);
	else await runDownload(job.url, job.parcelId);
	return { addedMiB: Math.max(0, residentBytes().peak - before) / 1024 / 1024 };
}

function inChild<T>(task: string, job: Job): Promise<T> {
	return jsonFromChild<T>([__filename, '--child', task, '--job', JSON.stringify(job)], task);
}

async function child(task: string, job: Job): Promise<void> {
	if (job.mode === 'files') await storeBinaryDataInFiles();
	nodePackage();
	const result =
		task === 'time'
			? await timeRuns(job)
			: await peakOf(job, task as 'download' | 'upload' | 'raw');
	process.stdout.write(JSON.stringify(result));
}

type Times = Awaited<ReturnType<typeof timeRuns>>;
type Peak = Awaited<ReturnType<typeof peakOf>>;

export async function benchParcels(mib = 10): Promise<void> {
	ensureBuilt();
	const simulator = await startSimulator({ port: 0, demoParcels: false });
	try {
		const content = x12Of(mib * 1024 * 1024);
		const { parcelId } = simulator.dropParcel({ fileName: 'big.edi', content });
		const small = simulator.dropParcel({ fileName: 'small.edi', content: x12Of(200) });
		const size = content.length / 1024 / 1024;
		const rows: string[][] = [
			['binary data', `run (median of ${RUNS})`, 'ms', 'peak RSS added MiB', '× file size'],
		];
		const ratios: string[] = [];
		for (const mode of Object.keys(MODES) as Mode[]) {
			const job: Job = { url: simulator.url, parcelId, smallParcelId: small.parcelId, mib, mode };
			const times = await inChild<Times>('time', job);
			const download = await inChild<Peak>('download', job);
			const upload = await inChild<Peak>('upload', job);
			const raw = await inChild<Peak>('raw', job);
			const peak = (added: number) => [added.toFixed(0), (added / size).toFixed(1)];
			rows.push(
				[
					MODES[mode],
					'download (workflow + node)',
					times.nodeMs.toFixed(0),
					...peak(download.addedMiB),
				],
				[
					'',
					'same reply off the socket + base64 decode',
					times.rawMs.toFixed(0),
					...peak(raw.addedMiB),
				],
				['', 'upload (workflow + node)', times.uploadMs.toFixed(0), ...peak(upload.addedMiB)],
			);
			ratios.push(`${MODES[mode]} ${(times.nodeMs / times.rawMs).toFixed(2)}`);
		}
		console.log(
			`\nParcels: one ${size.toFixed(1)} MiB X12 file, SOAP 1.1, simulator on loopback in another process\n`,
		);
		console.log(formatTable(rows));
		console.log(`download time node/raw: ${ratios.join(', ')} (target ≤ 2)`);
		console.log(
			'peak RSS added: the run’s own peak (VmHWM reset before it), in a process that has already run one small download and upload (target ≤ 4×)',
		);
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
			job: { type: 'string' },
			mib: { type: 'string', default: '10' },
		},
	});
	const run = values.child
		? child(values.child, JSON.parse(values.job ?? '{}') as Job)
		: benchParcels(Number(values.mib));
	run.catch((error: unknown) => {
		console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	});
}
