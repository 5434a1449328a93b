/**
 * The shared set-up of `run.ts` and `screenshots.ts`: a pinned n8n CLI with the packed package
 * installed in a throwaway user folder, the simulator running, and an API-key credential
 * pointing at it already imported.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEMO_USERS } from '../../simulator';
import type { Secret } from './checks';
import { ensureN8n, type N8nInstall } from './install';
import { installPackage } from './install-package';
import { N8nCli } from './n8n-cli';
import { buildPackage, packPackage } from './pack';
import { repoRoot } from './paths';
import { onSignalCleanup, stopAll } from './proc';
import { startE2eSimulator, type E2eSimulator } from './simulator';
import {
	prepareWorkflow,
	writeApiKeyCredential,
	writeCredential,
	type CredentialRef,
	type InstallRoute,
	type PreparedWorkflow,
} from './workflows';

/** net.admin (NetworkAdmin of network 1): may generate keys for network 1's users. */
const CALLER_USER_ID = 1001;

export interface Stack {
	install: N8nInstall;
	cli: N8nCli;
	sim: E2eSimulator;
	route: InstallRoute;
	credential: CredentialRef;
	/** Secrets that must never show up in anything n8n prints. */
	secrets: Secret[];
	workDir: string;
	/** Repository paths of the workflows imported so far. */
	imported: string[];
	/** Imports `source`; its Login nodes (if any) get `credentials.login`. */
	importWorkflow(
		source: string,
		id: string,
		credentials?: { login?: CredentialRef },
	): Promise<PreparedWorkflow>;
	/** Imports one more credential; `secrets` (values in `data`) join the secret list. */
	importCredential(
		credential: CredentialRef,
		type: string,
		data: Record<string, string>,
		secrets: Secret[],
	): Promise<void>;
	/** Stops the simulator and every process started, removes the work dir (unless kept). */
	stop(): Promise<void>;
}

export interface StackOptions {
	version: string;
	route: InstallRoute;
	build: boolean;
	/** Leave the work dir (n8n user folder, tarball) for inspection. */
	keep: boolean;
	log: (message: string) => void;
}

/** Runs `task` once; later calls share the first call's promise (signal vs. finally). */
function once(task: () => Promise<void>): () => Promise<void> {
	let running: Promise<void> | undefined;
	return () => (running ??= task());
}

/** Sets everything up; on failure, whatever was started is already stopped again. */
export async function startStack(options: StackOptions): Promise<Stack> {
	const workDir = await mkdtemp(join(tmpdir(), 'ecgridos-e2e-'));
	let sim: E2eSimulator | undefined;
	const cleanup = once(async () => {
		await sim?.simulator.close();
		await stopAll();
		if (options.keep) process.stderr.write(`[e2e] kept ${workDir}\n`);
		else await rm(workDir, { recursive: true, force: true });
	});
	onSignalCleanup(cleanup);
	try {
		const install = await ensureN8n(options.version);
		options.log(
			`n8n ${options.version} on Node ${install.runtime.version}, route ${options.route}, work dir ${workDir}`,
		);
		if (options.build) await buildPackage();
		const tarball = await packPackage(workDir);
		options.log(`packed ${tarball}`);
		const userFolder = join(workDir, 'user');
		const installed = await installPackage(options.route, tarball, userFolder, install.runtime);
		options.log(`installed into ${installed.packageDir}`);
		const cli = new N8nCli(install, { userFolder, env: installed.env });

		sim = await startE2eSimulator(CALLER_USER_ID);
		const caller = DEMO_USERS.find((user) => user.userId === CALLER_USER_ID);
		if (!caller) throw new Error(`simulator has no demo user ${CALLER_USER_ID}`);
		const credential = { id: 'ecgridE2eCred0001', name: 'ECGridOS e2e (net.admin)' };
		const credentialFile = await writeApiKeyCredential(workDir, credential, {
			apiKey: caller.apiKey,
			baseUrl: sim.simulator.url,
		});
		await cli.importCredentials(credentialFile);
		// The file holds the key in plain text: gone as soon as n8n has it encrypted.
		await rm(credentialFile);

		const stack: Stack = {
			install,
			cli,
			sim,
			route: options.route,
			credential,
			secrets: [{ name: `the API key of ${caller.loginName}`, value: caller.apiKey }],
			workDir,
			imported: [],
			async importWorkflow(source, id, credentials = {}) {
				const workflow = await prepareWorkflow(source, {
					id,
					route: options.route,
					credential,
					loginCredential: credentials.login,
					outDir: workDir,
				});
				await cli.importWorkflow(workflow.file);
				stack.imported.push(source.replace(`${repoRoot}/`, ''));
				return workflow;
			},
			async importCredential(ref, type, data, secrets) {
				stack.secrets.push(...secrets);
				const file = await writeCredential(workDir, ref, type, data);
				try {
					await cli.importCredentials(file);
				} finally {
					// Plain-text secrets: gone as soon as n8n has them encrypted.
					await rm(file, { force: true });
				}
			},
			stop: cleanup,
		};
		return stack;
	} catch (error) {
		await cleanup();
		throw error;
	}
}
