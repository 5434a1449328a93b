import type { ResourceEntry } from '../types';

export const carbonCopyResource: ResourceEntry = {
	name: 'Carbon Copy',
	value: 'carbonCopy',
	defaultOperation: 'get',
	operations: {
		activate: {
			name: 'Activate',
			action: 'Activate a carbon copy',
			description: 'Start copying traffic again under a suspended carbon copy rule',
			calls: { call: 'CarbonCopyActivate' },
		},
		create: {
			name: 'Create',
			action: 'Create a carbon copy',
			description:
				'Copy traffic between two ECGrid IDs to a second pair of IDs, and get back the rule ID',
			calls: { call: 'CarbonCopyAdd', ex: 'CarbonCopyAddEx' },
			resultName: 'carbonCopyId',
			fields: {
				ECGridIDFrom: { description: 'The sender whose traffic is copied' },
				ECGridIDTo: { description: 'The receiver whose traffic is copied' },
				GSFrom: { description: 'Only groups with this GS sender code; empty for all' },
				GSTo: { description: 'Only groups with this GS receiver code; empty for all' },
				TransactionSet: { description: 'Only this transaction set, such as 850; empty for all' },
			},
		},
		get: {
			name: 'Get',
			action: 'Get a carbon copy',
			description: 'The original and copy partners, filters and status of one carbon copy rule',
			calls: { call: 'CarbonCopyInfo' },
		},
		getMany: {
			name: 'Get Many',
			action: 'Get many carbon copies',
			description: 'The carbon copy rules of a mailbox, optionally for one sender or receiver',
			calls: { call: 'CarbonCopyList', ex: 'CarbonCopyListEx' },
			fields: {
				ECGridIDFrom: { optional: true, description: 'Only rules for this sender; empty for any' },
				ECGridIDTo: { optional: true, description: 'Only rules for this receiver; empty for any' },
			},
		},
		suspend: {
			name: 'Suspend',
			action: 'Suspend a carbon copy',
			description: 'Pause a carbon copy rule until it is activated again',
			calls: { call: 'CarbonCopySuspend' },
			destroys:
				'Traffic is no longer copied while the rule is suspended; copies missed meanwhile are not made later',
		},
		terminate: {
			name: 'Terminate',
			action: 'End a carbon copy rule for good',
			description: 'Close a carbon copy rule so its traffic is no longer copied',
			calls: { call: 'CarbonCopyTerminate' },
			destroys: 'The rule ends for good and cannot be activated again',
		},
	},
};
