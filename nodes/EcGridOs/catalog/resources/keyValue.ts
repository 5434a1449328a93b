import type { ResourceEntry } from '../types';

export const keyValueResource: ResourceEntry = {
	name: 'Key-Value Store',
	value: 'keyValue',
	defaultOperation: 'get',
	operations: {
		delete: {
			name: 'Delete',
			action: 'Delete a stored value',
			description: 'Remove the value stored under a key on an ECGrid object',
			calls: { call: 'KeyRemove' },
			destroys:
				'The stored value and its meta text are gone for good; later reads of the key find nothing',
		},
		get: {
			name: 'Get',
			action: 'Get a stored value',
			description:
				'The value and meta text stored under a key on an ECGrid object, with its expiry',
			calls: { call: 'KeyGet' },
		},
		getMany: {
			name: 'Get Many',
			action: 'Get many stored values',
			description: 'Every key and value stored on an ECGrid object',
			calls: { call: 'KeyList' },
		},
		set: {
			name: 'Set',
			action: 'Store a value for some days',
			description: 'Store a value under a key on an ECGrid object, kept for a number of days',
			calls: { call: 'KeySet' },
			destroys: 'A value already stored under the same key, object and visibility is overwritten',
			fields: {
				DaysToLive: { default: 30 },
			},
		},
		setForMinutes: {
			name: 'Set for Minutes',
			action: 'Store a value for some minutes',
			description: 'Store a value under a key on an ECGrid object, kept for a number of minutes',
			calls: { call: 'KeySetMinutes' },
			destroys: 'A value already stored under the same key, object and visibility is overwritten',
			fields: {
				MinutesToLive: { default: 60 },
			},
		},
	},
};
