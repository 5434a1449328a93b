import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	acceptedSetsOf,
	answerEncoding,
	byPartners,
	createContrl,
	createX12Acknowledgment,
	interchangeContext,
	readEdi,
	VERDICT_WORDS,
	type Interchange,
	type X12AckOptions,
} from '../../shared/edi';
import {
	claimControlNumber,
	controlNumberOf,
	controlNumberProperty,
	type RunState,
} from './controlNumber';
import { decodedContentOf } from './input';
import { outputFileProperty } from './output';

const show = { show: { operation: ['createAcknowledgment'] } };

export const createAcknowledgmentProperties: INodeProperties[] = [
	controlNumberProperty(
		'createAcknowledgment',
		'ISA13 and GS06 (UNB05) of the acknowledgment: a whole number from 1 to 999999999 that must not repeat for this partner. The default, the execution ID, comes from n8n’s database and never repeats in one instance.',
	),
	{
		displayName: 'X12 Acknowledgment',
		name: 'x12Acknowledgment',
		type: 'options',
		noDataExpression: true,
		displayOptions: show,
		options: [
			{
				name: '997 Functional Acknowledgment',
				value: '997',
				description: 'For 004010 and 005010 partners (AK3/AK4/AK5)',
			},
			{
				name: '999 Implementation Acknowledgment',
				value: '999',
				description: '005010X231A1 (IK3/IK4/IK5)',
			},
		],
		default: '997',
		description: 'What an X12 interchange gets; an EDIFACT interchange always gets a CONTRL',
	},
	{
		displayName: 'TA1 Interchange Acknowledgment',
		name: 'ta1',
		type: 'options',
		noDataExpression: true,
		displayOptions: show,
		options: [
			{ name: 'When Requested (ISA14 = 1)', value: 'whenRequested' },
			{ name: 'Always', value: 'always' },
			{ name: 'Never', value: 'never' },
		],
		default: 'whenRequested',
		description:
			'When to add a TA1 answering each X12 interchange envelope. An EDIFACT interchange gets none: its CONTRL answers the UNB.',
	},
	{
		displayName: 'Include Accepted Sets',
		name: 'acceptedSets',
		type: 'boolean',
		displayOptions: show,
		default: false,
		description:
			'Whether to list every set (AK2 / UCM), not only those with errors; groups and interchanges are always answered',
	},
	outputFileProperty('createAcknowledgment', 'acknowledgment'),
];

/**
 * Create Acknowledgment: the 997/999 (+TA1) or CONTRL for one received file, as a binary file;
 * one file per partner when the file holds interchanges from several (each is addressed to its
 * own sender), all under the item's control number. An acknowledgment is never acknowledged:
 * such input yields no item.
 */
export async function createAcknowledgment(
	this: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<[INodeExecutionData[]]> {
	const { text, encoding } = await decodedContentOf(this, itemIndex);
	const controlNumber = controlNumberOf(this, itemIndex);
	const now = new Date();
	const acceptedSets = this.getNodeParameter('acceptedSets', itemIndex, false) as boolean;
	const x12Kind = this.getNodeParameter('x12Acknowledgment', itemIndex, '997') as '997' | '999';
	const ta1 = this.getNodeParameter('ta1', itemIndex, 'whenRequested') as X12AckOptions['ta1'];
	const property = this.getNodeParameter('outputBinaryPropertyName', itemIndex, 'data') as string;
	const acks = byPartners(readEdi(text, { shape: false }))
		.map((interchanges) =>
			interchanges[0].standard === 'X12'
				? createX12Acknowledgment(interchanges, {
						kind: x12Kind,
						ta1,
						acceptedSets,
						controlNumber,
						now,
					})
				: createContrl(interchanges, { acceptedSets, controlNumber, now }),
		)
		.filter((ack) => ack !== undefined);
	if (acks.length === 0) return [[]];
	// The partners differ, so one number serves every file of the item.
	claimControlNumber(this, state, controlNumber, itemIndex);
	const items: INodeExecutionData[] = [];
	for (const [index, ack] of acks.entries()) {
		const x12 = ack.answered[0].standard === 'X12';
		// An interchange with no group to answer gets its TA1 alone.
		const written = ack.groups === 0 && ack.ta1 ? 'TA1' : x12 ? x12Kind : 'CONTRL';
		const suffix = index === 0 ? '' : `-${index + 1}`;
		const fileName = `${written.toLowerCase()}-${controlNumber}${suffix}.${x12 ? 'x12' : 'edi'}`;
		const binary = await this.helpers.prepareBinaryData(
			Buffer.from(ack.text, answerEncoding(encoding)),
			fileName,
			x12 ? 'application/edi-x12' : 'application/edifact',
		);
		const received = interchangeContext(ack.answered[0]);
		items.push({
			json: {
				acknowledgment: written,
				ta1: ack.ta1,
				controlNumber,
				standard: ack.answered[0].standard,
				sender: received.receiver,
				receiver: received.sender,
				fileName,
				acknowledges: ack.answered.map((interchange) => acknowledged(interchange)),
			} as INodeExecutionData['json'],
			binary: { [property]: binary },
			pairedItem: { item: itemIndex },
		});
	}
	return [items];
}

/** What the acknowledgment says about one received interchange, for matching and alerts. */
function acknowledged(interchange: Interchange) {
	const context = interchangeContext(interchange);
	return {
		controlNumber: context.controlNumber ?? context.controlReference,
		status: VERDICT_WORDS[interchange.verdict],
		groups: interchange.groups.map((group) => ({
			controlNumber:
				(interchange.standard === 'X12'
					? group.header?.elements[5]
					: group.header?.elements[4]
				)?.trim() ?? '',
			status: VERDICT_WORDS[group.verdict],
			sets: group.sets.length,
			accepted: acceptedSetsOf(group),
		})),
	};
}
