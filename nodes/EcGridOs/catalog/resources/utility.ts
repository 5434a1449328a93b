import type { ResourceEntry } from '../types';

export const utilityResource: ResourceEntry = {
	name: 'Utility',
	value: 'utility',
	defaultOperation: 'getCurrentTime',
	operations: {
		formatX400Address: {
			name: 'Format X.400 Address',
			action: 'Format an X.400 address',
			description: 'Join the parts of an X.400 address into the single string ECGrid expects',
			calls: { call: 'X400Format' },
			resultName: 'x400Address',
		},
		generatePassword: {
			name: 'Generate Password',
			action: 'Create a random password of a given length',
			description: 'A new random password of the length you choose; nothing in ECGrid changes',
			calls: { call: 'GeneratePassword' },
			resultName: 'password',
			fields: {
				Length: { default: 16 },
			},
		},
		getCurrentTime: {
			name: 'Get Current Time',
			action: 'Get the current time of the service',
			description: 'The date and time on the ECGridOS servers, in UTC',
			calls: { call: 'NowUTC' },
			resultName: 'utcTime',
		},
		getDateFromHeader: {
			name: 'Get Date From Header',
			action: 'Get the date of an interchange header',
			description: 'The date and time written in an ISA or UNB envelope',
			calls: { call: 'InterchangeDate' },
			resultName: 'interchangeDate',
		},
		getStatusCodes: {
			name: 'Get Status Codes',
			action: 'Get the status codes of the system',
			description: 'Every ECGrid status code with its qualifier, message and level',
			calls: { call: 'StatusList' },
		},
	},
};
