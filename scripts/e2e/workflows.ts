/** Turns repository workflow JSON into files `n8n import:*` accepts for this run. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const PACKAGE_NAME = 'n8n-nodes-ecgridos';
export const NODE_NAME = 'ecGridOs';
export const TRIGGER_NODE_NAME = 'ecGridOsTrigger';
export const API_CREDENTIAL_TYPE = 'ecGridOsApi';
export const LOGIN_CREDENTIAL_TYPE = 'ecGridOsLoginApi';

/** How n8n names our node type, per install route (see README "Install"). */
export type InstallRoute = 'community' | 'installer' | 'custom';
export function nodeTypeFor(route: InstallRoute, name = NODE_NAME): string {
	return route === 'custom' ? `CUSTOM.${name}` : `${PACKAGE_NAME}.${name}`;
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
	connections: Record<
		string,
		{ main?: Array<Array<{ node: string; [key: string]: unknown }> | null> }
	>;
	[key: string]: unknown;
}

export interface PreparedWorkflow {
	id: string;
	file: string;
	json: WorkflowJson;
	/** Names of the ECGridOS nodes in it (not the ECGridOS Trigger). */
	ecGridNodes: string[];
}

function isEcGridNode(node: WorkflowNode): boolean {
	return node.type.endsWith(`.${NODE_NAME}`);
}

function isEcGridTrigger(node: WorkflowNode): boolean {
	return node.type.endsWith(`.${TRIGGER_NODE_NAME}`);
}

export interface PrepareOptions {
	id: string;
	route: InstallRoute;
	/** The API-key credential, for nodes with `authentication: 'apiKey'` (the default). */
	credential: CredentialRef;
	/** The Login credential, for nodes with `authentication: 'login'`. */
	loginCredential?: CredentialRef;
	outDir: string;
}

/**
 * Retypes the ECGridOS nodes (and ECGridOS Triggers) for the install route and points them at the imported credential
 * their `authentication` asks for; gives the workflow a fixed id (≤ 21 chars, n8n's limit) so
 * `n8n execute --id` can find it.
 */
export async function prepareWorkflow(
	source: string,
	options: PrepareOptions,
): Promise<PreparedWorkflow> {
	const json = JSON.parse(await readFile(source, 'utf8')) as WorkflowJson;
	const ecGridNodes: string[] = [];
	for (const node of json.nodes) {
		const trigger = isEcGridTrigger(node);
		if (!trigger && !isEcGridNode(node)) continue;
		if (trigger) node.type = nodeTypeFor(options.route, TRIGGER_NODE_NAME);
		else {
			ecGridNodes.push(node.name);
			node.type = nodeTypeFor(options.route);
		}
		const authentication = node.parameters?.authentication ?? 'apiKey';
		if (authentication === 'apiKey') {
			node.credentials = { [API_CREDENTIAL_TYPE]: options.credential };
		} else if (authentication === 'login') {
			if (!options.loginCredential) {
				throw new Error(
					`${source}: "${node.name}" signs in with Login, but no Login credential given`,
				);
			}
			node.credentials = { [LOGIN_CREDENTIAL_TYPE]: options.loginCredential };
		}
	}
	if (ecGridNodes.length === 0) throw new Error(`${source} has no ECGridOS node`);
	const prepared: WorkflowJson = { ...json, id: options.id, active: false };
	const file = join(options.outDir, `${options.id}.workflow.json`);
	await writeFile(file, JSON.stringify(prepared, null, '\t'));
	return { id: options.id, file, json: prepared, ecGridNodes };
}

/** Writes an `n8n import:credentials` file; n8n encrypts `data` on import. */
export async function writeCredential(
	outDir: string,
	credential: CredentialRef,
	type: string,
	data: Record<string, string>,
): Promise<string> {
	const file = join(outDir, `credential-${credential.id}.json`);
	const rows = [{ ...credential, type, data }];
	await writeFile(file, JSON.stringify(rows, null, '\t'));
	return file;
}

export async function writeApiKeyCredential(
	outDir: string,
	credential: CredentialRef,
	data: { apiKey: string; baseUrl: string },
): Promise<string> {
	return await writeCredential(outDir, credential, API_CREDENTIAL_TYPE, data);
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
