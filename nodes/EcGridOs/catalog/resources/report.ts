import type { ResourceEntry } from '../types';

export const reportResource: ResourceEntry = {
	name: 'Report',
	value: 'report',
	defaultOperation: 'getMailboxStats',
	operations: {
		getByDateRange: {
			name: 'Get by Date Range',
			action: 'Get a report for a date range',
			description:
				'One of the numbered ECGrid reports for a mailbox you name between two dates, as table rows',
			calls: { call: 'ReportByDateEx' },
		},
		getInstantStats: {
			name: 'Get Instant Stats',
			action: 'Get instant traffic statistics',
			description: 'Traffic counts of the session mailbox over two short windows of recent minutes',
			calls: { call: 'ReportInstantStats' },
			fields: {
				Minutes1: { default: 15 },
				Minutes2: { default: 60 },
			},
		},
		getInstantStatsForMailbox: {
			name: 'Get Instant Stats for Mailbox',
			action: 'Get instant traffic statistics for a given mailbox',
			description:
				'Traffic counts of a mailbox you name, optionally of one ECGrid ID, over two recent windows',
			calls: { call: 'ReportInstantStatsEx' },
			fields: {
				ECGridID: {
					optional: true,
					description: 'Only traffic of this ECGrid ID; empty for the whole mailbox',
				},
				Minutes1: { default: 15 },
				Minutes2: { default: 60 },
			},
		},
		getInterchangeStats: {
			name: 'Get Interchange Stats',
			action: 'Get interchange statistics',
			description:
				'Interchange counts of a mailbox in one direction between two times, as table rows',
			calls: { call: 'ReportInterchangeStats', ex: 'ReportInterchangeStatsEx' },
		},
		getMailboxInterchangeStats: {
			name: 'Get Mailbox Interchange Stats',
			action: 'Get interchange statistics of a mailbox',
			description: 'Summary interchange counts of a mailbox, as table rows',
			calls: { call: 'ReportMailboxInterchangeStats', ex: 'ReportMailboxInterchangeStatsEx' },
		},
		getMailboxStats: {
			name: 'Get Mailbox Parcel Stats',
			action: 'Get parcel statistics of a mailbox',
			description: 'Summary parcel counts of a mailbox, as table rows',
			calls: { call: 'ReportMailboxStats', ex: 'ReportMailboxStatsEx' },
		},
		getMonthly: {
			name: 'Get Monthly Report',
			action: 'Get a monthly report',
			description:
				'One of the numbered ECGrid reports for a mailbox over one calendar month, as table rows',
			calls: { call: 'ReportMonthly', ex: 'ReportMonthlyEx' },
			fields: {
				Month: { description: 'Any moment in the month to report on' },
			},
		},
		getPublicTrafficStats: {
			name: 'Get Public Traffic Stats',
			action: 'Get public traffic statistics',
			description:
				'Traffic across the whole ECGrid network over the last three days, as table rows',
			calls: { call: 'ReportTrafficStatsPublic' },
		},
		getTrafficStats: {
			name: 'Get Traffic Stats',
			action: 'Get traffic statistics',
			description:
				'Traffic of a mailbox in a number of hours, days, weeks or months up to a given time',
			calls: { call: 'ReportTrafficStats', ex: 'ReportTrafficStatsEx' },
			fields: {
				NumPeriods: { default: 7 },
				Period: { default: 'Day' },
			},
		},
	},
};
