/** Turns repository workflow JSON into files `n8n import:*` accepts for this run. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const PACKAGE_NAME = 'n8n-nodes-ecgridos';
export const NODE_NAME = 'ecGridOs';
export const API_CREDENTIAL_TYPE = 'ecGridOsApi';

/** How n8n names our node type, per install route (see README "Install"). */
export type InstallRoute = 'community' | 'custom';
export function nodeTypeFor(route: InstallRoute): string {
	return route === 'community' ? `${PACKAGE_NAME}.${NODE_NAME}` : `CUSTOM.${NODE_NAME}`;
}

export interface CredentialRef {
	id: string;
	name: string;
}

interface WorkflowNode {
	name: string;
	type: string;
	parameters?: Record<string, unknown>;
	credentials?: Record<string, CredentialRef>;
	[key: string]: unknown;
}

export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, { main?: Array<Array<{ node: string }> | null> }>;
	[key: string]: unknown;
}

export interface PreparedWorkflow {
	id: string;
	file: string;
	json: WorkflowJson;
	/** Names of the ECGridOS nodes in it. */
	ecGridNodes: string[];
}

function isEcGridNode(node: WorkflowNode): boolean {
	return node.type.endsWith(`.${NODE_NAME}`);
}

/**
 * Retypes the ECGridOS nodes for the install route and points them at the imported credential;
 * gives the workflow a fixed id (≤ 21 chars, n8n's limit) so `n8n execute --id` can find it.
 */
export async function prepareWorkflow(
	source: string,
	options: { id: string; route: InstallRoute; credential: CredentialRef; outDir: string },
): Promise<PreparedWorkflow> {
	const json = JSON.parse(await readFile(source, 'utf8')) as WorkflowJson;
	const ecGridNodes: string[] = [];
	for (const node of json.nodes) {
		if (!isEcGridNode(node)) continue;
		ecGridNodes.push(node.name);
		node.type = nodeTypeFor(options.route);
		if ((node.parameters?.authentication ?? 'apiKey') === 'apiKey') {
			node.credentials = { [API_CREDENTIAL_TYPE]: options.credential };
		}
	}
	if (ecGridNodes.length === 0) throw new Error(`${source} has no ECGridOS node`);
	const prepared: WorkflowJson = { ...json, id: options.id, active: false };
	const file = join(options.outDir, `${options.id}.workflow.json`);
	await writeFile(file, JSON.stringify(prepared, null, '\t'));
	return { id: options.id, file, json: prepared, ecGridNodes };
}

/** Writes an `n8n import:credentials` file; n8n encrypts `data` on import. */
export async function writeApiKeyCredential(
	outDir: string,
	credential: CredentialRef,
	data: { apiKey: string; baseUrl: string },
): Promise<string> {
	const file = join(outDir, 'credentials.json');
	const rows = [{ ...credential, type: API_CREDENTIAL_TYPE, data }];
	await writeFile(file, JSON.stringify(rows, null, '\t'));
	return file;
}

/** Names of the nodes feeding `target` on its main input. */
export function parentsOf(workflow: WorkflowJson, target: string): string[] {
	const parents: string[] = [];
	for (const [source, outputs] of Object.entries(workflow.connections)) {
		for (const output of outputs.main ?? []) {
			if (output?.some((link) => link.node === target)) parents.push(source);
		}
	}
	return parents;
}
