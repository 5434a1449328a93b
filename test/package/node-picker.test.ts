/**
 * The node picker, searched as n8n's editor searches it: n8n's own fuzzy search (@n8n/utils, which
 * n8n-core and n8n-workflow bring) with its default keys, each node's display name and its codex
 * aliases, over the node types n8n-core's package loader reads from dist/.
 */
import { PackageDirectoryLoader } from 'n8n-core';
import type { INodeTypeDescription } from 'n8n-workflow';
import { sublimeSearch } from '@n8n/utils/search/sublime-search';

import { REPO_ROOT } from '../harness';

let nodes: Array<{ key: string; properties: INodeTypeDescription }>;

beforeAll(async () => {
	const loader = new PackageDirectoryLoader(REPO_ROOT);
	await loader.loadAll();
	nodes = loader.types.nodes.map((properties) => ({ key: properties.name, properties }));
});

/** The nodes a search finds, as the editor does it: it drops "trigger" from what is typed. */
function found(typed: string): string[] {
	const filter = typed.toLowerCase().replace('trigger', '');
	return sublimeSearch(filter, nodes).map(({ item }) => item.key);
}

describe('the node picker', () => {
	it.each(['EDI', 'X12', 'EDIFACT', 'VAN', 'Parcel', 'Mailbox', 'Loren Data', 'AS2'])(
		'finds the ECGridOS node by "%s"',
		(typed) => {
			expect(found(typed)).toContain('ecGridOs');
		},
	);

	it.each(['EDI', 'X12', 'EDIFACT', 'VAN', 'Parcel', 'InBox'])(
		'finds the ECGridOS Trigger by "%s"',
		(typed) => {
			expect(found(typed)).toContain('ecGridOsTrigger');
		},
	);

	it.each(['EDI', 'X12', 'EDIFACT', '997', 'CONTRL', 'Acknowledgment'])(
		'finds ECGrid EDI by "%s"',
		(typed) => {
			expect(found(typed)).toContain('ecGridEdi');
		},
	);

	it('finds all three by "ECGrid"', () => {
		expect(found('ECGrid').sort()).toEqual(['ecGridEdi', 'ecGridOs', 'ecGridOsTrigger']);
	});
});
