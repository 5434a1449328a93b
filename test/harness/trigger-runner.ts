import { Container } from '@n8n/di';
import {
	ActiveWorkflowTriggers,
	InstanceSettings,
	ScheduledTaskManager,
	TriggerContext,
} from 'n8n-core';
import { TimeoutExecutionCancelledError } from 'n8n-workflow';
import type {
	ExecutionError,
	IDataObject,
	INodeExecutionData,
	IRun,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import { CredentialStore, type HarnessCredential } from './credential-store';
import { HarnessCredentialsHelper } from './credentials-helper';
import type { DataTableStore } from './data-tables';
import { loadPackage, type NodePackage } from './package-loader';
import { buildWorkflow, findStartNode, runWorkflow, type WorkflowRunResult } from './run-workflow';
import type { WorkflowJson } from './workflow-file';

export interface ActivateOptions {
	credentials?: HarnessCredential[];
	credentialStore?: CredentialStore;
	packageRoot?: string;
	nodePackage?: NodePackage;
	/** The Data Tables every run of the workflow uses. */
	dataTables?: DataTableStore;
}

/** One execution the trigger started: what it emitted, and the finished run. */
export interface TriggerExecution {
	items: IDataObject[];
	/** Resolves when the run is over (the trigger's done promise gets the same IRun). */
	result: Promise<WorkflowRunResult>;
}

export interface ActiveTrigger {
	executions: TriggerExecution[];
	/** What the trigger passed to `saveFailedExecution` (a failed execution in n8n). */
	failedExecutions: ExecutionError[];
	/** What the trigger passed to `emitError` (n8n would deactivate the workflow). */
	emittedErrors: Error[];
	/** The trigger node's static data (`getWorkflowStaticData('node')`), live. */
	nodeStaticData(): IDataObject;
	/**
	 * The workflow's static data as n8n last saved it: n8n's main saves it (only when n8n-workflow's
	 * change tracking marked it changed) after activation and each time the trigger emits. What a
	 * restart after a crash starts from.
	 */
	savedStaticData(): IDataObject;
	/** Polls `condition` every 50 ms until it holds; fails after `timeoutMs`. */
	waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void>;
	/** Every run started so far is over. */
	runsSettled(): Promise<void>;
	/** Deactivates the workflow as n8n does: crons deregistered, closeFunction awaited. */
	deactivate(): Promise<void>;
	/**
	 * n8n's main process dies: polling stops and the end of no run is reported any more (the runs
	 * themselves go on, as they do on queue-mode workers). Restart with `savedStaticData()`.
	 */
	crash(): Promise<void>;
}

let activationCounter = 0;
// n8n's execution IDs are database row numbers; workflows use them (e.g. as control numbers).
let executionCounter = 0;

/**
 * Activates a workflow's trigger the way n8n's main process does: n8n-core's
 * ActiveWorkflowTriggers runs the node's `trigger()` with a real TriggerContext, whose
 * `registerCron` goes to the real ScheduledTaskManager (real timers). Each `emit` runs the
 * workflow through `runWorkflow` (the trigger node passes the emitted items on) and resolves the
 * trigger's done promise with the finished run, as n8n does after an execution.
 */
export async function activateTrigger(
	workflowJson: WorkflowJson,
	options: ActivateOptions = {},
): Promise<ActiveTrigger> {
	Container.get(InstanceSettings).markAsLeader();
	const nodePackage = options.nodePackage ?? loadPackage(options.packageRoot);
	const store = options.credentialStore ?? new CredentialStore(options.credentials);
	const workflowId = `${workflowJson.id ?? 'harness-trigger'}-${++activationCounter}`;
	const { workflow } = buildWorkflow(
		{ ...workflowJson, id: workflowId, staticData: structuredClone(workflowJson.staticData) },
		nodePackage,
		options.dataTables,
	);
	const triggerNode = findStartNode(workflow);
	const additionalData = buildAdditionalData(
		new HarnessCredentialsHelper(store, nodePackage.credentials),
	);

	let saved: IDataObject = structuredClone(workflowJson.staticData ?? {});
	// As n8n's WorkflowStaticDataService.saveStaticData does.
	const saveStaticData = () => {
		if (workflow.staticData.__dataChanged !== true) return;
		saved = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
		workflow.staticData.__dataChanged = false;
	};

	const executions: TriggerExecution[] = [];
	let crashed = false;
	const failedExecutions: ExecutionError[] = [];
	const emittedErrors: Error[] = [];
	const emit = (
		data: INodeExecutionData[][],
		_responsePromise?: unknown,
		donePromise?: { resolve(run: IRun): void; reject(error: Error): void },
	) => {
		saveStaticData();
		const items = (data[0] ?? []).map((item) => item.json);
		const executionId = String(++executionCounter);
		const result = runWorkflow(workflowJson, {
			credentialStore: store,
			nodePackage,
			dataTables: options.dataTables,
			items,
			startNode: triggerNode.name,
			executionId,
		});
		// n8n's WorkflowRunner (regular mode) stops a run at the workflow's timeout (Settings →
		// Timeout Workflow): ActiveExecutions.stopExecution rejects the run's post-execute promise,
		// and so the trigger's done promise, with a TimeoutExecutionCancelledError. (The harness
		// lets the run itself go on; n8n cancels it before its next node.)
		const timeoutSeconds = Number(workflowJson.settings?.executionTimeout ?? 0);
		let stopped = false;
		const timer =
			timeoutSeconds > 0
				? setTimeout(() => {
						stopped = true;
						if (!crashed) donePromise?.reject(new TimeoutExecutionCancelledError(executionId));
					}, timeoutSeconds * 1000)
				: undefined;
		result.then(
			(finished) => {
				clearTimeout(timer);
				return stopped || crashed || donePromise?.resolve(finished.run);
			},
			(error: Error) => {
				clearTimeout(timer);
				return stopped || crashed || donePromise?.reject(error);
			},
		);
		executions.push({ items, result });
	};
	const getTriggerFunctions = (
		wf: Workflow,
		node: typeof triggerNode,
		data: IWorkflowExecuteAdditionalData,
		mode: 'trigger',
		activation: 'activate',
	) =>
		new TriggerContext(
			wf,
			node,
			data,
			mode,
			activation,
			emit as TriggerContext['emit'],
			(error) => emittedErrors.push(error),
			(error) => failedExecutions.push(error),
		);

	const active = Container.get(ActiveWorkflowTriggers);
	await active.addAllTriggers(
		workflowId,
		workflow,
		additionalData,
		'trigger',
		'activate',
		getTriggerFunctions as Parameters<ActiveWorkflowTriggers['addAllTriggers']>[5],
		() => {
			throw new Error('The trigger runner does not run poll nodes');
		},
	);
	saveStaticData();

	return {
		executions,
		failedExecutions,
		emittedErrors,
		nodeStaticData: () => workflow.getStaticData('node', triggerNode),
		savedStaticData: () => structuredClone(saved),
		async waitFor(condition, timeoutMs, what) {
			const deadline = Date.now() + timeoutMs;
			while (!condition()) {
				if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${what}`);
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
		},
		async runsSettled() {
			await Promise.allSettled(executions.map((execution) => execution.result));
		},
		async deactivate() {
			await active.remove(workflowId);
		},
		async crash() {
			crashed = true;
			await active.remove(workflowId);
		},
	};
}

/** The workflow's crons still registered in n8n-core's ScheduledTaskManager. */
export function registeredCronTargets(workflowIdPrefix: string): string[] {
	const manager = Container.get(ScheduledTaskManager);
	return manager
		.getGroupIds('workflow')
		.filter((id) => id.startsWith(workflowIdPrefix))
		.flatMap((id) => manager.getTargetIds({ type: 'workflow', id }));
}
