import type { ResourceEntry } from '../types';

export const migrationResource: ResourceEntry = {
	name: 'Migration',
	value: 'migration',
	defaultOperation: 'get',
	operations: {
		addTradingPartner: {
			name: 'Add Trading Partner',
			action: 'Add a trading partner to a migration',
			description: 'Put one ECGrid ID into a batch of a migration plan',
			calls: { call: 'MigrationAddTP' },
		},
		create: {
			name: 'Create',
			action: 'Create a migration',
			description:
				'Plan a move of trading partners to a target network and mailbox, and get back its ID',
			calls: { call: 'MigrationAdd', ex: 'MigrationAddEx' },
			resultName: 'migrationId',
		},
		get: {
			name: 'Get',
			action: 'Get a migration',
			description: 'The networks, mailboxes, batches, trading partners and notes of one migration',
			calls: { call: 'MigrationInfo' },
			fields: {
				MigrationBatchID: {
					optional: true,
					description: 'Only this batch of the migration; empty for all',
				},
			},
		},
		getMany: {
			name: 'Get Many',
			action: 'Get many migrations',
			description: 'The migrations of a mailbox in one status, or in all of them',
			calls: { call: 'MigrationList', ex: 'MigrationListEx' },
		},
	},
};
