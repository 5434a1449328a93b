import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type ITriggerFunctions,
	type ITriggerResponse,
} from 'n8n-workflow';

import { ecGridOsApiTest, ecGridOsLoginApiTest } from '../EcGridOs/methods/credentialTest';
import { listSearch } from '../EcGridOs/methods/listSearch';
import { API_KEY_CREDENTIAL, LOGIN_CREDENTIAL } from '../EcGridOs/transport/constants';
import { EcGridOsClient } from '../EcGridOs/transport/ecgridosClient';
import { triggerProperties } from './description';
import { InBox } from './inbox';
import { ParcelPoller } from './poll';
import { cronFor, MAX_POLL_SECONDS } from './schedule';
import { readSettings } from './settings';

/**
 * The canvas subtitle: how often the trigger really polls, as cronFor schedules it (1 to 3600 s;
 * from 60 s on, whole minutes), not the number typed: 90 polls every minute.
 */
const SUBTITLE = `={{ (seconds => "Every " + (seconds < 60 ? seconds + " s" : Math.floor(seconds / 60) + " min"))(Math.min(${MAX_POLL_SECONDS}, Math.max(1, Math.floor(Number($parameter["pollInterval"])) || 60))) }}`;

export class EcGridOsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ECGridOS Trigger',
		name: 'ecGridOsTrigger',
		icon: { light: 'file:../EcGridOs/ecgridos.svg', dark: 'file:../EcGridOs/ecgridos.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: SUBTITLE,
		description:
			'Starts a workflow for each new parcel (EDI file) in an ECGrid mailbox InBox and confirms it after the run',
		defaults: { name: 'ECGridOS Trigger' },
		inputs: [],
		// eslint-disable-next-line n8n-nodes-base/node-class-description-outputs-wrong -- n8n now asks for NodeConnectionTypes (@n8n/community-nodes/node-connection-type-literal)
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: API_KEY_CREDENTIAL,
				required: true,
				testedBy: 'ecGridOsApiTest',
				displayOptions: { show: { authentication: ['apiKey'] } },
			},
			{
				name: LOGIN_CREDENTIAL,
				required: true,
				testedBy: 'ecGridOsLoginApiTest',
				displayOptions: { show: { authentication: ['login'] } },
			},
		],
		properties: triggerProperties,
	};

	methods = {
		credentialTest: { ecGridOsApiTest, ecGridOsLoginApiTest },
		// Network ID and Mailbox ID are pick-lists filled as the node's are.
		listSearch,
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const settings = readSettings(this);
		const authentication = this.getNodeParameter('authentication', 'apiKey') as string;
		const credentialType = authentication === 'login' ? LOGIN_CREDENTIAL : API_KEY_CREDENTIAL;
		const inbox = new InBox(
			() => new EcGridOsClient(this, credentialType),
			settings.callOptions,
			settings.mailbox,
		);
		const poller = new ParcelPoller(this, inbox, credentialType, settings.poll);

		const manualTriggerFunction = async () => await poller.fetchNewest();
		// "Fetch Test Event" polls once, on demand; only an active workflow schedules polls.
		if (this.getMode() !== 'manual') {
			this.helpers.registerCron({ expression: cronFor(settings.pollSeconds) }, () =>
				poller.onTick(),
			);
		}
		// n8n removes the cron itself on deactivation; closing stops a poll from emitting after it.
		return { closeFunction: async () => await poller.close(), manualTriggerFunction };
	}
}
