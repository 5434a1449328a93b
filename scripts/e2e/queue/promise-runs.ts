/**
 * The ECGridOS Trigger's promise in queue mode (main + 2 workers, Redis, PostgreSQL): one
 * published Trigger → Download → ERP workflow per disruption, each watching its own sender's
 * parcels in mailbox 11.
 *
 * - worker: a worker killed (SIGKILL) while it runs parcels, then started again;
 * - main: main killed (SIGKILL) while the workers run parcels, then started again; once more
 *   with a workflow that ends with Parcel → Confirm Download, which narrows the duplicates a lost
 *   report causes to the runs cut off between delivery and that confirm;
 * - redis: Redis stopped and started again (its queue is not persisted) while every n8n process
 *   keeps running; once more with the workflow that confirms itself.
 *
 * Each must end with every parcel delivered intact and confirmed, none confirmed before its run
 * delivered it. Duplicates (a parcel delivered twice, after a lost report) are counted.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Simulator } from '../../../simulator';
import type { Checks } from '../checks';
import type { Erp } from '../promise/erp';
import { runPromiseScenario, type ConfirmLog, type Sender } from '../promise/scenario';
import { promiseWorkflow } from '../promise/workflow';
import { nodeTypeFor, TRIGGER_NODE_NAME, type CredentialRef } from '../workflows';
import type { N8nProcess } from './processes';
import type { Redis } from './services';

const MAILBOX = { networkId: 1, mailboxId: 11 };
const PARCELS = 50;

interface Disruption {
	id: string;
	name: string;
	sender: Sender;
	/** The workflow confirms the parcel itself as its last step. */
	confirmInWorkflow?: boolean;
}

export const PROMISE_RUNS: readonly Disruption[] = [
	{
		id: 'queuePromiseWorker1',
		name: 'queue promise (worker killed)',
		sender: { qualifier: 'ZZ', id: 'ACMELOGISTICS', ecGridId: 100003 },
	},
	{
		id: 'queuePromiseMain01',
		name: 'queue promise (main killed)',
		sender: { qualifier: '14', id: '5012345000009', ecGridId: 100005 },
	},
	{
		id: 'queuePromiseMain02',
		name: 'queue promise (main killed, workflow confirms)',
		sender: { qualifier: 'ZZ', id: 'ACMEFOODS', ecGridId: 100001 },
		confirmInWorkflow: true,
	},
	{
		id: 'queuePromiseRedis1',
		name: 'queue promise (Redis restarted)',
		sender: { qualifier: '01', id: '123456789', ecGridId: 100002 },
	},
	{
		id: 'queuePromiseRedis2',
		name: 'queue promise (Redis restarted, workflow confirms)',
		sender: { qualifier: 'ZZ', id: 'GLOBEXRETAIL', ecGridId: 100004 },
		confirmInWorkflow: true,
	},
];

/** Writes the three workflows into `dir` for `n8n import:workflow`; returns their files. */
export async function writePromiseWorkflows(
	dir: string,
	credential: CredentialRef,
	erpUrl: string,
): Promise<string[]> {
	const files: string[] = [];
	for (const { id, sender, confirmInWorkflow } of PROMISE_RUNS) {
		const file = join(dir, `${id}.workflow.json`);
		const json = promiseWorkflow({
			id,
			triggerType: nodeTypeFor('community', TRIGGER_NODE_NAME),
			nodeType: nodeTypeFor('community'),
			credential,
			...MAILBOX,
			ecGridIdFrom: sender.ecGridId,
			erpUrl,
			leaseMinutes: 0.5,
			recoverMinutes: 0.25,
			confirmInWorkflow,
		});
		await writeFile(file, JSON.stringify(json));
		files.push(file);
	}
	return files;
}

export interface QueuePromiseDeployment {
	sim: Simulator;
	erp: Erp;
	confirms: ConfirmLog;
	main: N8nProcess;
	workers: N8nProcess[];
	redis: Redis;
}

export async function runQueuePromiseScenarios(
	checks: Checks,
	deployment: QueuePromiseDeployment,
	log: (line: string) => void,
): Promise<Record<string, unknown>> {
	const { main, workers, redis } = deployment;
	const disruptions: Record<string, () => Promise<void>> = {
		queuePromiseWorker1: async () => await workers[0].crash(),
		queuePromiseMain01: async () => await main.crash(),
		queuePromiseMain02: async () => await main.crash(),
		queuePromiseRedis1: async () => await redis.restart(),
		queuePromiseRedis2: async () => await redis.restart(),
	};
	const figures: Record<string, unknown> = {};
	for (const { id, name, sender } of PROMISE_RUNS) {
		figures[id] = await runPromiseScenario({
			name,
			sim: deployment.sim,
			erp: deployment.erp,
			confirms: deployment.confirms,
			...MAILBOX,
			sender,
			parcels: PARCELS,
			disruptAfter: 10,
			disrupt: disruptions[id],
			timeoutMs: 240_000,
			checks,
			log,
		});
	}
	return figures;
}
