import type { ResourceEntry } from '../types';

export const callbackResource: ResourceEntry = {
	name: 'Callback',
	value: 'callback',
	defaultOperation: 'get',
	operations: {
		create: {
			name: 'Create',
			action: 'Create a callback',
			description:
				'Have ECGrid call a URL of yours whenever an object of a mailbox reaches a given status',
			calls: { call: 'CallBackAddEx' },
			fields: {
				UserID: {
					optional: true,
					description: 'Only events caused by this ECGrid user; empty for all',
				},
				ObjectStatus: { description: 'The status number of the object that fires the call' },
				MaxRetries: { default: 3 },
				URL: { description: 'The address ECGrid sends the HTTP call to' },
				Status: { default: 'Active' },
			},
		},
		get: {
			name: 'Get',
			action: 'Get a callback',
			description: 'Settings of one callback event, with its latest queued calls',
			calls: { call: 'CallBackEventInfo' },
			fields: {
				QueueCount: { default: 10 },
			},
		},
		getFailedCalls: {
			name: 'Get Failed Calls',
			action: 'Get failed callback calls',
			description: 'Calls to your URLs that ran out of retries in the last days',
			calls: { call: 'CallBackFailedList', ex: 'CallBackFailedListEx' },
			fields: {
				MaxDays: { default: 30 },
			},
		},
		getMany: {
			name: 'Get Many',
			action: 'Get many callbacks',
			description: 'The callback events set up for a mailbox',
			calls: { call: 'CallBackEventListEx' },
		},
		getPendingCalls: {
			name: 'Get Pending Calls',
			action: 'Get pending callback calls',
			description: 'Calls to your URLs that ECGrid has queued and not yet completed',
			calls: { call: 'CallBackPendingList', ex: 'CallBackPendingListEx' },
		},
		getPendingCallsExcludingNetworks: {
			name: 'Get Pending Calls Excluding Networks',
			action: 'Get pending callback calls except for some networks',
			description: 'Queued calls of a mailbox you name, leaving out those of the networks you list',
			calls: { call: 'CallBackPendingListExA' },
		},
		getCall: {
			name: 'Get Queued Call',
			action: 'Get a queued callback call',
			description: 'One call ECGrid made or will make, with its tries and their results',
			calls: { call: 'CallBackQueueInfo' },
		},
		sendTestCall: {
			name: 'Send Test Call',
			action: 'Send a test call for a callback',
			description:
				'Queue a test call of a callback event, as if a given parcel or interchange had fired it',
			calls: { call: 'CallBackTest' },
			fields: {
				ParcelID: {
					optional: true,
					description: 'The parcel the test call reports; empty for none',
				},
				InterchangeID: {
					optional: true,
					description: 'The interchange the test call reports; empty for none',
				},
				UserID: { optional: true, description: 'The user the test call reports; empty for none' },
			},
		},
		setStatus: {
			name: 'Set Status',
			action: 'Set the status of a callback',
			description: 'Turn a callback event on, suspend it or end it',
			calls: { call: 'CallBackEventSetStatus' },
			destroys:
				'The previous status is replaced; a suspended or terminated callback stops calling your URL for new events',
			fields: {
				Status: { default: 'Active' },
			},
		},
	},
};
