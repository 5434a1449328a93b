import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Simulator } from '../../simulator';
import {
	activateTrigger,
	type CredentialStore,
	loadPackage,
	loadWorkflowFile,
	REPO_ROOT,
	type ActiveTrigger,
	type WorkflowJson,
} from '../harness';
import {
	ADMIN,
	apiKeyCredential,
	demoUser,
	loginCredential,
	requestsFor,
} from '../support/workflows';

export const TRIGGER = 'ECGridOS Trigger';
/** The mailbox admin of mailbox 10: the credential's own mailbox is the one parcels drop into. */
export const OWNER = demoUser('mbx.admin');
export { ADMIN };

const X12 = readFileSync(join(REPO_ROOT, 'examples', 'edi', 'x12-850-purchase-order.edi'));
const nodePackage = loadPackage();

export interface WorkflowShape {
	trigger?: INodeParameters;
	/** Ends the workflow with Parcel → Confirm Download (for Later in Workflow). */
	confirmInWorkflow?: boolean;
	staticData?: IDataObject;
	settings?: IDataObject;
	/** Every ECGridOS node signs in with the Login credential (session refresh) instead. */
	login?: boolean;
}

export function receiveWorkflow(shape: WorkflowShape = {}): WorkflowJson {
	const workflow = loadWorkflowFile(join(__dirname, 'receive-parcels.workflow.json'));
	const trigger = workflow.nodes.find((node) => node.name === TRIGGER)!;
	trigger.parameters = { ...trigger.parameters, ...shape.trigger };
	const confirm = workflow.nodes.find((node) => node.name === 'Confirm Download')!;
	confirm.disabled = shape.confirmInWorkflow !== true;
	if (shape.login) {
		for (const node of workflow.nodes) {
			node.parameters = { ...node.parameters, authentication: 'login' };
			node.credentials = { ecGridOsLoginApi: { id: 'loginCredential', name: 'ECGridOS login' } };
		}
	}
	if (shape.staticData) workflow.staticData = shape.staticData;
	if (shape.settings) workflow.settings = { ...workflow.settings, ...shape.settings };
	return workflow;
}

export function ownerCredential(sim: Simulator, user = OWNER) {
	return apiKeyCredential(sim, sim.world.apiKeyOf(user.userId)!);
}

/** Activates the workflow; the returned trigger is deactivated after the test. */
export function useTriggers(sim: () => Simulator) {
	const active: ActiveTrigger[] = [];
	afterEach(async () => {
		for (const trigger of active.splice(0)) {
			await trigger.deactivate();
			await trigger.runsSettled();
		}
	});
	/** `credentialStore`: n8n's credentials, for a test that changes one while the trigger runs. */
	return async (shape: WorkflowShape = {}, user = OWNER, credentialStore?: CredentialStore) => {
		const trigger = await activateTrigger(receiveWorkflow(shape), {
			credentials: [
				ownerCredential(sim(), user),
				loginCredential(sim(), user.loginName, user.password),
			],
			credentialStore,
			nodePackage,
		});
		active.push(trigger);
		return trigger;
	};
}

/** Purchase orders from Globex (ECGridID 100004), or from another sender's ZZ ID. */
export function dropParcels(
	sim: Simulator,
	count: number,
	into: { mailboxId?: number; senderId?: string } = {},
): number[] {
	const content = into.senderId
		? Buffer.from(
				X12.toString('latin1').replace('GLOBEXRETAIL   ', into.senderId.padEnd(15)),
				'latin1',
			)
		: X12;
	return Array.from(
		{ length: count },
		(_, index) =>
			sim.dropParcel({ fileName: `po-${index}.edi`, content, mailboxId: into.mailboxId }).parcelId,
	);
}

/** The parcel IDs of the executions started so far, in order. */
export function emittedIds(trigger: ActiveTrigger): number[] {
	return trigger.executions.map((execution) => Number(execution.items[0]?.parcelId));
}

export function polls(sim: Simulator): number {
	return requestsFor(sim, 'ParcelInBoxEx').length;
}

/** Waits until the trigger has listed the InBox `count` more times. */
export async function nextPolls(trigger: ActiveTrigger, sim: Simulator, count = 1) {
	const target = polls(sim) + count;
	await trigger.waitFor(() => polls(sim) >= target, 2500 * count, `${count} more poll(s)`);
}

export const counters = (sim: Simulator, parcelId: number) => sim.parcel(parcelId)!.counters;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
