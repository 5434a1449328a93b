import { readFileSync } from 'node:fs';
import type { IConnections, IDataObject, INode, IPinData, IWorkflowSettings } from 'n8n-workflow';

/** A workflow as n8n's editor exports it and `n8n import:workflow` accepts it. */
export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
	staticData?: IDataObject | null;
	active?: boolean;
}

/** Reads an exported workflow file; fails early on anything that is not a workflow. */
export function loadWorkflowFile(path: string): WorkflowJson {
	const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<WorkflowJson>;
	if (!Array.isArray(parsed.nodes) || typeof parsed.connections !== 'object') {
		throw new Error(`${path} is not an n8n workflow export (needs "nodes" and "connections")`);
	}
	return parsed as WorkflowJson;
}
