import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DataTableStore, type ColumnType } from '../harness/data-tables';
import { loadWorkflowFile, type WorkflowJson } from '../harness/workflow-file';

export const RECEIVE_EDI_EXAMPLE = join(
	__dirname,
	'..',
	'..',
	'examples',
	'receive-edi.workflow.json',
);
export const ERP_NODE = 'Send the order to the ERP';
export const ALERT_NODE = 'Alert: invalid EDI';
export const DUPLICATE_ALERT_NODE = 'Alert: duplicate interchange';
export const ERP_PATH = '/erp/orders';
export const ALERT_PATH = '/hooks/edi';

/** The POST body the example sends the ERP for the simulator's sample 850 (PO-4711). */
export const SAMPLE_ORDER = {
	transactionSet: '850',
	sender: 'GLOBEXRETAIL',
	poNumber: 'PO-4711',
	orderDate: '20260102',
	lines: [
		{ line: '1', quantity: '24', unit: 'CA', price: '18.50', item: 'ACME-OAT-500' },
		{ line: '2', quantity: '12', unit: 'CA', price: '22.00', item: 'ACME-RYE-750' },
	],
};

/**
 * The shipped Receive EDI example with its ERP and alert URLs pointed at `sinkUrl` and the
 * trigger polling every `pollInterval` seconds; everything else as a user imports it.
 */
export function receiveEdiExample(sinkUrl: string, pollInterval = 1): WorkflowJson {
	const workflow = loadWorkflowFile(RECEIVE_EDI_EXAMPLE);
	for (const node of workflow.nodes) {
		if (node.name === ERP_NODE) node.parameters.url = `${sinkUrl}${ERP_PATH}`;
		if (node.name === ALERT_NODE || node.name === DUPLICATE_ALERT_NODE)
			node.parameters.url = `${sinkUrl}${ALERT_PATH}`;
		if (node.type.endsWith('.ecGridOsTrigger')) node.parameters.pollInterval = pollInterval;
	}
	return workflow;
}

/** The Data Tables the EDI examples use (examples/edi-tables.json): name → column → type. */
export const EDI_TABLES = JSON.parse(
	readFileSync(join(__dirname, '..', '..', 'examples', 'edi-tables.json'), 'utf8'),
) as Record<string, Record<string, ColumnType>>;

/** A fresh instance's worth of the examples' tables, empty. */
export function ediTables(): DataTableStore {
	return new DataTableStore(EDI_TABLES);
}
