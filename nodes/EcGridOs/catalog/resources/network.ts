import type { ResourceEntry } from '../types';

export const networkResource: ResourceEntry = {
	name: 'Network',
	value: 'network',
	defaultOperation: 'get',
	operations: {
		get: {
			name: 'Get',
			action: 'Get a network',
			description: 'Name, location, type, status and contacts of one network',
			calls: { call: 'NetworkInfo' },
		},
		getContact: {
			name: 'Get Contact',
			action: 'Get a contact of a network',
			description: 'The user a network names for one role, such as errors or interconnects',
			calls: { call: 'NetworkGetContact' },
		},
		getMany: {
			name: 'Get Many',
			action: 'Get many networks',
			description: 'The networks on ECGrid, optionally only those whose name matches',
			calls: { call: 'NetworkList' },
			fields: {
				Name: { description: 'Only networks whose name matches this text; empty lists them all' },
			},
		},
		getOutages: {
			name: 'Get Outages',
			action: 'Get networks with an outage',
			description: 'The networks that are down or not connecting right now',
			calls: { call: 'NetworkOutageList' },
		},
		getStatusSummary: {
			name: 'Get Status Summary',
			action: 'Get a status summary of the networks',
			description: 'A summary of how the networks are running, as table rows',
			calls: { call: 'NetworkStatusSummary' },
		},
		getWithLog: {
			name: 'Get with Log',
			action: 'Get a network with its latest log entry',
			description: 'The same details as Get, plus the last entry written to the network log',
			calls: { call: 'NetworkInfoWithLog' },
		},
		setContact: {
			name: 'Set Contact',
			action: 'Set a contact of a network',
			description: 'Name the user a network reaches for one role, such as errors or reports',
			calls: { call: 'NetworkSetContact' },
			fields: {
				UserID: { description: 'The ECGrid user who becomes the contact for this role' },
			},
		},
		setRootDeleteOnDownload: {
			name: 'Set Root Delete on Download',
			action: 'Set delete on download for the root mailbox of a network',
			description:
				'Choose whether parcels leave the InBox of the network root mailbox as soon as they are downloaded',
			calls: { call: 'NetworkRootDeleteOnDownload' },
			destroys:
				'When turned on, a download takes the root mailbox parcel out of its InBox at once, with no confirm step to retry a failed transfer',
		},
		setWebsite: {
			name: 'Set Website',
			action: 'Set a website of a network',
			description: 'Record the home, support or login web address of a network',
			calls: { call: 'NetworkSetWebsite' },
		},
		setX12Delimiters: {
			name: 'Set X12 Delimiters',
			action: 'Set the X12 delimiters of a network',
			description:
				'Override the segment terminator and element separators used for X12 on a network',
			calls: { call: 'NetworkX12Delimiters' },
		},
		update: {
			name: 'Update',
			action: 'Update a network',
			description: 'Change the name and location of a network',
			calls: { call: 'NetworkUpdate' },
		},
	},
};
