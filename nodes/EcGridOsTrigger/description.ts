import type { INodeProperties } from 'n8n-workflow';

import { authenticationProperty, optionsProperty } from '../EcGridOs/actions/common.descriptions';
import { locatorProperty } from '../EcGridOs/description/fieldProperty';
import { ENUM_TYPES } from '../EcGridOs/soap/wsdl/operations.generated';
import { MAX_POLL_SECONDS } from './schedule';

/** Default lease when the workflow has no timeout of its own. */
export const DEFAULT_LEASE_MINUTES = 60;
/** Default wait before a downloaded, unconfirmed parcel that no run holds is reset. */
export const DEFAULT_RECOVER_MINUTES = 10;
export const MAX_PARCELS_PER_POLL = 100;

const callOption = (name: string) =>
	(optionsProperty.options as INodeProperties[]).find((option) => option.name === name)!;

/**
 * A pick-list of the node's networks or mailboxes, or an ID typed in. Workflows saved when these
 * were numbers keep their number: settings.ts reads both.
 */
function idLocator(
	displayName: string,
	name: string,
	noun: 'network' | 'mailbox',
	description: string,
): INodeProperties {
	return { displayName, name, ...locatorProperty(noun), description };
}

export const triggerProperties: INodeProperties[] = [
	authenticationProperty,
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_POLL_SECONDS, numberPrecision: 0 },
		default: 60,
		description:
			'How often to look into the InBox. Polls follow the clock: a value that does not divide 60 (e.g. 45) polls at :00 and :45 of each minute; 60 and more are rounded down to whole minutes.',
	},
	idLocator(
		'Network ID',
		'networkId',
		'network',
		"The network of the mailbox to watch. Leave empty, with Mailbox ID, for the credential's own mailbox.",
	),
	idLocator(
		'Mailbox ID',
		'mailboxId',
		'mailbox',
		"The mailbox whose InBox to watch. Leave empty, with Network ID, for the credential's own mailbox.",
	),
	{
		displayName: 'Partner ECGridID From',
		name: 'ecGridIdFrom',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 0,
		description: 'Only parcels sent by this ECGrid ID; 0 for any sender',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		// ECGrid users know these by their WSDL names.
		options: [...(ENUM_TYPES.ParcelStatus ?? [])]
			.sort((a, b) => a.localeCompare(b))
			.map((value) => ({ name: value, value })),
		default: 'InBoxReady',
		description: 'Start a run for parcels with this status; InBoxReady means not yet downloaded',
	},
	{
		displayName: 'Max Parcels per Poll',
		name: 'maxParcels',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_PARCELS_PER_POLL, numberPrecision: 0 },
		default: 25,
		description: 'At most this many runs start per poll, oldest parcels first; the rest wait',
	},
	{
		displayName: 'Confirm Download When',
		name: 'confirmWhen',
		type: 'options',
		options: [
			{
				name: 'Workflow Succeeds',
				value: 'workflowSucceeds',
				description:
					'Confirm after a run without error; after a failed run reset the parcel so it is offered again',
			},
			{
				name: 'Workflow Finishes',
				value: 'workflowFinishes',
				description: 'Confirm once the run is over, whether it failed or not',
			},
			{
				name: 'Immediately',
				value: 'immediately',
				description:
					'Confirm as soon as the run starts: a failed run does not get the parcel again',
			},
			{
				name: 'Later in Workflow',
				value: 'laterInWorkflow',
				description:
					'Confirm nothing: end the workflow with ECGridOS Parcel → Confirm Download (or Reset Download)',
			},
		],
		default: 'workflowSucceeds',
		description: 'When the parcel leaves the InBox (ParcelDownloadConfirm)',
	},
	{
		displayName:
			'A parcel downloaded and never confirmed (by a test run from the editor, by hand, or by a run cut off by a restart) is reset and offered again once no run has held it for the recovery time (Options, 10 minutes by default)',
		name: 'recoveryNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { confirmWhen: ['workflowSucceeds', 'workflowFinishes'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		// Alphabetical, as n8n's lint asks of a collection's options.
		options: [
			callOption('binding'),
			{
				displayName: 'Lease Timeout (Minutes)',
				name: 'leaseMinutes',
				type: 'number',
				typeOptions: { minValue: 0.01 },
				default: DEFAULT_LEASE_MINUTES,
				description:
					"How long a parcel is held for its run before it may start another. The workflow's own timeout (Settings → Timeout Workflow) wins when set.",
			},
			{
				displayName: 'Recover Unconfirmed Parcels After (Minutes)',
				name: 'recoverMinutes',
				type: 'number',
				typeOptions: { minValue: 0.01 },
				default: DEFAULT_RECOVER_MINUTES,
				description:
					'How long a downloaded, unconfirmed parcel that no run holds stays so before it is reset and offered again (in the Workflow Succeeds and Workflow Finishes modes)',
			},
			callOption('timeout'),
		],
	},
];
