/** The assertions of the e2e run: each one is recorded, so the report lists every mismatch. */
import {
	mainOutput,
	parseExecution,
	taskOf,
	type ExecutionRun,
	type OutputItem,
} from './execution';
import { endDetail, type RunResult } from './proc';
import { parentsOf, type PreparedWorkflow } from './workflows';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A value that must never show up in n8n's output, and how the checks name it. */
export interface Secret {
	name: string;
	value: string;
}

export interface CheckResult {
	name: string;
	ok: boolean;
	detail?: string;
}

export class Checks {
	readonly results: CheckResult[] = [];
	/** Put before every check's name (the round of a repeated run, e.g. "[round 3/20] "). */
	prefix = '';

	check(checkName: string, ok: boolean, detail?: string): boolean {
		const name = `${this.prefix}${checkName}`;
		this.results.push({ name, ok, ...(ok || detail === undefined ? {} : { detail }) });
		process.stderr.write(
			`[e2e] ${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}\n`,
		);
		return ok;
	}

	get failed(): CheckResult[] {
		return this.results.filter((result) => !result.ok);
	}
}

/** `n8n execute` ended by itself with exit 0; otherwise the check says how it ended and what it printed last. */
export function checkExitedZero(checks: Checks, label: string, result: RunResult): boolean {
	return checks.check(`${label}: n8n execute exits 0`, result.code === 0, endDetail(result));
}

/** The run n8n printed; a failed check (with how n8n ended) when there is none. */
export function executionOf(
	checks: Checks,
	label: string,
	result: RunResult,
): ExecutionRun | undefined {
	try {
		return parseExecution(result.stdout);
	} catch {
		checks.check(`${label}: n8n execute printed the execution`, false, endDetail(result));
		return undefined;
	}
}

/** What a GenerateAPIKey call for a user should come to, as the server sees it. */
export type ExpectedOutcome = 'generated' | 'refused';

/** What the simulator knows, as the checks need it (keeps this file free of simulator types). */
export interface ServerView {
	currentKeyOf(userId: number): string | undefined;
	expectedOutcome(userId: number): ExpectedOutcome;
	generateCalls(): number;
}

/** The user ID an input item asks for: the one number in its JSON (fixtures are built so). */
function requestedUserId(item: OutputItem | undefined): number | undefined {
	const numbers = Object.values(item?.json ?? {}).filter((value) => typeof value === 'number');
	return numbers.length === 1 ? (numbers[0] as number) : undefined;
}

function pairedIndexOf(item: OutputItem): number | undefined {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	return typeof paired === 'number' ? paired : paired?.item;
}

/**
 * One output item per input item, in order: a generated key (the one the server now holds for
 * that user) where the caller may act on the user, an error item with ECGridOS's words where
 * the node continues on failure and the server refused.
 */
export function checkGenerated(
	checks: Checks,
	workflow: PreparedWorkflow,
	run: ExecutionRun,
	server: ServerView,
	refusedText: RegExp,
	secrets: Secret[],
	cliOutput: string,
): void {
	checks.check(
		`${workflow.id}: no workflow error`,
		!run.data.resultData.error,
		run.data.resultData.error?.message,
	);
	let calls = 0;
	for (const nodeName of workflow.ecGridNodes) {
		const items = mainOutput(taskOf(run, nodeName));
		const inputs = parentsOf(workflow.json, nodeName).flatMap((parent) =>
			mainOutput(taskOf(run, parent)),
		);
		calls += inputs.length;
		const label = `${workflow.id}: "${nodeName}"`;
		checks.check(
			`${label} returned one item per input item`,
			items.length === inputs.length && inputs.length > 0,
			`${items.length} out for ${inputs.length} in`,
		);
		items.forEach((item, index) => {
			const userId = requestedUserId(inputs[index]);
			const itemLabel = `${label} item ${index} (user ${String(userId)})`;
			checks.check(
				`${itemLabel} is paired with input item ${index}`,
				pairedIndexOf(item) === index,
				JSON.stringify(item.pairedItem),
			);
			if (userId === undefined) {
				checks.check(
					`${itemLabel} input names one user ID`,
					false,
					JSON.stringify(inputs[index]?.json),
				);
				return;
			}
			if (server.expectedOutcome(userId) === 'generated') {
				const { apiKey } = item.json;
				checks.check(
					`${itemLabel} is exactly { userId, apiKey }`,
					Object.keys(item.json).sort().join() === 'apiKey,userId',
					JSON.stringify(Object.keys(item.json)),
				);
				checks.check(
					`${itemLabel} userId is the number asked for`,
					item.json.userId === userId,
					JSON.stringify(item.json.userId),
				);
				checks.check(
					`${itemLabel} apiKey is a GUID`,
					typeof apiKey === 'string' && GUID.test(apiKey),
				);
				checks.check(
					`${itemLabel} apiKey is the key the server now holds`,
					apiKey === server.currentKeyOf(userId),
				);
			} else {
				const text = JSON.stringify(item.json);
				checks.check(
					`${itemLabel} is an error item (node continues on fail)`,
					'error' in item.json && !('apiKey' in item.json),
					text,
				);
				checks.check(
					`${itemLabel} error shows the ECGridOS error text ${refusedText}`,
					refusedText.test(text),
					text,
				);
			}
		});
	}
	checks.check(
		`${workflow.id}: one GenerateAPIKey call reached the server per item`,
		server.generateCalls() === calls,
		`${server.generateCalls()} calls, ${calls} items`,
	);
	checkNoSecrets(checks, `${workflow.id} output`, cliOutput, secrets);
}

/**
 * The run failed at the ECGridOS node with ECGridOS's words, and without the key. A failed run
 * exits 1; a signal is not a failed run but a crash, and is reported as such.
 */
export function checkFault(
	checks: Checks,
	workflow: PreparedWorkflow,
	result: RunResult,
	expectedTexts: RegExp[],
	secrets: Secret[],
	label = 'fault run',
): void {
	checks.check(
		`${label}: n8n execute exits non-zero`,
		result.code !== 0 && result.code !== null,
		endDetail(result),
	);
	const cliOutput = `${result.stdout}\n${result.stderr}`;
	const run = executionOf(checks, label, result);
	if (!run) {
		checkNoSecrets(checks, `${label} output`, cliOutput, secrets);
		return;
	}
	const error = run.data.resultData.error;
	checks.check(`${label}: the execution carries an error`, error !== undefined);
	const nodeName = workflow.ecGridNodes[0];
	const task = taskOf(run, nodeName);
	checks.check(
		`${label}: "${nodeName}" itself failed`,
		task.error !== undefined,
		task.executionStatus,
	);
	const text = [task.error?.message, task.error?.description, error?.message, error?.description]
		.filter((part): part is string => typeof part === 'string')
		.join(' | ');
	for (const expected of expectedTexts) {
		checks.check(`${label}: error shows the text ${expected}`, expected.test(text), text);
	}
	process.stderr.write(`[e2e]      error as n8n reports it: ${text}\n`);
	checkNoSecrets(checks, `${label} output`, cliOutput, secrets);
}

export function checkNoSecrets(
	checks: Checks,
	where: string,
	text: string,
	secrets: Secret[],
): void {
	for (const secret of secrets) {
		checks.check(
			`${where} does not contain ${secret.name}`,
			!text.toLowerCase().includes(secret.value.toLowerCase()),
		);
	}
}
