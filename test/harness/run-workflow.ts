import { WorkflowExecute } from 'n8n-core';
import { createRunExecutionData, Workflow } from 'n8n-workflow';
import type { IDataObject, INode, INodeExecutionData, IRun, IWorkflowBase } from 'n8n-workflow';

import { buildAdditionalData, createHooks } from './additional-data';
import { CredentialStore, type HarnessCredential } from './credential-store';
import { HarnessCredentialsHelper } from './credentials-helper';
import type { DataTableStore } from './data-tables';
import { NodeTypeRegistry } from './node-types';
import { loadPackage, type NodePackage } from './package-loader';
import type { WorkflowJson } from './workflow-file';

export interface RunWorkflowOptions {
	/** Saved credentials the workflow's nodes refer to (by id, else by name). */
	credentials?: HarnessCredential[];
	/** Use (and update) this store instead, e.g. to carry a session across runs. */
	credentialStore?: CredentialStore;
	/** What the start (trigger) node outputs; default one empty item. */
	items?: IDataObject[];
	/** Or whole items, binary data included (wins over `items`). */
	inputs?: INodeExecutionData[];
	/** Where package.json (and its built `n8n` files) live; default the repository root. */
	packageRoot?: string;
	/** Node and credential classes to use instead of loading them from `packageRoot`. */
	nodePackage?: NodePackage;
	/** Name of the node to start from; default the workflow's only trigger (or root) node. */
	startNode?: string;
	/**
	 * `trigger` (default): the start node emits `items`. `manual`: the editor's "Execute
	 * workflow", n8n-core runs the start trigger's own manual path (`manualTriggerFunction`).
	 */
	mode?: 'trigger' | 'manual';
	/** The n8n instance's Data Tables the workflow's Data Table nodes use; default none. */
	dataTables?: DataTableStore;
	/** The run's execution ID (`$execution.id`); n8n's are database row numbers. Default `harness-<n>`. */
	executionId?: string;
}

export interface WorkflowRunResult {
	run: IRun;
	/** main[0] of the node's last run; throws if the node did not run. */
	outputOf(nodeName: string): INodeExecutionData[];
	/** run.data.resultData.error: a plain object when the run failed as a whole. */
	error: unknown | undefined;
	credentials: CredentialStore;
}

let executionCounter = 0;

/**
 * Runs an exported workflow through n8n-core's WorkflowExecute, in `trigger` mode so the start
 * node emits `items`. Nodes' HTTP calls go through n8n-core's real request helpers.
 */
export async function runWorkflow(
	workflowJson: WorkflowJson,
	options: RunWorkflowOptions = {},
): Promise<WorkflowRunResult> {
	const nodePackage = options.nodePackage ?? loadPackage(options.packageRoot);
	const store = options.credentialStore ?? new CredentialStore(options.credentials);
	const credentialsHelper = new HarnessCredentialsHelper(store, nodePackage.credentials);
	const { workflow, workflowData } = buildWorkflow(workflowJson, nodePackage, options.dataTables);
	const startNode = findStartNode(workflow, options.startNode);

	const mode = options.mode ?? 'trigger';
	const hooks = createHooks(
		mode,
		options.executionId ?? `harness-${++executionCounter}`,
		workflowData,
	);
	const additionalData = buildAdditionalData(credentialsHelper, hooks);
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node: startNode,
					data: { main: [options.inputs ?? (options.items ?? [{}]).map((json) => ({ json }))] },
					source: null,
				},
			],
		},
	});
	const run = await new WorkflowExecute(
		additionalData,
		mode,
		runExecutionData,
	).processRunExecutionData(workflow);
	return {
		run,
		error: run.data.resultData.error,
		credentials: store,
		outputOf(nodeName) {
			const runs = run.data.resultData.runData[nodeName];
			if (runs === undefined || runs.length === 0)
				throw new Error(`Node "${nodeName}" did not run`);
			return runs[runs.length - 1].data?.main[0] ?? [];
		},
	};
}

/** The n8n Workflow for exported JSON (left untouched), with the package's node types. */
export function buildWorkflow(
	workflowJson: WorkflowJson,
	nodePackage: NodePackage,
	dataTables?: DataTableStore,
): { workflow: Workflow; workflowData: IWorkflowBase } {
	const workflowData: IWorkflowBase = {
		id: workflowJson.id ?? 'harness-workflow',
		name: workflowJson.name ?? 'Harness workflow',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		// Workflow fills in parameter defaults in place: keep the caller's JSON untouched.
		nodes: structuredClone(workflowJson.nodes),
		connections: structuredClone(workflowJson.connections),
		settings: { executionOrder: 'v1', ...workflowJson.settings },
	};
	const workflow = new Workflow({
		...workflowData,
		nodeTypes: new NodeTypeRegistry(nodePackage, dataTables),
		staticData: workflowJson.staticData ?? undefined,
	});
	return { workflow, workflowData };
}

export function findStartNode(workflow: Workflow, name?: string): INode {
	if (name !== undefined) {
		const node = workflow.getNode(name);
		if (node === null) throw new Error(`The workflow has no node named "${name}"`);
		return node;
	}
	const nodes = Object.values(workflow.nodes).filter((node) => node.disabled !== true);
	const isTrigger = (node: INode) =>
		workflow.nodeTypes
			.getByNameAndVersion(node.type, node.typeVersion)
			.description.group.includes('trigger');
	const roots = nodes.filter((node) => workflow.getParentNodes(node.name).length === 0);
	const candidates = nodes.filter(isTrigger).length > 0 ? nodes.filter(isTrigger) : roots;
	if (candidates.length !== 1) {
		throw new Error(
			`Cannot tell where the workflow starts (${candidates.map((n) => n.name).join(', ') || 'no trigger'}): pass startNode`,
		);
	}
	return candidates[0];
}
