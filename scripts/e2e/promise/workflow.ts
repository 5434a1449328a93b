/**
 * The workflow the promise scenarios publish: ECGridOS Trigger (every second, one sender's
 * parcels, short leases so that recovery fits in a test) → Parcel → Download → HTTP Request
 * posting the file to the test's ERP. A run succeeds when the ERP took the file.
 */
import type { CredentialRef, WorkflowJson } from '../workflows';

export interface PromiseWorkflowOptions {
	id: string;
	/** n8n's type names for the trigger and the node, per install route. */
	triggerType: string;
	nodeType: string;
	credential: CredentialRef;
	networkId: number;
	mailboxId: number;
	/** Only parcels from this sender: each scenario has its own. */
	ecGridIdFrom: number;
	erpUrl: string;
	leaseMinutes: number;
	recoverMinutes: number;
	/**
	 * End the workflow with Parcel → Confirm Download (the trigger's own confirm then finds the
	 * parcel gone): a run whose end n8n never reports has already confirmed its parcel.
	 */
	confirmInWorkflow?: boolean;
}

export function promiseWorkflow(options: PromiseWorkflowOptions): WorkflowJson {
	const credentials = { ecGridOsApi: options.credential };
	const workflow: WorkflowJson = {
		id: options.id,
		name: `Trigger promise (${options.id})`,
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {
			'ECGridOS Trigger': { main: [[{ node: 'Download', type: 'main', index: 0 }]] },
			Download: { main: [[{ node: 'Deliver to the ERP', type: 'main', index: 0 }]] },
		},
		nodes: [
			{
				id: 'promise-trigger',
				name: 'ECGridOS Trigger',
				type: options.triggerType,
				typeVersion: 1,
				position: [0, 0],
				credentials,
				parameters: {
					pollInterval: 1,
					networkId: options.networkId,
					mailboxId: options.mailboxId,
					ecGridIdFrom: options.ecGridIdFrom,
					maxParcels: 25,
					confirmWhen: 'workflowSucceeds',
					options: {
						leaseMinutes: options.leaseMinutes,
						recoverMinutes: options.recoverMinutes,
					},
				},
			},
			{
				id: 'promise-download',
				name: 'Download',
				type: options.nodeType,
				typeVersion: 1,
				position: [220, 0],
				credentials,
				parameters: {
					resource: 'parcel',
					operation: 'download',
					parcelId: '={{ $json.parcelId }}',
					options: {},
				},
			},
			{
				id: 'promise-deliver',
				name: 'Deliver to the ERP',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [440, 0],
				parameters: {
					method: 'POST',
					url: `={{ '${options.erpUrl}?parcelId=' + $('ECGridOS Trigger').item.json.parcelId }}`,
					sendBody: true,
					contentType: 'binaryData',
					inputDataFieldName: 'data',
					options: {},
				},
			},
		],
	};
	if (options.confirmInWorkflow) {
		workflow.connections['Deliver to the ERP'] = {
			main: [[{ node: 'Confirm Download', type: 'main', index: 0 }]],
		};
		workflow.nodes.push({
			id: 'promise-confirm',
			name: 'Confirm Download',
			type: options.nodeType,
			typeVersion: 1,
			position: [660, 0],
			credentials,
			parameters: {
				resource: 'parcel',
				operation: 'confirmDownload',
				parcelId: "={{ $('ECGridOS Trigger').item.json.parcelId }}",
				options: {},
			},
		});
	}
	return workflow;
}
