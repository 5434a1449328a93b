/** Labels the editor should show, read from the built node so the UI check follows the code. */
import { join } from 'node:path';

import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { repoRoot } from './paths';

export interface EditorExpectations {
	displayName: string;
	/** displayName of every top-level parameter the generate operation shows. */
	fields: string[];
	bindingLabels: string[];
	/** Every resource's display name. */
	resources: string[];
}

interface NodeModule {
	EcGridOs: new () => { description: INodeTypeDescription };
}

function find(properties: INodeProperties[], name: string): INodeProperties {
	const property = properties.find((candidate) => candidate.name === name);
	if (!property) throw new Error(`built node has no parameter "${name}"`);
	return property;
}

export function editorExpectations(): EditorExpectations {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const nodeModule = require(
		join(repoRoot, 'dist', 'nodes', 'EcGridOs', 'EcGridOs.node.js'),
	) as NodeModule;
	const { description } = new nodeModule.EcGridOs();
	const properties = description.properties;
	const options = find(properties, 'options');
	const binding = (options.options as INodeProperties[]).find(
		(option) => option.name === 'binding',
	);
	if (!binding?.options) throw new Error('built node has no binding option');
	return {
		displayName: description.displayName,
		fields: ['resource', 'operation', 'userId'].map((name) => find(properties, name).displayName),
		bindingLabels: binding.options.map((option) => ('name' in option ? option.name : '')),
		resources: (find(properties, 'resource').options ?? []).map((option) =>
			'name' in option ? option.name : '',
		),
	};
}
