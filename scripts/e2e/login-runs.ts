/**
 * The Login credential (`ecGridOsLoginApi`) in the real n8n CLI. Each `n8n execute` is a new
 * process, so a session that survives from one run to the next can only have come from n8n's
 * database. The workflow turns on Replace This Credential's Own Key, so its only calls are the
 * GenerateAPIKey ones these checks count (otherwise one WhoAmI per run would come first). The
 * runs, in order:
 *   1. no session stored: n8n runs the credential's preAuthentication (one Login), keys for 3 users;
 *   2. the stored session is reused: no Login at all;
 *   3. the session is ended on the server: the node meets a SessionTimeout fault, makes n8n open a
 *      new session (one more Login) and all 3 items still succeed;
 *   4. a wrong password: the run fails with "refused the login" after exactly one Login attempt;
 *   5. the same with "continue on fail": 3 error items, still one Login attempt (the node must
 *      not try the password once per item: ECGridOS may lock the user out).
 */
import { join } from 'node:path';

import { DEMO_USERS } from '../../simulator';
import {
	checkExitedZero,
	checkFault,
	checkGenerated,
	checkNoSecrets,
	executionOf,
	type Checks,
	type ServerView,
} from './checks';
import { mainOutput, taskOf } from './execution';
import { FIXTURES } from './paths';
import type { Stack } from './stack';
import { LOGIN_CREDENTIAL_TYPE, type CredentialRef, type PreparedWorkflow } from './workflows';

const LOGIN_WORKFLOW = join(FIXTURES, 'login-generate-keys.workflow.json');
const CONTINUE_WORKFLOW = join(FIXTURES, 'login-continue-on-fail.workflow.json');
/** net.admin (NetworkAdmin of network 1), as in stack.ts: may generate keys for 1002–1004. */
const CALLER_USER_ID = 1001;
const GOOD_LOGIN: CredentialRef = {
	id: 'ecgridE2eLogin001',
	name: 'ECGridOS e2e Login (net.admin)',
};
const WRONG_LOGIN: CredentialRef = {
	id: 'ecgridE2eLogin002',
	name: 'ECGridOS e2e Login (wrong password)',
};
const WRONG_PASSWORD = 'e2e-wrong-password-for-net-admin';
/** The node's words when Login itself is refused (LoginFailedError). */
const LOGIN_REFUSED = /refused the login/;
/** Runs 1–3 ask only for users net.admin may act on; anything refused is a failure. */
const NOTHING_REFUSED = /(?!)/;

type Log = (message: string) => void;

interface LoginWorkflows {
	good: PreparedWorkflow;
	wrong: PreparedWorkflow;
	wrongContinuing: PreparedWorkflow;
}

interface RunCounts {
	/** Login requests the simulator received during this run. */
	logins: number;
	/** The request bodies of this run's GenerateAPIKey calls (they carry the SessionID). */
	generateBodies: string[];
}

/** The same workflow under another id, used only to name the checks of each run apart. */
function labelled(workflow: PreparedWorkflow, label: string): PreparedWorkflow {
	return { ...workflow, id: `${workflow.id} ${label}` };
}

function generateBodies(stack: Stack): string[] {
	return stack.sim.simulator.requests
		.filter((request) => request.operation === 'GenerateAPIKey')
		.map((request) => request.body.toLowerCase());
}

function carrying(bodies: string[], sessionId: string | undefined): string[] {
	return sessionId === undefined ? [] : bodies.filter((body) => body.includes(sessionId));
}

function allCarry(bodies: string[], sessionId: string | undefined): boolean {
	return bodies.length > 0 && carrying(bodies, sessionId).length === bodies.length;
}

/** The server view for a run in which calls carrying `endedSession` were refused and retried. */
function viewIgnoring(stack: Stack, endedSession: string | undefined): ServerView {
	return {
		...stack.sim.view,
		generateCalls: () => {
			const bodies = generateBodies(stack);
			return bodies.length - carrying(bodies, endedSession).length;
		},
	};
}

function secretsNow(stack: Stack) {
	return [...stack.secrets, ...stack.sim.sessionSecrets()];
}

async function importLoginFixtures(stack: Stack): Promise<LoginWorkflows> {
	const caller = DEMO_USERS.find((user) => user.userId === CALLER_USER_ID);
	if (!caller) throw new Error(`simulator has no demo user ${CALLER_USER_ID}`);
	const baseUrl = stack.sim.simulator.url;
	await stack.importCredential(
		GOOD_LOGIN,
		LOGIN_CREDENTIAL_TYPE,
		{ loginName: caller.loginName, password: caller.password, baseUrl },
		[{ name: `the password of ${caller.loginName}`, value: caller.password }],
	);
	await stack.importCredential(
		WRONG_LOGIN,
		LOGIN_CREDENTIAL_TYPE,
		{ loginName: caller.loginName, password: WRONG_PASSWORD, baseUrl },
		[{ name: 'the wrong password', value: WRONG_PASSWORD }],
	);
	const login = (credential: CredentialRef) => ({ login: credential });
	return {
		good: await stack.importWorkflow(LOGIN_WORKFLOW, 'ecgridE2eLogin', login(GOOD_LOGIN)),
		wrong: await stack.importWorkflow(LOGIN_WORKFLOW, 'ecgridE2eLoginWrong', login(WRONG_LOGIN)),
		wrongContinuing: await stack.importWorkflow(
			CONTINUE_WORKFLOW,
			'ecgridE2eLoginCof',
			login(WRONG_LOGIN),
		),
	};
}

/** One `n8n execute` of a workflow that should give a key for every item. */
async function executeLoginGenerate(
	stack: Stack,
	workflow: PreparedWorkflow,
	label: string,
	checks: Checks,
	log: Log,
	endedSession?: string,
): Promise<RunCounts> {
	stack.sim.simulator.resetRequests();
	log(`n8n execute --id=${workflow.id} ${label}`);
	const result = await stack.cli.execute(workflow.id);
	const output = `${result.stdout}\n${result.stderr}`;
	const counts = { logins: stack.sim.loginCalls(), generateBodies: generateBodies(stack) };
	const named = labelled(workflow, label);
	if (!checkExitedZero(checks, named.id, result)) return counts;
	const run = executionOf(checks, named.id, result);
	if (!run) return counts;
	const view = viewIgnoring(stack, endedSession);
	checkGenerated(checks, named, run, view, NOTHING_REFUSED, secretsNow(stack), output);
	return counts;
}

/** Runs 1–3: a session opened once, stored by n8n, reused, and refreshed after the server ends it. */
async function runSessionLifecycle(
	stack: Stack,
	workflow: PreparedWorkflow,
	checks: Checks,
	log: Log,
): Promise<void> {
	const { simulator, sessionsIssued } = stack.sim;
	const openSessions = () => simulator.world.sessionCount(CALLER_USER_ID);
	const run = async (label: string, endedSession?: string) =>
		await executeLoginGenerate(stack, workflow, label, checks, log, endedSession);

	// 1. Nothing stored yet: one Login, and every call signed with the session it opened.
	const first = await run('(run 1, no session stored)');
	checks.check('login run 1: exactly 1 Login request', first.logins === 1, `${first.logins}`);
	checks.check(
		'login run 1: the simulator issued exactly 1 session',
		sessionsIssued.length === 1,
		`${sessionsIssued.length}`,
	);
	const firstSession = sessionsIssued[0];
	checks.check(
		'login run 1: every GenerateAPIKey call carried that session',
		allCarry(first.generateBodies, firstSession),
	);
	checks.check(
		'login run 1: net.admin has 1 open session',
		openSessions() === 1,
		`${openSessions()}`,
	);

	// 2. A new n8n process: the session can only come from n8n's database.
	const second = await run('(run 2, stored session)');
	const afterSecond = first.logins + second.logins;
	checks.check(
		'login run 2: no Login request (still exactly 1 in total)',
		second.logins === 0 && afterSecond === 1,
		`${second.logins} this run, ${afterSecond} in total`,
	);
	checks.check(
		'login run 2: every GenerateAPIKey call reused the session stored by run 1',
		allCarry(second.generateBodies, firstSession),
	);

	// 3. The server forgets the session; n8n still has it stored.
	if (firstSession) simulator.world.logout(firstSession);
	checks.check(
		'login run 3: session ended on the server before the run',
		openSessions() === 0,
		`${openSessions()} open`,
	);
	const third = await run('(run 3, session ended on server)', firstSession);
	const afterThird = afterSecond + third.logins;
	checks.check(
		'login run 3: exactly 1 more Login request (2 in total)',
		third.logins === 1 && afterThird === 2,
		`${third.logins} this run, ${afterThird} in total`,
	);
	const stale = carrying(third.generateBodies, firstSession);
	checks.check(
		'login run 3: exactly 1 GenerateAPIKey call met the ended session (SessionTimeout)',
		stale.length === 1,
		`${stale.length}`,
	);
	const secondSession = sessionsIssued[1];
	const fresh = third.generateBodies.filter((body) => !stale.includes(body));
	checks.check(
		'login run 3: every other GenerateAPIKey call carried the new session',
		secondSession !== undefined && secondSession !== firstSession && allCarry(fresh, secondSession),
	);
	checks.check(
		'login run 3: net.admin has 1 open session',
		openSessions() === 1,
		`${openSessions()}`,
	);
}

/** What a wrong-password run must not do: try Login more than once, or reach GenerateAPIKey. */
function checkSingleAttempt(stack: Stack, checks: Checks, label: string): void {
	const attempts = stack.sim.loginCalls();
	checks.check(`${label}: exactly 1 Login attempt`, attempts === 1, `${attempts}`);
	const generateCalls = generateBodies(stack).length;
	checks.check(`${label}: no GenerateAPIKey call`, generateCalls === 0, `${generateCalls}`);
}

/** Run 4: the node stops at the first item. */
async function runWrongPassword(
	stack: Stack,
	workflow: PreparedWorkflow,
	checks: Checks,
	log: Log,
): Promise<void> {
	const label = 'login run 4 (wrong password)';
	stack.sim.simulator.resetRequests();
	log(`n8n execute --id=${workflow.id} ${label}`);
	const result = await stack.cli.execute(workflow.id);
	checkFault(checks, workflow, result, [LOGIN_REFUSED], secretsNow(stack), label);
	checkSingleAttempt(stack, checks, label);
}

/** Run 5: the node goes on after each failed item, so only its own memory stops more Logins. */
async function runWrongPasswordContinuing(
	stack: Stack,
	workflow: PreparedWorkflow,
	checks: Checks,
	log: Log,
): Promise<void> {
	const label = 'login run 5 (wrong password, continue on fail)';
	stack.sim.simulator.resetRequests();
	log(`n8n execute --id=${workflow.id} ${label}`);
	const result = await stack.cli.execute(workflow.id);
	const output = `${result.stdout}\n${result.stderr}`;
	const run = checkExitedZero(checks, label, result)
		? executionOf(checks, label, result)
		: undefined;
	if (run) {
		const items = mainOutput(taskOf(run, workflow.ecGridNodes[0]));
		checks.check(`${label}: 3 items out`, items.length === 3, `${items.length}`);
		items.forEach((item, index) => {
			const text = JSON.stringify(item.json);
			checks.check(
				`${label}: item ${index} is an error item with the text ${LOGIN_REFUSED}`,
				'error' in item.json && !('apiKey' in item.json) && LOGIN_REFUSED.test(text),
				text,
			);
		});
	}
	checkSingleAttempt(stack, checks, label);
	checkNoSecrets(checks, `${label} output`, output, secretsNow(stack));
}

/** Imports the two Login credentials and the workflows using them, then runs 1–5 above. */
export async function runLoginScenario(stack: Stack, checks: Checks, log: Log): Promise<void> {
	const workflows = await importLoginFixtures(stack);
	await runSessionLifecycle(stack, workflows.good, checks, log);
	await runWrongPassword(stack, workflows.wrong, checks, log);
	await runWrongPasswordContinuing(stack, workflows.wrongContinuing, checks, log);
}
