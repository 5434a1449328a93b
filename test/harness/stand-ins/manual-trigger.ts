import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	INodeType,
	INodeTypeDescription,
	ITriggerFunctions,
	ITriggerResponse,
} from 'n8n-workflow';

/**
 * Stand-in for n8n-nodes-base.manualTrigger. The harness runs workflows in `trigger` mode, where
 * n8n-core passes the items put on the execution stack straight through a trigger node: those are
 * the `items` given to runWorkflow (or one empty item, as a click on "Execute workflow" gives).
 */
export class ManualTriggerStandIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Manual Trigger (harness)',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Starts the workflow with the items the harness was given',
		defaults: { name: 'When clicking ‘Execute workflow’' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		// Only reached in `manual` mode, which the harness does not use.
		return {
			manualTriggerFunction: async () => this.emit([this.helpers.returnJsonArray([{}])]),
		};
	}
}
