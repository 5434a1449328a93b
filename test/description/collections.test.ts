/**
 * Every "Add Option" list of the three nodes, in the order n8n's lint asks of a collection
 * (n8n-nodes-base/node-param-collection-type-unsorted-items: alphabetical by display name). The
 * lint cannot see lists built from spreads and helpers, so the built descriptions are read here.
 */
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { loadPackage } from '../harness';

// Each node of this package is a plain INodeType, so its description has the properties.
const collections = loadPackage().nodes.flatMap(({ description }) =>
	(description as INodeTypeDescription).properties
		.filter((property) => property.type === 'collection')
		.map((property) => [`${description.displayName} → ${property.name}`, property] as const),
);

describe('collections', () => {
	it('covers the Options of all three nodes', () => {
		expect(new Set(collections.map(([where]) => where.split(' → ')[0]))).toEqual(
			new Set(['ECGridOS', 'ECGridOS Trigger', 'ECGrid EDI']),
		);
	});

	it.each(collections)('%s lists its options alphabetically', (_where, collection) => {
		const names = (collection.options as INodeProperties[]).map((option) => option.displayName);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});
});
