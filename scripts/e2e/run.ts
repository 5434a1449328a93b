/**
 * End-to-end proof that the packed package works inside a real n8n CLI.
 *
 *   npm run e2e [-- --n8n 2.41.1|2.8.4] [--route community|installer|custom] [--no-build] [--keep]
 *               [--only login|trigger|promise|receive|loop] [--repeat N]
 *
 * Steps: install the pinned CLI (cached), build + pack, install the tarball into a throwaway
 * n8n user folder, start the simulator, import a credential and the workflows, run them with
 * `n8n execute`, check the output; then the ECGridOS Trigger in `n8n start` (trigger-runs.ts) and
 * the trigger's promise under a crash and under faults (trigger-promise-runs.ts), the Receive
 * EDI example published with a good and a defective 850 (receive-edi-runs.ts), the three EDI
 * examples closing the loop with n8n's Data Tables (loop-runs.ts), and
 * the Login credential's session runs (login-runs.ts). `--only login|trigger|promise|receive|loop` runs only one of
 * those; `--repeat N` runs it all N times, each round in a fresh stack (to reproduce a rare failure). Progress goes to stderr; the last stdout line is one JSON
 * object (n8n version, Node version, date, pass, rounds passed). Exit code 1 on any failed check.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { hasFlag, n8nVersionArg, onlyArg, repeatArg, routeArg, type Only } from './args';
import { checkExitedZero, checkFault, checkGenerated, Checks, executionOf } from './checks';
import { runLoginScenario } from './login-runs';
import { runLoopScenario } from './loop-runs';
import { runQueueE2e } from './queue/run-queue';
import { runReceiveExample } from './receive-edi-runs';
import { runResourceWorkflow } from './resource-runs';
import { runTriggerPromiseScenarios } from './trigger-promise-runs';
import { runTriggerScenario } from './trigger-runs';
import { FIXTURES, repoRoot } from './paths';
import { installExitHandlers } from './proc';
import { startStack, type Stack } from './stack';
import type { InstallRoute, PreparedWorkflow } from './workflows';

export const EXAMPLE_WORKFLOW = join(repoRoot, 'examples', 'generate-api-keys.workflow.json');
export { FIXTURES };
/** The simulator's words (ErrorString / ErrorMessage) for a user outside the caller's scope. */
const REFUSED_TEXT = /access ?denied|outside the scope/i;
/** The fault workflow asks for user 2001 (network 2) as net.admin: both ErrorString and ErrorMessage must show. */
const FAULT_TEXTS = [/access ?denied/i, /UserID 2001 is outside the scope/];

function log(message: string): void {
	process.stderr.write(`[e2e] ${message}\n`);
}

async function executeGenerate(
	stack: Stack,
	workflow: PreparedWorkflow,
	checks: Checks,
): Promise<void> {
	stack.sim.simulator.resetRequests();
	log(`n8n execute --id=${workflow.id} (${workflow.json.name})`);
	const result = await stack.cli.execute(workflow.id);
	const output = `${result.stdout}\n${result.stderr}`;
	if (!checkExitedZero(checks, workflow.id, result)) return;
	const run = executionOf(checks, workflow.id, result);
	if (!run) return;
	checkGenerated(checks, workflow, run, stack.sim.view, REFUSED_TEXT, stack.secrets, output);
}

async function executeFault(
	stack: Stack,
	workflow: PreparedWorkflow,
	checks: Checks,
): Promise<void> {
	log(`n8n execute --id=${workflow.id} (${workflow.json.name})`);
	const result = await stack.cli.execute(workflow.id);
	checkFault(checks, workflow, result, FAULT_TEXTS, stack.secrets);
}

interface RoundOptions {
	version: string;
	route: InstallRoute;
	only: Only;
	build: boolean;
	keep: boolean;
}

/** The API-key workflows: a fault run, a generate run, and the example. */
async function runApiKeyWorkflows(stack: Stack, checks: Checks): Promise<void> {
	const fault = await stack.importWorkflow(
		join(FIXTURES, 'access-denied.workflow.json'),
		'ecgridE2eFault',
	);
	const generate = await stack.importWorkflow(
		join(FIXTURES, 'generate-keys.workflow.json'),
		'ecgridE2eGenerate',
	);
	const hasExample = checks.check(
		'examples/generate-api-keys.workflow.json exists',
		existsSync(EXAMPLE_WORKFLOW),
	);
	const example = hasExample
		? await stack.importWorkflow(EXAMPLE_WORKFLOW, 'ecgridE2eExample')
		: undefined;

	// The fault run first: it changes nothing on the server, while a generate run may
	// replace the caller's own key and so lock the credential out.
	await executeFault(stack, fault, checks);
	await executeGenerate(stack, generate, checks);
	if (example) await executeGenerate(stack, example, checks);
}

/** One round in a fresh stack (user folder, n8n database, simulator); returns the stack's facts. */
async function runRound(
	options: RoundOptions,
	checks: Checks,
): Promise<{ node: string; workflows: string[]; promise?: Record<string, unknown> }> {
	let stack: Stack | undefined;
	let promise: Record<string, unknown> | undefined;
	try {
		stack = await startStack({ ...options, log });
		if (options.only === 'all') {
			await runApiKeyWorkflows(stack, checks);
			await runResourceWorkflow(stack, checks, log);
		}
		if (options.only === 'all' || options.only === 'trigger')
			await runTriggerScenario(stack, checks, log);
		if (options.only === 'all' || options.only === 'promise')
			promise = await runTriggerPromiseScenarios(stack, checks, log);
		if (options.only === 'all' || options.only === 'receive')
			await runReceiveExample(stack, checks, log);
		if (options.only === 'all' || options.only === 'loop')
			await runLoopScenario(stack, checks, log);
		// Last: the Login credential's session lifecycle (stored, reused, refreshed, refused).
		if (options.only === 'all' || options.only === 'login')
			await runLoginScenario(stack, checks, log);
	} catch (error) {
		checks.check('e2e run completed', false, (error as Error).message);
	} finally {
		await stack?.stop();
	}
	return {
		node: stack?.install.runtime.version ?? '',
		workflows: stack?.imported ?? [],
		promise,
	};
}

async function main(): Promise<number> {
	installExitHandlers();
	if (hasFlag('--queue')) return await runQueueE2e();
	const checks = new Checks();
	const rounds = repeatArg();
	const summary = {
		e2e: 'n8n-nodes-ecgridos',
		n8n: n8nVersionArg(),
		node: '',
		route: routeArg(),
		only: onlyArg(),
		date: new Date().toISOString(),
		workflows: [] as string[],
		promise: {} as Record<string, unknown>,
		pass: false,
		checks: 0,
		failed: [] as string[],
		rounds,
		roundsPassed: 0,
	};
	for (let round = 1; round <= rounds; round++) {
		if (rounds > 1) {
			checks.prefix = `[round ${round}/${rounds}] `;
			log(`round ${round} of ${rounds}`);
		}
		const failedBefore = checks.failed.length;
		const facts = await runRound(
			{
				version: summary.n8n,
				route: summary.route,
				only: summary.only,
				// One build serves every round; each round packs and installs it afresh.
				build: round === 1 && !hasFlag('--no-build'),
				keep: hasFlag('--keep'),
			},
			checks,
		);
		summary.node = facts.node;
		summary.workflows = facts.workflows;
		if (facts.promise) summary.promise = facts.promise;
		if (checks.failed.length === failedBefore) summary.roundsPassed++;
	}
	summary.checks = checks.results.length;
	summary.failed = checks.failed.map((result) => result.name);
	summary.pass = checks.failed.length === 0 && checks.results.length > 0;
	// Again at the end, so a failure (how n8n ended, what it printed last) is not lost in the log.
	for (const failure of checks.failed) log(`FAIL ${failure.name}: ${failure.detail ?? ''}`);
	log(`${checks.results.length - checks.failed.length} passed, ${checks.failed.length} failed`);
	if (rounds > 1) log(`${summary.roundsPassed} of ${rounds} rounds passed`);
	process.stdout.write(`${JSON.stringify(summary)}\n`);
	return summary.pass ? 0 : 1;
}

if (require.main === module) {
	main().then(
		(code) => process.exit(code),
		(error: Error) => {
			process.stderr.write(`${error.stack ?? error.message}\n`);
			process.exit(1);
		},
	);
}
