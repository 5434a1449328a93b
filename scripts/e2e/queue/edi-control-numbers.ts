/**
 * Create Acknowledgment's default control number (`{{ $execution.id }}`) in queue mode (issue 18,
 * item 4): many webhook calls at once, each run on one of the workers acknowledging an invoice and
 * uploading the 997 with the ECGridOS node. Checks: every run answered with its upload, each 997
 * carries one number in ISA13, GS06 and IEA02, no number twice, and the numbers are exactly the
 * IDs PostgreSQL gave those executions, which ran on both workers. The acknowledged partners have
 * no route in the simulator, so the 997s stay in the OutBox and never reach the InBox that the
 * trigger scenario polls.
 */
import type { Simulator } from '../../../simulator';
import type { Checks } from '../checks';
import { controlNumbersOf } from '../edi-control-numbers';
import type { N8nProcess } from './processes';
import type { Postgres } from './services';

export const EDI_ACK_WORKFLOW_ID = 'queueEdiAck0000001';
export const EDI_ACK_PATH = 'ecgrid-queue-edi-ack';
const RUNS = 40;

type Log = (message: string) => void;

interface Deployment {
	sim: Simulator;
	pg: Postgres;
	main: N8nProcess;
	workers: N8nProcess[];
}

async function acknowledgeOnce(main: N8nProcess): Promise<{ parcelId?: number; error?: string }> {
	const response = await fetch(`http://127.0.0.1:${main.port}/webhook/${EDI_ACK_PATH}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}',
		signal: AbortSignal.timeout(240_000),
	});
	const text = await response.text();
	let parcelId: unknown;
	try {
		parcelId = (JSON.parse(text) as { parcelId?: unknown }).parcelId;
	} catch {
		// Not JSON: reported below with the text.
	}
	return response.status === 200 && typeof parcelId === 'number'
		? { parcelId }
		: { error: `HTTP ${response.status}: ${text.slice(0, 300)}` };
}

export async function runEdiControlNumberScenario(
	checks: Checks,
	{ sim, pg, main, workers }: Deployment,
	log: Log,
): Promise<{ runs: number; seconds: number; executionsPerWorker: number[] }> {
	const marks = workers.map((worker) => worker.startedExecutions().length);
	const started = Date.now();
	const results = await Promise.all(Array.from({ length: RUNS }, () => acknowledgeOnce(main)));
	const seconds = (Date.now() - started) / 1000;
	const failed = results.filter((result) => result.error !== undefined);
	checks.check(
		`edi: ${RUNS} webhook runs at once each acknowledged and uploaded a 997`,
		failed.length === 0,
		failed
			.slice(0, 3)
			.map((result) => result.error)
			.join(' | '),
	);
	const numbers = results.flatMap((result) =>
		result.parcelId === undefined
			? []
			: [controlNumbersOf(sim.parcelContent(result.parcelId)?.toString('utf8') ?? '')],
	);
	const mismatched = numbers.filter(
		([isa13, gs06, iea02]) => !(isa13 > 0 && isa13 === gs06 && isa13 === iea02),
	);
	checks.check(
		'edi: each 997 carries one control number in ISA13, GS06 and IEA02',
		numbers.length === RUNS && mismatched.length === 0,
		JSON.stringify(mismatched.slice(0, 3)),
	);
	const controlNumbers = numbers.map(([isa13]) => isa13).sort((a, b) => a - b);
	checks.check(
		`edi: ${RUNS} acknowledgments, ${new Set(controlNumbers).size} different control numbers`,
		new Set(controlNumbers).size === RUNS,
		controlNumbers.join(' '),
	);
	const stored = await pg.query(
		`select id from execution_entity where "workflowId" = '${EDI_ACK_WORKFLOW_ID}' and status = 'success' order by id`,
	);
	const executionIds = stored.trim().split('\n').filter(Boolean).map(Number);
	checks.check(
		`edi: the control numbers are the IDs PostgreSQL gave the ${RUNS} executions`,
		JSON.stringify(executionIds) === JSON.stringify(controlNumbers),
		`executions ${executionIds.join(' ')}`,
	);
	const perWorker = workers.map(
		(worker, index) => worker.startedExecutions().length - marks[index],
	);
	checks.check(
		`edi: the ${RUNS} runs went to both workers (${perWorker.join(' + ')})`,
		perWorker.reduce((a, b) => a + b, 0) === RUNS && perWorker.every((count) => count > 0),
	);
	log(
		`edi: ${RUNS} acknowledgments in ${seconds.toFixed(1)} s, control numbers ${controlNumbers[0]}–${controlNumbers[controlNumbers.length - 1]}, executions per worker ${perWorker.join(' / ')}`,
	);
	return { runs: RUNS, seconds, executionsPerWorker: perWorker };
}
