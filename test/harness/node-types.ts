import { NodeHelpers } from 'n8n-workflow';
import type { IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';

import { DataTableStore } from './data-tables';
import type { NodePackage } from './package-loader';
import { createStandIns } from './stand-ins';

/**
 * The node types a harness run knows: the package's own nodes, typed `<package>.<name>` as n8n
 * types an installed community package (and `CUSTOM.<name>` as it types custom-folder nodes),
 * plus the `n8n-nodes-base` stand-ins (the Data Table one over `dataTables`).
 */
export class NodeTypeRegistry implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	constructor(nodePackage: NodePackage, dataTables: DataTableStore = new DataTableStore()) {
		for (const standIn of createStandIns(dataTables)) {
			this.types.set(`n8n-nodes-base.${standIn.description.name}`, standIn);
		}
		for (const node of nodePackage.nodes) {
			this.types.set(`${nodePackage.name}.${node.description.name}`, node);
			this.types.set(`CUSTOM.${node.description.name}`, node);
		}
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types.get(nodeType);
		if (type === undefined) {
			const known = [...this.types.keys()].join(', ');
			throw new Error(`The harness does not know node type "${nodeType}" (it knows: ${known})`);
		}
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries([...this.types.keys()].map((name) => [name, {}]));
	}
}
