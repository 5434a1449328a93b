import { join } from 'node:path';

import { loadWorkflowFile, type WorkflowJson } from '../harness/workflow-file';

export const SEND_EDI_EXAMPLE = join(__dirname, '..', '..', 'examples', 'send-edi.workflow.json');
export const SEND_WEBHOOK_NODE = 'Orders shipped (from the ERP)';
export const SEND_WEBHOOK_PATH = 'edi/shipped-orders';

/** A shipped order as the stand-in ERP posts it to Send EDI: two lines, to Globex. */
export function shippedOrder(number: number) {
	return {
		buyer: { qualifier: 'ZZ', id: 'GLOBEXRETAIL' },
		poNumber: `PO-${number}`,
		orderDate: '20261201',
		invoiceNumber: `INV-${number}`,
		invoiceDate: '20261207',
		shipmentId: `SN-${number}`,
		shipDate: '20261207',
		carrier: 'ROADRUNNER FREIGHT',
		shipTo: { name: 'GLOBEX RETAIL DC 4', code: '0004' },
		lines: [
			{ line: 1, item: 'ACME-OAT-500', quantity: 24, unit: 'CA', price: 18.5 },
			{ line: 2, item: 'ACME-RYE-750', quantity: 12, unit: 'CA', price: 22 },
		],
	};
}

/** The Settings node's assignment `name` of an example (Send EDI, Watch Acknowledgments). */
export function setting(workflow: WorkflowJson, name: string): { name: string; value: unknown } {
	const settings = workflow.nodes.find((node) => node.name === 'Settings');
	const assignments =
		(settings?.parameters.assignments as { assignments?: Array<{ name: string; value: unknown }> })
			?.assignments ?? [];
	const found = assignments.find((assignment) => assignment.name === name);
	if (!found) throw new Error(`${workflow.name}: no "${name}" in its Settings node`);
	return found;
}

/** The shipped Send EDI example, its acknowledgment due time set to `dueHours`. */
export function sendEdiExample(dueHours?: number): WorkflowJson {
	const workflow = loadWorkflowFile(SEND_EDI_EXAMPLE);
	if (dueHours !== undefined) setting(workflow, 'acknowledgmentDueHours').value = dueHours;
	return workflow;
}
