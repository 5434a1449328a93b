/**
 * Control numbers across n8n processes that share one database (issue 18, item 4; issue 19):
 *
 *   npm run e2e:edi [-- --runs 6] [--no-build] [--keep] [--n8n X]
 *
 * Starts `--runs` `n8n execute` processes at once on one n8n user folder (one database), in two
 * waves (each process is a fresh start of n8n, so the second wave also stands for restarts), for
 * each of two workflows: ECGrid EDI → Create Acknowledgment, and ECGrid EDI Read → Write (the
 * sets read written into a new interchange), each with its default control number
 * (`{{ $execution.id }}`), the file uploaded to the simulator with the ECGridOS node. Checks:
 * every run succeeds, each uploaded file carries its number in ISA13, GS06 and IEA02, and no two
 * files of one workflow share a number.
 * Progress on stderr; the last stdout line is one JSON object; exit code 1 on any failed check.
 * Queue mode (main + workers, Redis, PostgreSQL) is proven by `npm run e2e -- --queue`
 * (queue/edi-control-numbers.ts).
 */
import { join } from 'node:path';

import { hasFlag, n8nVersionArg } from './args';
import { checkExitedZero, Checks, executionOf } from './checks';
import { FIXTURES } from './paths';
import { installExitHandlers, type RunResult } from './proc';
import { startStack, type Stack } from './stack';

const WAVES = 2;

function log(message: string): void {
	process.stderr.write(`[e2e] ${message}\n`);
}

function runsArg(argv: string[] = process.argv.slice(2)): number {
	const index = argv.indexOf('--runs');
	const runs = index < 0 ? 6 : Number(argv[index + 1]);
	if (!Number.isInteger(runs) || runs < 2) {
		throw new Error('--runs must be a whole number of at least 2');
	}
	return runs;
}

/** ISA13, GS06 and IEA02 of an X12 file, as numbers. */
export function controlNumbersOf(text: string): number[] {
	const segments = text.split('~');
	const field = (tag: string, index: number) =>
		Number(segments.find((segment) => segment.startsWith(`${tag}*`))?.split('*')[index]);
	return [field('ISA', 13), field('GS', 6), field('IEA', 2)];
}

/** A workflow that makes an X12 file with its default control number and uploads it. */
type FileMaker = {
	fixture: string;
	id: string;
	/** What the file is, for the check lines. */
	file: string;
	/** The node that makes the file, and the number its output item reports. */
	maker: string;
	controlNumber: (json: Record<string, unknown>) => number;
	upload: string;
};

const MAKERS: FileMaker[] = [
	{
		fixture: 'edi-acknowledge.workflow.json',
		id: 'ecgridE2eEdiAck',
		file: '997',
		maker: 'Create Acknowledgment',
		controlNumber: (json) => json.controlNumber as number,
		upload: 'Upload Acknowledgment',
	},
	{
		fixture: 'edi-write.workflow.json',
		id: 'ecgridE2eEdiWrite',
		file: 'interchange',
		maker: 'Write Invoices',
		controlNumber: (json) => Number(json.interchangeControlNumber),
		upload: 'Upload Invoices',
	},
];

async function makeAtOnce(
	stack: Stack,
	checks: Checks,
	runs: number,
	maker: FileMaker,
): Promise<void> {
	const workflow = await stack.importWorkflow(join(FIXTURES, maker.fixture), maker.id);
	const seen = new Map<number, string>();
	for (let wave = 1; wave <= WAVES; wave++) {
		log(
			`${maker.maker}, wave ${wave}: ${runs} × n8n execute --id=${workflow.id} at once, one database`,
		);
		const results = await Promise.all(
			Array.from({ length: runs }, () => stack.cli.execute(workflow.id)),
		);
		for (const [index, result] of results.entries()) {
			if (!lockedOut(result)) continue;
			// n8n could not write its own SQLite database under the load of the others (n8n sets no
			// busy timeout): an operator runs it again. The numbers it made are still checked.
			log(`${maker.maker}, wave ${wave} run ${index + 1}: SQLITE_BUSY, run again`);
			results[index] = await stack.cli.execute(workflow.id);
		}
		results.forEach((result, index) =>
			checkRun(stack, checks, result, `${maker.maker}, wave ${wave} run ${index + 1}`, seen, maker),
		);
	}
	checks.check(
		`${maker.maker}: ${WAVES * runs} runs gave ${WAVES * runs} different control numbers`,
		seen.size === WAVES * runs,
		String(seen.size),
	);
}

/** A run that failed only because n8n found its SQLite database locked by another process. */
function lockedOut(result: RunResult): boolean {
	return result.code !== 0 && `${result.stdout}${result.stderr}`.includes('SQLITE_BUSY');
}

function checkRun(
	stack: Stack,
	checks: Checks,
	result: RunResult,
	label: string,
	seen: Map<number, string>,
	maker: FileMaker,
): void {
	if (!checkExitedZero(checks, label, result)) return;
	const runData = executionOf(checks, label, result)?.data.resultData.runData;
	const [made] = runData?.[maker.maker]?.[0]?.data?.main?.[0] ?? [];
	const [upload] = runData?.[maker.upload]?.[0]?.data?.main?.[0] ?? [];
	const controlNumber = made && maker.controlNumber(made.json);
	const parcelId = upload?.json.parcelId as number | undefined;
	if (controlNumber === undefined || parcelId === undefined) {
		checks.check(`${label}: made and uploaded`, false);
		return;
	}
	const sent = stack.sim.simulator.parcelContent(parcelId)?.toString('utf8') ?? '';
	const numbers = controlNumbersOf(sent);
	checks.check(
		`${label}: the uploaded ${maker.file} carries control number ${controlNumber} in ISA13, GS06 and IEA02`,
		numbers.every((number) => number === controlNumber),
		JSON.stringify(numbers),
	);
	const earlier = seen.get(controlNumber);
	checks.check(
		`${label}: control number ${controlNumber} is no other run's`,
		earlier === undefined,
		`also ${earlier}`,
	);
	seen.set(controlNumber, label);
}

async function main(): Promise<void> {
	installExitHandlers();
	const checks = new Checks();
	const version = n8nVersionArg();
	let stack: Stack | undefined;
	try {
		stack = await startStack({
			version,
			route: 'community',
			build: !hasFlag('--no-build'),
			keep: hasFlag('--keep'),
			log,
		});
		for (const maker of MAKERS) await makeAtOnce(stack, checks, runsArg(), maker);
	} catch (error) {
		checks.check('e2e run completed', false, (error as Error).message);
	} finally {
		await stack?.stop();
	}
	const pass = checks.failed.length === 0;
	console.log(
		JSON.stringify({
			n8n: version,
			node: stack?.install.runtime.version ?? '',
			date: new Date().toISOString(),
			pass,
			checks: checks.results.length,
			failed: checks.failed,
		}),
	);
	process.exitCode = pass ? 0 : 1;
}

// Imported by the queue e2e for `controlNumbersOf`: run only when started as the script.
if (require.main === module) void main();
