import { LoadOptionsContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type { INodeListSearchResult } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import { CredentialStore, type HarnessCredential } from './credential-store';
import { HarnessCredentialsHelper } from './credentials-helper';
import { NodeTypeRegistry } from './node-types';
import { loadPackage } from './package-loader';
import type { WorkflowJson } from './workflow-file';

/**
 * Calls a node's listSearch method as the editor does when a user opens a "From List"
 * pick-list: through n8n-core's LoadOptionsContext, with the node's saved credentials.
 */
export async function searchList(
	workflowJson: WorkflowJson,
	nodeName: string,
	method: string,
	filter: string | undefined,
	credentials: HarnessCredential[],
): Promise<INodeListSearchResult> {
	const nodePackage = loadPackage();
	const credentialsHelper = new HarnessCredentialsHelper(
		new CredentialStore(credentials),
		nodePackage.credentials,
	);
	const workflow = new Workflow({
		id: workflowJson.id ?? 'harness-workflow',
		nodes: structuredClone(workflowJson.nodes),
		connections: structuredClone(workflowJson.connections),
		active: false,
		nodeTypes: new NodeTypeRegistry(nodePackage),
	});
	const node = workflow.getNode(nodeName);
	if (!node) throw new Error(`The workflow has no node named "${nodeName}"`);
	const context = new LoadOptionsContext(
		workflow,
		node,
		buildAdditionalData(credentialsHelper),
		'parameters',
	);
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const search = nodeType.methods?.listSearch?.[method];
	if (!search) throw new Error(`${node.type} has no listSearch method ${method}`);
	return await search.call(context, filter);
}
