import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType } from 'n8n-workflow';

/**
 * Stand-ins for trigger nodes the harness starts a run from, in `trigger` mode: n8n-core passes the
 * items given to runWorkflow straight through them (a tick of the Schedule Trigger gives one item,
 * a call of the Webhook node `{ headers, params, query, body }`). Their parameters are kept so
 * that the example files load; nothing listens or schedules.
 */
function startNode(name: string, displayName: string, version: number[]): INodeType {
	return {
		description: {
			displayName: `${displayName} (harness)`,
			name,
			group: ['trigger'],
			version,
			description: 'Starts the workflow with the items the harness was given',
			defaults: { name: displayName },
			inputs: [],
			outputs: [NodeConnectionTypes.Main],
			properties: [
				{ displayName: 'Rule', name: 'rule', type: 'json', default: {} },
				{ displayName: 'HTTP Method', name: 'httpMethod', type: 'string', default: 'GET' },
				{ displayName: 'Path', name: 'path', type: 'string', default: '' },
				{ displayName: 'Options', name: 'options', type: 'json', default: {} },
			],
		},
		async trigger() {
			return {};
		},
	};
}

export const createScheduleTriggerStandIn = () =>
	startNode('scheduleTrigger', 'Schedule Trigger', [1, 1.1, 1.2]);
export const createWebhookStandIn = () => startNode('webhook', 'Webhook', [1, 1.1, 2, 2.1]);
