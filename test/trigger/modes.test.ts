import { CredentialStore, registeredCronTargets, runWorkflow } from '../harness';
import { ADMIN, apiKeyCredential, requestsFor, useSimulator } from '../support/workflows';
import {
	counters,
	dropParcels,
	emittedIds,
	nextPolls,
	ownerCredential,
	polls,
	receiveWorkflow,
	sleep,
	OWNER,
	TRIGGER,
	useTriggers,
} from './support';

const sim = useSimulator({ demoParcels: false });
const activate = useTriggers(sim);

const failNextDownload = () =>
	sim().inject({ operation: 'ParcelDownload', times: 1, failureRate: 1 });

describe('ECGridOS Trigger: Confirm Download When', () => {
	it('Workflow Finishes confirms after a failed run too, and starts no second run', async () => {
		const trigger = await activate({ trigger: { confirmWhen: 'workflowFinishes' } });
		failNextDownload();
		const [parcelId] = dropParcels(sim(), 1);
		await trigger.waitFor(() => counters(sim(), parcelId).confirms === 1, 5000, 'the confirm');
		expect((await trigger.executions[0].result).error).toBeDefined();
		await nextPolls(trigger, sim());
		expect(emittedIds(trigger)).toEqual([parcelId]);
		expect(counters(sim(), parcelId)).toMatchObject({ confirms: 1, resets: 0 });
		expect(sim().inBox()).toHaveLength(0);
	});

	it('Workflow Finishes confirms after a run n8n stopped at the workflow timeout, and starts no second run', async () => {
		const trigger = await activate({
			trigger: { confirmWhen: 'workflowFinishes' },
			settings: { executionTimeout: 1 },
		});
		// The download outlasts the workflow's 1 s timeout: n8n stops the run.
		sim().inject({ operation: 'ParcelDownload', times: 1, latencyMs: 1500 });
		const [parcelId] = dropParcels(sim(), 1);
		await trigger.waitFor(() => counters(sim(), parcelId).confirms === 1, 6000, 'the confirm');
		await trigger.runsSettled();
		await nextPolls(trigger, sim(), 2);
		expect(emittedIds(trigger)).toEqual([parcelId]);
		expect(counters(sim(), parcelId)).toMatchObject({ confirms: 1, resets: 0 });
		expect(sim().inBox()).toHaveLength(0);
	});

	it('Workflow Succeeds resets the parcel of a run n8n stopped at the workflow timeout', async () => {
		const trigger = await activate({
			trigger: { options: { recoverMinutes: 0.035 } },
			settings: { executionTimeout: 1 },
		});
		sim().inject({ operation: 'ParcelDownload', times: 1, latencyMs: 1500 });
		const [parcelId] = dropParcels(sim(), 1);
		await trigger.waitFor(() => counters(sim(), parcelId).confirms === 1, 10000, 'the confirm');
		// ECGridOS still carries out the download the stopped run had sent, after the reset: the
		// parcel is downloaded again with no run holding it, and recovered as such.
		expect(emittedIds(trigger)).toEqual([parcelId, parcelId]);
		expect(counters(sim(), parcelId)).toMatchObject({ confirms: 1 });
	});

	it('Immediately confirms while the run is still going, and a failed run does not get it again', async () => {
		const trigger = await activate({ trigger: { confirmWhen: 'immediately' } });
		sim().inject({ operation: 'ParcelDownload', times: 1, failureRate: 1, latencyMs: 1500 });
		const [parcelId] = dropParcels(sim(), 1);
		let runOver = false;
		await trigger.waitFor(() => trigger.executions.length === 1, 5000, 'the run');
		void trigger.executions[0].result.then(() => (runOver = true));
		await trigger.waitFor(() => counters(sim(), parcelId).confirms === 1, 1400, 'the confirm');
		expect(runOver).toBe(false);
		expect((await trigger.executions[0].result).error).toBeDefined();
		await nextPolls(trigger, sim());
		expect(emittedIds(trigger)).toEqual([parcelId]);
		expect(counters(sim(), parcelId)).toMatchObject({ confirms: 1, resets: 0 });
	});

	it('Later in Workflow leaves the confirm to the workflow and settles nothing itself', async () => {
		const trigger = await activate({
			trigger: { confirmWhen: 'laterInWorkflow' },
			confirmInWorkflow: true,
		});
		const [confirmed] = dropParcels(sim(), 1);
		await trigger.waitFor(() => counters(sim(), confirmed).confirms === 1, 5000, 'the confirm');
		// The next run fails at the workflow's own Confirm Download, after the download.
		sim().inject({ operation: 'ParcelDownloadConfirm', times: 1, failureRate: 1 });
		const [left] = dropParcels(sim(), 1);
		await trigger.waitFor(() => emittedIds(trigger).includes(left), 5000, 'the second run');
		expect((await trigger.executions[1].result).error).toBeDefined();
		await nextPolls(trigger, sim(), 2);
		// One confirm per run, both sent by the workflow's node; the failed run's parcel stays as
		// the workflow left it (downloaded, still in the InBox): no reset, no new run, no lease.
		expect(requestsFor(sim(), 'ParcelDownloadConfirm')).toHaveLength(2);
		expect(requestsFor(sim(), 'ParcelDownloadReset')).toHaveLength(0);
		expect(sim().parcel(left)).toMatchObject({ inInBox: true, status: 'InBoxTransferred' });
		expect(emittedIds(trigger)).toEqual([confirmed, left]);
		expect(trigger.nodeStaticData().parcelLeases).toEqual({});
	});
});

describe('ECGridOS Trigger: filters and settings', () => {
	it('watches the chosen mailbox and only the chosen sender', async () => {
		const ownBox = dropParcels(sim(), 1);
		const fromGlobex = dropParcels(sim(), 1, { mailboxId: 11 });
		const [fromLogistics] = dropParcels(sim(), 1, { mailboxId: 11, senderId: 'ACMELOGISTICS' });
		expect(sim().world.parcels.get(fromLogistics)!.ecGridIdFrom).toBe(100003);
		const trigger = await activate(
			{ trigger: { networkId: 1, mailboxId: 11, ecGridIdFrom: 100003 } },
			ADMIN,
		);
		await trigger.waitFor(() => counters(sim(), fromLogistics).confirms === 1, 5000, 'the confirm');
		await nextPolls(trigger, sim());
		expect(emittedIds(trigger)).toEqual([fromLogistics]);
		expect(
			sim()
				.inBox(10)
				.map((parcel) => parcel.parcelId),
		).toEqual(ownBox);
		expect(
			sim()
				.inBox(11)
				.map((parcel) => parcel.parcelId),
		).toEqual(fromGlobex);
		// Both IDs given: no WhoAmI needed.
		expect(requestsFor(sim(), 'WhoAmI')).toHaveLength(0);
	});

	it('signs in with the Login credential, one session for polls, runs and confirms', async () => {
		const trigger = await activate({ login: true });
		const [parcelId] = dropParcels(sim(), 1);
		await trigger.waitFor(() => counters(sim(), parcelId).confirms === 1, 5000, 'the confirm');
		expect(emittedIds(trigger)).toEqual([parcelId]);
		expect(requestsFor(sim(), 'Login')).toHaveLength(1);
	});

	it('uses an API key changed in its credential from the next poll on', async () => {
		const store = new CredentialStore([ownerCredential(sim())]);
		const trigger = await activate({}, OWNER, store);
		const [first] = dropParcels(sim(), 1);
		await trigger.waitFor(() => counters(sim(), first).confirms === 1, 5000, 'the first confirm');
		// The key is replaced (GenerateAPIKey: the old one stops working) and the credential updated.
		const key = sim().world.replaceApiKey(OWNER.userId);
		const { id, name, type, data } = apiKeyCredential(sim(), key);
		store.set({ id, name }, type, data);
		const [second] = dropParcels(sim(), 1);
		await trigger.waitFor(() => counters(sim(), second).confirms === 1, 5000, 'the second confirm');
		expect(emittedIds(trigger)).toEqual([first, second]);
	});

	it('after a failed Login keeps polling without logging in again', async () => {
		const password = 'not-the-password';
		const trigger = await activate({ login: true }, { ...OWNER, password });
		await trigger.waitFor(() => requestsFor(sim(), 'Login').length >= 1, 3000, 'a login');
		await sleep(2500);
		// Repeated failed logins lock ECGrid users out: one attempt, then the poll fails at once.
		expect(requestsFor(sim(), 'Login')).toHaveLength(1);
		expect(trigger.executions).toHaveLength(0);
		expect(trigger.emittedErrors).toHaveLength(0);
		expect(trigger.failedExecutions).toHaveLength(1);
		expect(trigger.failedExecutions[0].message).toMatch(/refused the login/);
		expect(JSON.stringify(trigger.failedExecutions[0])).not.toContain(password);
	});

	it('refuses to activate with a Network ID but no Mailbox ID', async () => {
		await expect(activate({ trigger: { networkId: 1 } })).rejects.toThrow(
			/Set Network ID and Mailbox ID together/,
		);
	});
});

describe('ECGridOS Trigger: manual runs and deactivation', () => {
	it('Fetch Test Event emits the newest parcel and changes nothing', async () => {
		const parcels = dropParcels(sim(), 3);
		const before = parcels.map((parcelId) => ({ ...counters(sim(), parcelId) }));
		const workflow = receiveWorkflow();
		workflow.nodes = workflow.nodes.filter((node) => node.name === TRIGGER);
		workflow.connections = {};
		const result = await runWorkflow(workflow, {
			mode: 'manual',
			credentials: [ownerCredential(sim())],
		});
		expect(result.error).toBeUndefined();
		const items = result.outputOf(TRIGGER).map((item) => item.json);
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({
			parcelId: parcels[2],
			fileName: 'po-2.edi',
			statusCode: 'InBoxReady',
			mailboxIdTo: 10,
		});
		// Metadata only: the file itself is fetched by Parcel → Download in the workflow.
		expect(JSON.stringify(items[0])).not.toMatch(/BEG\*|"content/i);
		expect(parcels.map((parcelId) => counters(sim(), parcelId))).toEqual(before);
		expect(sim().inBox()).toHaveLength(3);
		expect(new Set(sim().requests.map((request) => request.operation))).toEqual(
			new Set(['WhoAmI', 'ParcelInBoxEx']),
		);
		expect(result.run.data.resultData.runData[TRIGGER]).toHaveLength(1);
		expect(workflow.staticData ?? {}).toEqual({});
	});

	it('Fetch Test Event on an empty InBox says so', async () => {
		const workflow = receiveWorkflow();
		workflow.nodes = workflow.nodes.filter((node) => node.name === TRIGGER);
		workflow.connections = {};
		const result = await runWorkflow(workflow, {
			mode: 'manual',
			credentials: [ownerCredential(sim())],
		});
		expect((result.error as { message: string }).message).toMatch(
			/No parcel with status InBoxReady in the InBox/,
		);
	});

	it('deactivation stops polling and leaves no cron behind', async () => {
		const trigger = await activate();
		await nextPolls(trigger, sim(), 2);
		expect(registeredCronTargets('ecgridosTestReceive')).toHaveLength(1);
		await trigger.deactivate();
		expect(registeredCronTargets('ecgridosTestReceive')).toEqual([]);
		const after = polls(sim());
		dropParcels(sim(), 1);
		await sleep(2500);
		expect(polls(sim())).toBe(after);
		expect(trigger.executions).toHaveLength(0);
	});
});
