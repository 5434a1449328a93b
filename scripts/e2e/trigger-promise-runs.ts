/**
 * The ECGridOS Trigger's promise in a real `n8n start` (one process, SQLite, as most users run
 * n8n): two published Trigger → Download → ERP workflows, each watching its own sender's parcels.
 *
 * - crash: 50 parcels, slow deliveries; n8n is killed (SIGKILL) while runs are in flight and
 *   started again with the same user folder.
 * - faults: 30 % of ParcelDownloadConfirm and ParcelDownloadReset calls answered with an ECGridOS
 *   fault (InternalError), every fifth parcel's first delivery refused (its run fails and the
 *   parcel is reset), and a 20-second outage in which every call to ECGridOS fails.
 *
 * Each must end with every parcel delivered intact and confirmed, none confirmed before its run
 * delivered it; the faults scenario also with no parcel delivered twice and the workflow still
 * polling.
 */
import type { ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { checkNoSecrets, type Checks } from './checks';
import { freePort } from './n8n-cli';
import { killChild, stopChild } from './proc';
import { startErp } from './promise/erp';
import { runPromiseScenario, trackConfirms, type Sender } from './promise/scenario';
import { promiseWorkflow } from './promise/workflow';
import type { Stack } from './stack';
import { sleep } from './wait';
import { nodeTypeFor, TRIGGER_NODE_NAME } from './workflows';

const MAILBOX = { networkId: 1, mailboxId: 11 };
/** Acme Logistics and Globex's EAN: senders no other e2e workflow uses. */
const CRASH_SENDER: Sender = { qualifier: 'ZZ', id: 'ACMELOGISTICS', ecGridId: 100003 };
const FAULT_SENDER: Sender = { qualifier: '14', id: '5012345000009', ecGridId: 100005 };
const PARCELS = 50;
const ERP_ANSWER_MS = 2_000;
/** Short leases so that a crash recovers within the test: 30 s, unheld parcels after 15 s. */
const LEASE_MINUTES = 0.5;
const RECOVER_MINUTES = 0.25;
const OUTAGE_MS = 20_000;

export async function runTriggerPromiseScenarios(
	stack: Stack,
	checks: Checks,
	log: (line: string) => void,
): Promise<Record<string, unknown>> {
	const { simulator: sim } = stack.sim;
	const erp = await startErp(ERP_ANSWER_MS);
	const confirms = trackConfirms(sim);
	const figures: Record<string, unknown> = {};
	let printed = '';
	let server: ChildProcess | undefined;
	const port = await freePort();
	const start = async () => {
		server = await stack.cli.start(port, 120_000, (chunk) => (printed += chunk));
	};
	try {
		for (const [id, sender] of [
			['ecgridE2ePromiseCrash', CRASH_SENDER],
			['ecgridE2ePromiseFault', FAULT_SENDER],
		] as const) {
			const json = promiseWorkflow({
				id,
				triggerType: nodeTypeFor(stack.route, TRIGGER_NODE_NAME),
				nodeType: nodeTypeFor(stack.route),
				credential: stack.credential,
				...MAILBOX,
				ecGridIdFrom: sender.ecGridId,
				erpUrl: erp.url,
				leaseMinutes: LEASE_MINUTES,
				recoverMinutes: RECOVER_MINUTES,
			});
			const source = join(stack.workDir, `${id}.source.json`);
			await writeFile(source, JSON.stringify(json));
			await stack.importWorkflow(source, id);
			await stack.cli.publishWorkflow(id);
		}
		await start();
		log(`n8n start on 127.0.0.1:${port} with the two promise workflows published`);

		figures.crash = await runPromiseScenario({
			name: 'promise (crash)',
			sim,
			erp,
			confirms,
			...MAILBOX,
			sender: CRASH_SENDER,
			parcels: PARCELS,
			disruptAfter: 10,
			disrupt: async () => {
				await killChild(server!);
				log('promise (crash): n8n killed (SIGKILL); starting it again');
				await start();
			},
			timeoutMs: 180_000,
			checks,
			log,
		});

		const faultRate = (operation: string) =>
			sim.inject({ operation, failureRate: 0.3, kind: 'ecgridError', retCode: 'InternalError' });
		faultRate('ParcelDownloadConfirm');
		faultRate('ParcelDownloadReset');
		const pollsBefore = () =>
			sim.requests.filter((request) => request.operation === 'ParcelInBoxEx').length;
		let pollsAfterOutage = 0;
		figures.faults = await runPromiseScenario({
			name: 'promise (faults)',
			sim,
			erp,
			confirms,
			...MAILBOX,
			sender: FAULT_SENDER,
			parcels: PARCELS,
			refuseEvery: 5,
			disruptAfter: 10,
			noDuplicates: true,
			disrupt: async () => {
				sim.inject({ kind: 'drop' });
				log(`promise (faults): ECGridOS unreachable for ${OUTAGE_MS / 1000} s`);
				await sleep(OUTAGE_MS);
				sim.clearInjections();
				faultRate('ParcelDownloadConfirm');
				faultRate('ParcelDownloadReset');
				pollsAfterOutage = pollsBefore();
			},
			timeoutMs: 300_000,
			checks,
			log,
		});
		sim.clearInjections();
		await sleep(3_000);
		checks.check(
			'promise (faults): the workflow still polls after the faults and the outage',
			pollsBefore() > pollsAfterOutage + 1 && !/was deactivated/.test(printed),
			`${pollsBefore() - pollsAfterOutage} polls since the outage`,
		);
	} catch (error) {
		checks.check('promise scenarios completed', false, (error as Error).message);
	} finally {
		sim.clearInjections();
		if (server) await stopChild(server);
		await erp.close();
		checkNoSecrets(checks, 'promise: n8n start output', printed, stack.secrets);
	}
	return figures;
}
