/**
 * `npm run e2e -- --queue`: the package in n8n's queue mode. Redis, a throwaway PostgreSQL
 * cluster, one `n8n start` (main) and two `n8n worker --concurrency=5`, the packed tarball
 * installed into their shared user folder; credentials and workflows imported and published
 * before n8n starts. Checks: throughput across workers (API key), Login storms (Login credential,
 * cold and after the session ended), the ECGridOS Trigger on main with runs on the workers (and a
 * worker restarted mid-way), Create Acknowledgment's control numbers from many runs at once
 * (edi-control-numbers.ts), no secrets in any log or stored execution. `--only promise` or
 * `--only edi` runs one of those scenarios. Progress on stderr; the
 * last stdout line is one JSON object with the figures.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEMO_USERS, startSimulator, type Simulator } from '../../../simulator';
import { login } from '../../../simulator/operations/session';
import { REUSE_FRESH_SESSION_MS } from '../../../nodes/EcGridOs/transport/loginCoalescer';
import { hasFlag, onlyArg } from '../args';
import { checkNoSecrets, Checks, type Secret } from '../checks';
import { ensureN8n } from '../install';
import { installPackage } from '../install-package';
import { N8nCli } from '../n8n-cli';
import { buildPackage, packPackage } from '../pack';
import { onSignalCleanup, stopAll } from '../proc';
import { startErp, type Erp } from '../promise/erp';
import { trackConfirms } from '../promise/scenario';
import { DEFAULT_N8N } from '../versions';
import {
	EDI_ACK_PATH,
	EDI_ACK_WORKFLOW_ID,
	runEdiControlNumberScenario,
} from './edi-control-numbers';
import { PROMISE_RUNS, runQueuePromiseScenarios, writePromiseWorkflows } from './promise-runs';
import { startMain, startWorker, type N8nProcess } from './processes';
import {
	ensureDebianPackages,
	startPostgres,
	startRedis,
	type Postgres,
	type Service,
} from './services';

const FIXTURES = join(__dirname, 'fixtures');
const CALLER = DEMO_USERS.find((user) => user.loginName === 'net.admin')!;
const RUNS = 40;
const USERS_PER_RUN = 25;
const FIRST_USER_ID = 50_001;
const PARCELS = 50;
const WORKERS = 2;
const CONCURRENCY = 5;
const WORKFLOW_IDS = [
	'queueKeysApiKey01',
	'queueKeysLogin001',
	'queueReceiveEdi01',
	EDI_ACK_WORKFLOW_ID,
];

function log(message: string): void {
	process.stderr.write(`[e2e:queue] ${message}\n`);
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface Deployment {
	sim: Simulator;
	sessionsIssued: string[];
	pg: Postgres;
	main: N8nProcess;
	workers: N8nProcess[];
	secrets: Secret[];
}

/** 1,000 mailbox users of network 1, which net.admin (NetworkAdmin of network 1) may manage. */
function addUsers(sim: Simulator): number[] {
	const ids: number[] = [];
	for (let index = 0; index < RUNS * USERS_PER_RUN; index++) {
		const userId = FIRST_USER_ID + index;
		sim.world.addUser({
			userId,
			loginName: `queue.user${index}`,
			password: `queue-user-pass-${index}`,
			authLevel: 'MailboxUser',
			networkId: CALLER.networkId,
			mailboxId: CALLER.mailboxId,
			firstName: 'Queue',
			lastName: `User ${index}`,
			company: 'Queue Test',
			email: `queue.user${index}@example.test`,
			phone: '+1 555 0100',
		});
		ids.push(userId);
	}
	return ids;
}

function executionsSince(workers: N8nProcess[], marks: number[]): number[] {
	return workers.map((worker, index) => worker.startedExecutions().length - marks[index]);
}

/** 40 webhook calls at once, each with 25 user IDs; returns the keys per call. */
async function callKeysWebhook(main: N8nProcess, path: string, userIds: number[]) {
	const calls = Array.from({ length: RUNS }, async (_, run) => {
		const ids = userIds.slice(run * USERS_PER_RUN, (run + 1) * USERS_PER_RUN);
		const response = await fetch(`http://127.0.0.1:${main.port}/webhook/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ userIds: ids }),
			signal: AbortSignal.timeout(240_000),
		});
		const text = await response.text();
		let items: Array<{ apiKey?: unknown }> = [];
		try {
			const parsed = JSON.parse(text) as unknown;
			items = Array.isArray(parsed) ? parsed : [];
		} catch {
			// Not JSON: counted as a failed run below.
		}
		return { ids, status: response.status, items, text };
	});
	return await Promise.all(calls);
}

async function keysScenario(
	checks: Checks,
	deployment: Deployment,
	label: string,
	path: string,
	userIds: number[],
	endedSessions: string[] = [],
): Promise<{ perWorker: number[]; seconds: number; retried: number }> {
	const { sim, workers } = deployment;
	sim.resetRequests();
	const marks = workers.map((worker) => worker.startedExecutions().length);
	const started = Date.now();
	const results = await callKeysWebhook(deployment.main, path, userIds);
	const seconds = (Date.now() - started) / 1000;
	await sleep(500);
	const failed = results.filter(
		(result) => result.status !== 200 || result.items.length !== USERS_PER_RUN,
	);
	checks.check(
		`${label}: ${RUNS} webhook runs answered with ${USERS_PER_RUN} keys each (none failed, no lockout)`,
		failed.length === 0,
		failed
			.slice(0, 3)
			.map((result) => `HTTP ${result.status}: ${result.text.slice(0, 300)}`)
			.join(' | '),
	);
	const keys = results.flatMap((result) => result.items.map((item) => String(item.apiKey)));
	const mismatched = results.flatMap((result) =>
		result.items.filter((item, index) => item.apiKey !== sim.world.apiKeyOf(result.ids[index])),
	);
	checks.check(
		`${label}: ${keys.length} keys, each the one the simulator issued`,
		keys.length === RUNS * USERS_PER_RUN && mismatched.length === 0,
		`${mismatched.length} differ`,
	);
	checks.check(`${label}: no key twice`, new Set(keys).size === keys.length);
	const generates = sim.requests.filter((request) => request.operation === 'GenerateAPIKey');
	// Calls sent with the ended session met SessionTimeout and were each retried once.
	const retried = generates.filter((request) =>
		endedSessions.some((session) => request.body.includes(session)),
	).length;
	checks.check(
		`${label}: the simulator saw ${RUNS * USERS_PER_RUN} GenerateAPIKey calls + ${retried} retried after SessionTimeout`,
		generates.length === RUNS * USERS_PER_RUN + retried,
		`saw ${generates.length}`,
	);
	const perWorker = executionsSince(workers, marks);
	checks.check(
		`${label}: ${RUNS} executions ran on the workers, on both (${perWorker.join(' + ')})`,
		perWorker.reduce((a, b) => a + b, 0) === RUNS && perWorker.every((count) => count > 0),
	);
	log(
		`${label}: ${RUNS} runs in ${seconds.toFixed(1)} s, executions per worker ${perWorker.join(' / ')}`,
	);
	return { perWorker, seconds, retried };
}

async function loginScenario(
	checks: Checks,
	deployment: Deployment,
	label: string,
	userIds: number[],
	endedSessions: string[] = [],
): Promise<{ logins: number; retried: number; seconds: number }> {
	const { retried, seconds } = await keysScenario(
		checks,
		deployment,
		label,
		'ecgrid-queue-keys-login',
		userIds,
		endedSessions,
	);
	const logins = deployment.sim.requests.filter((request) => request.operation === 'Login').length;
	checks.check(
		`${label}: ${logins} Login(s), at most one per worker (${WORKERS})`,
		logins >= 1 && logins <= WORKERS,
	);
	return { logins, retried, seconds };
}

async function triggerScenario(checks: Checks, deployment: Deployment) {
	const { sim, workers } = deployment;
	const marks = workers.map((worker) => worker.startedExecutions().length);
	const started = Date.now();
	const parcelIds: number[] = [];
	for (let index = 0; index < PARCELS; index++) {
		const fileName = index === 7 ? `MARKED-${index}.edi` : `queue-${index}.edi`;
		const content = Buffer.from(`ISA*00*queue parcel ${index}*${'x'.repeat(200 + index)}~`);
		parcelIds.push(sim.dropParcel({ mailboxId: CALLER.mailboxId, fileName, content }).parcelId);
	}
	const marked = parcelIds[7];
	const others = parcelIds.filter((id) => id !== marked);
	const confirmed = () =>
		others.filter((id) => (sim.parcel(id)?.counters.confirms ?? 0) > 0).length;
	let restarted = false;
	const deadline = Date.now() + 180_000;
	while (Date.now() < deadline) {
		if (!restarted && confirmed() >= 15) {
			log(`trigger: ${confirmed()} parcels confirmed, restarting ${workers[1].name}`);
			const restartBegan = Date.now();
			await workers[1].restart();
			log(
				`trigger: ${workers[1].name} back after ${((Date.now() - restartBegan) / 1000).toFixed(1)} s`,
			);
			restarted = true;
		}
		const markedResets = sim.parcel(marked)?.counters.resets ?? 0;
		if (restarted && confirmed() === others.length && markedResets > 0) break;
		await sleep(1_000);
	}
	await sleep(3_000);
	const seconds = (Date.now() - started) / 1000;
	checks.check('trigger: a worker was restarted mid-way', restarted);
	// A run that was on the restarted worker may never report back to main: its parcel then stays
	// in the InBox under its lease until the lease runs out (at-least-once). Held is not lost;
	// lost is a parcel that left the InBox without being confirmed.
	const notConfirmed = others.filter((id) => (sim.parcel(id)?.counters.confirms ?? 0) === 0);
	const held = notConfirmed.filter((id) => sim.parcel(id)?.inInBox === true);
	const lost = notConfirmed.filter((id) => sim.parcel(id)?.inInBox !== true);
	log(
		`trigger: ${others.length - notConfirmed.length} confirmed, ${held.length} held under a lease`,
	);
	checks.check(
		`trigger: none of the ${others.length} good parcels lost (each confirmed, or still in the InBox under its lease)`,
		lost.length === 0 && held.length <= CONCURRENCY,
		`${lost.length} lost, ${held.length} held`,
	);
	const twice = others.filter((id) => (sim.parcel(id)?.counters.confirms ?? 0) > 1);
	checks.check(
		'trigger: each confirmed exactly once',
		twice.length === 0,
		`${twice.length} confirmed more than once`,
	);
	const duplicateDownloads = others.reduce(
		(sum, id) => sum + Math.max(0, (sim.parcel(id)?.counters.downloads ?? 0) - 1),
		0,
	);
	const notDownloaded = others.filter(
		(id) => !held.includes(id) && (sim.parcel(id)?.counters.downloads ?? 0) === 0,
	);
	checks.check('trigger: each confirmed parcel was downloaded', notDownloaded.length === 0);
	const markedView = sim.parcel(marked);
	checks.check(
		'trigger: the marked parcel failed its run(s) and stays in the InBox, unconfirmed',
		markedView?.inInBox === true &&
			markedView.counters.confirms === 0 &&
			markedView.counters.resets > 0,
		JSON.stringify(markedView?.counters),
	);
	const perWorker = executionsSince(workers, marks);
	const total = perWorker.reduce((a, b) => a + b, 0);
	checks.check(
		`trigger: the runs went to the workers (${perWorker.join(' + ')} = ${total} for ${PARCELS} parcels)`,
		total >= PARCELS,
	);
	const mainRuns = [...deployment.main.output().matchAll(/Worker started execution/g)].length;
	checks.check('trigger: main ran no execution itself', mainRuns === 0);
	const rows = await deployment.pg.query(
		`select status, count(*) from execution_entity where "workflowId" = 'queueReceiveEdi01' group by status order by status`,
	);
	log(`trigger: stored executions by status: ${rows.trim().replace(/\n/g, ', ')}`);
	const stored = await deployment.pg.query(
		`select count(*) from execution_data d join execution_entity e on e.id = d."executionId" where e."workflowId" = 'queueReceiveEdi01' and d.data like '%"mimeType"%' and d.data like '%database:%'`,
	);
	checks.check(
		`trigger: downloads stored as binary data in database mode (${stored.trim()} executions reference database:…)`,
		Number(stored.trim()) >= others.length - held.length,
	);
	const markedRuns = sim.parcel(marked)?.counters.downloads ?? 0;
	// Runs beyond one per good parcel and one per offer of the marked parcel.
	const duplicateRuns = total - others.length - markedRuns;
	log(
		`trigger: ${PARCELS} parcels in ${seconds.toFixed(1)} s, executions per worker ${perWorker.join(' / ')}, duplicate downloads ${duplicateDownloads}, duplicate runs ${duplicateRuns}, marked parcel downloaded ${markedRuns} times`,
	);
	return {
		perWorker,
		seconds,
		heldUnderLease: held.length,
		duplicateDownloads,
		duplicateRuns,
		markedRuns,
		executionsByStatus: rows.trim().split('\n'),
	};
}

async function noSecrets(checks: Checks, deployment: Deployment, services: Service[]) {
	const secrets = [
		...deployment.secrets,
		...deployment.sessionsIssued.map((value, index) => ({
			name: `Login session ${index + 1}`,
			value,
		})),
	];
	for (const process_ of [deployment.main, ...deployment.workers]) {
		checkNoSecrets(checks, `${process_.name} log`, process_.output(), secrets);
	}
	checkNoSecrets(
		checks,
		'redis/postgres logs',
		services.map((service) => service.output()).join('\n'),
		secrets,
	);
	const stored = await deployment.pg.query('select data from execution_data');
	checkNoSecrets(checks, `stored executions (${stored.length} chars)`, stored, secrets);
}

/**
 * Waits until main serves each POST webhook path. A GET runs nothing: n8n answers 404 either way,
 * "Did you mean to make a POST request?" once the path is registered.
 */
async function waitForWebhooks(main: N8nProcess, paths: string[], timeoutMs = 120_000) {
	const deadline = Date.now() + timeoutMs;
	const registered = async (path: string) => {
		const response = await fetch(`http://127.0.0.1:${main.port}/webhook/${path}`).catch(
			() => undefined,
		);
		return (await response?.text())?.includes('Did you mean') === true;
	};
	for (const path of paths) {
		while (!(await registered(path))) {
			if (Date.now() > deadline)
				throw new Error(`main did not register webhook ${path} within ${timeoutMs} ms`);
			await sleep(500);
		}
	}
	log(`main serves the webhooks ${paths.join(', ')}`);
}

export async function runQueueE2e(): Promise<number> {
	const checks = new Checks();
	const began = Date.now();
	const summary: Record<string, unknown> = {
		e2e: 'n8n-nodes-ecgridos queue mode',
		n8n: DEFAULT_N8N,
		date: new Date().toISOString(),
	};
	const workDir = await mkdtemp(join(tmpdir(), 'ecgridos-e2e-queue-'));
	const services: Service[] = [];
	let sim: Simulator | undefined;
	let erp: Erp | undefined;
	const cleanup = async () => {
		await stopAll();
		await erp?.close();
		for (const service of services.reverse()) await service.stop().catch(() => undefined);
		await sim?.close();
		await rm(workDir, { recursive: true, force: true });
	};
	const unregister = onSignalCleanup(cleanup);
	try {
		await ensureDebianPackages(log);
		const install = await ensureN8n(DEFAULT_N8N);
		summary.node = install.runtime.version;
		if (!hasFlag('--no-build')) await buildPackage();
		const tarball = await packPackage(workDir);
		const userFolder = join(workDir, 'user');
		const installed = await installPackage('community', tarball, userFolder, install.runtime);
		log(`installed ${tarball} into ${installed.packageDir}`);

		sim = await startSimulator({ port: 0, demoParcels: false });
		const sessionsIssued: string[] = [];
		sim.register('Login', (context) => {
			const sessionId = login(context);
			sessionsIssued.push(String(sessionId));
			return sessionId;
		});
		const userIds = addUsers(sim);
		erp = await startErp(2_000);
		const confirms = trackConfirms(sim);
		const redis = await startRedis(log);
		services.push(redis);
		const pg = await startPostgres(log);
		services.push(pg);

		const cli = new N8nCli(install, {
			userFolder,
			env: {
				...installed.env,
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(pg.port),
				DB_POSTGRESDB_DATABASE: 'postgres',
				DB_POSTGRESDB_USER: 'postgres',
				DB_POSTGRESDB_PASSWORD: '',
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redis.port),
				N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'false',
			},
		});
		// Imported and published before n8n starts (importing into a running n8n can register a
		// trigger twice). The credential file holds secrets in plain text: removed at once.
		const credentialFile = join(workDir, 'credentials.json');
		await writeFile(
			credentialFile,
			JSON.stringify([
				{
					id: 'queueApiKeyCred01',
					name: 'ECGridOS queue (API key)',
					type: 'ecGridOsApi',
					data: { apiKey: CALLER.apiKey, baseUrl: sim.url },
				},
				{
					id: 'queueLoginCred01',
					name: 'ECGridOS queue (Login)',
					type: 'ecGridOsLoginApi',
					data: { loginName: CALLER.loginName, password: CALLER.password, baseUrl: sim.url },
				},
			]),
		);
		try {
			await cli.importCredentials(credentialFile);
		} finally {
			await rm(credentialFile, { force: true });
		}
		await cli.mustRun(['import:workflow', '--separate', `--input=${FIXTURES}`]);
		const promiseDir = join(workDir, 'promise-workflows');
		await mkdir(promiseDir);
		await writePromiseWorkflows(
			promiseDir,
			{ id: 'queueApiKeyCred01', name: 'ECGridOS queue (API key)' },
			erp.url,
		);
		await cli.mustRun(['import:workflow', '--separate', `--input=${promiseDir}`]);
		const published = [...WORKFLOW_IDS, ...PROMISE_RUNS.map((run) => run.id)];
		for (const id of published) await cli.mustRun(['publish:workflow', `--id=${id}`]);
		log(`credentials and ${published.length} workflows imported and published`);

		const main = await startMain(cli);
		log(`main on 127.0.0.1:${main.port}`);
		// /healthz answers before main has activated the published workflows and their webhooks.
		await waitForWebhooks(main, ['ecgrid-queue-keys', 'ecgrid-queue-keys-login', EDI_ACK_PATH]);
		const workers = await Promise.all(
			Array.from({ length: WORKERS }, (_, index) =>
				startWorker(cli, `worker${index + 1}`, CONCURRENCY),
			),
		);
		log(`${WORKERS} workers healthy (--concurrency=${CONCURRENCY})`);
		const deployment: Deployment = {
			sim,
			sessionsIssued,
			pg,
			main,
			workers,
			secrets: [
				{ name: `the API key of ${CALLER.loginName}`, value: CALLER.apiKey },
				{ name: `the password of ${CALLER.loginName}`, value: CALLER.password },
			],
		};
		const only = onlyArg();
		if (only !== 'promise') {
			summary.edi = await runEdiControlNumberScenario(checks, deployment, log);
		}
		if (only !== 'promise' && only !== 'edi') {
			const throughput = await keysScenario(
				checks,
				deployment,
				'throughput (API key)',
				'ecgrid-queue-keys',
				userIds,
			);
			const coldLogins = await loginScenario(
				checks,
				deployment,
				'login storm, empty session',
				userIds,
			);
			// Past the coalescer's reuse window, then the server ends every session of the user.
			await sleep(REUSE_FRESH_SESSION_MS + 500);
			const ended = [...sessionsIssued];
			sim.world.endSessions(CALLER.userId);
			const expiredLogins = await loginScenario(
				checks,
				deployment,
				'login storm, session ended',
				userIds,
				ended,
			);
			const trigger = await triggerScenario(checks, deployment);
			Object.assign(summary, {
				throughput: { executionsPerWorker: throughput.perWorker, seconds: throughput.seconds },
				logins: { emptySession: coldLogins, sessionEnded: expiredLogins, workers: WORKERS },
				trigger,
			});
		}
		if (only !== 'edi') {
			summary.promise = await runQueuePromiseScenarios(
				checks,
				{ sim, erp, confirms, main, workers, redis },
				log,
			);
		}
		await noSecrets(checks, deployment, services);
	} catch (error) {
		checks.check('queue e2e run completed', false, (error as Error).stack ?? String(error));
	} finally {
		await cleanup();
		unregister();
	}
	summary.seconds = Math.round((Date.now() - began) / 1000);
	summary.checks = checks.results.length;
	summary.failed = checks.failed.map((result) => result.name);
	summary.pass = checks.failed.length === 0 && checks.results.length > 0;
	for (const failure of checks.failed) log(`FAIL ${failure.name}: ${failure.detail ?? ''}`);
	log(
		`${checks.results.length - checks.failed.length} passed, ${checks.failed.length} failed in ${String(summary.seconds)} s`,
	);
	process.stdout.write(`${JSON.stringify(summary)}\n`);
	return summary.pass ? 0 : 1;
}
