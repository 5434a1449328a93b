/**
 * End-to-end proof that the packed package works inside a real n8n CLI.
 *
 *   npm run e2e [-- --n8n 2.41.1|2.8.4] [--route community|custom] [--no-build] [--keep]
 *
 * Steps: install the pinned CLI (cached), build + pack, install the tarball into a throwaway
 * n8n user folder, start the simulator, import a credential and the workflows, run them with
 * `n8n execute`, check the output; then the Login credential's session runs (login-runs.ts). Progress goes to stderr; the last stdout line is one JSON
 * object (n8n version, Node version, date, pass). Exit code 1 on any failed check.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { hasFlag, n8nVersionArg, routeArg } from './args';
import { checkFault, checkGenerated, Checks } from './checks';
import { parseExecution } from './execution';
import { runLoginScenario } from './login-runs';
import { tail } from './n8n-cli';
import { FIXTURES, repoRoot } from './paths';
import { installExitHandlers } from './proc';
import { startStack, type Stack } from './stack';
import type { PreparedWorkflow } from './workflows';

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
	const exitedOk = checks.check(
		`${workflow.id}: n8n execute exits 0`,
		result.code === 0,
		`exit ${result.code}\n${tail(output)}`,
	);
	if (!exitedOk) return;
	const run = parseExecution(result.stdout);
	checkGenerated(checks, workflow, run, stack.sim.view, REFUSED_TEXT, stack.secrets, output);
}

async function executeFault(
	stack: Stack,
	workflow: PreparedWorkflow,
	checks: Checks,
): Promise<void> {
	log(`n8n execute --id=${workflow.id} (${workflow.json.name})`);
	const result = await stack.cli.execute(workflow.id);
	const output = `${result.stdout}\n${result.stderr}`;
	const run = parseExecution(result.stdout);
	checkFault(checks, workflow, run, result.code, FAULT_TEXTS, stack.secrets, output);
}

async function main(): Promise<number> {
	installExitHandlers();
	const checks = new Checks();
	const summary = {
		e2e: 'n8n-nodes-ecgridos',
		n8n: n8nVersionArg(),
		node: '',
		route: routeArg(),
		date: new Date().toISOString(),
		workflows: [] as string[],
		pass: false,
		checks: 0,
		failed: [] as string[],
	};
	let stack: Stack | undefined;
	try {
		stack = await startStack({
			version: summary.n8n,
			route: summary.route,
			build: !hasFlag('--no-build'),
			keep: hasFlag('--keep'),
			log,
		});
		summary.node = stack.install.runtime.version;
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
		// Last: the Login credential's session lifecycle (stored, reused, refreshed, refused).
		await runLoginScenario(stack, checks, log);
	} catch (error) {
		checks.check('e2e run completed', false, (error as Error).message);
	} finally {
		summary.workflows = stack?.imported ?? [];
		await stack?.stop();
	}
	summary.checks = checks.results.length;
	summary.failed = checks.failed.map((result) => result.name);
	summary.pass = checks.failed.length === 0 && checks.results.length > 0;
	log(`${checks.results.length - checks.failed.length} passed, ${checks.failed.length} failed`);
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
