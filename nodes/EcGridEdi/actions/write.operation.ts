import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	NodeOperationError,
} from 'n8n-workflow';

import {
	writeEdi,
	type Batching,
	type Delimiters,
	type WriteInput,
	type WriteSettings,
	type WrittenInterchange,
} from '../../shared/edi';
import {
	claimControlNumber,
	controlNumberOf,
	controlNumberProperty,
	type RunState,
} from './controlNumber';
import { errorItem, inputError } from './errors';
import { outputFileProperty } from './output';

const show = (more: IDataObject = {}) => ({ show: { operation: ['write'], ...more } });

/** Options an X12 interchange has no place for (it has no UNA and no release character). */
const EDIFACT_ONLY = { show: { '/standard': ['EDIFACT'] } };

const partyProperties = (
	role: 'Sender' | 'Receiver',
	x12: string,
	edifact: string,
	example: string,
) => [
	{
		displayName: `${role} Qualifier`,
		name: `${role.toLowerCase()}Qualifier`,
		type: 'string' as const,
		required: true,
		displayOptions: show(),
		default: '',
		placeholder: 'ZZ',
		description: `The ${role.toLowerCase()}’s ID qualifier (${x12}), e.g. ZZ, 01, 08, 12`,
	},
	{
		displayName: `${role} ID`,
		name: `${role.toLowerCase()}Id`,
		type: 'string' as const,
		required: true,
		displayOptions: show(),
		default: '',
		placeholder: example,
		description: `The ${role.toLowerCase()}’s interchange ID (${edifact})`,
	},
];

export const writeProperties: INodeProperties[] = [
	{
		displayName: 'Standard',
		name: 'standard',
		type: 'options',
		noDataExpression: true,
		displayOptions: show(),
		options: [
			{ name: 'X12', value: 'X12' },
			{ name: 'EDIFACT', value: 'EDIFACT' },
		],
		default: 'X12',
	},
	...partyProperties(
		'Sender',
		'ISA05; EDIFACT UNB02.2',
		'ISA06, at most 15 characters; UNB02.1',
		'ACMESUPPLY',
	),
	...partyProperties(
		'Receiver',
		'ISA07; EDIFACT UNB03.2',
		'ISA08, at most 15 characters; UNB03.1',
		'GLOBEXRETAIL',
	),
	{
		displayName: 'Usage',
		name: 'usage',
		type: 'options',
		displayOptions: show(),
		options: [
			{ name: 'Production', value: 'P' },
			{ name: 'Test', value: 'T' },
		],
		default: 'P',
		description: 'ISA15 (P or T); EDIFACT marks a test interchange with UNB11 = 1',
	},
	{
		displayName: 'Version',
		name: 'version',
		type: 'options',
		displayOptions: show({ standard: ['X12'] }),
		options: [
			{ name: '004010', value: '004010', description: 'ISA12 00401, GS08 004010' },
			{
				name: '005010',
				value: '005010',
				description: 'ISA12 00501, GS08 005010, with a repetition separator',
			},
			{
				name: 'From Items',
				value: 'item',
				description: 'GS08 from each item’s group.version (e.g. 005010X222A1)',
			},
		],
		default: '004010',
	},
	{
		displayName: 'Syntax',
		name: 'syntax',
		type: 'options',
		displayOptions: show({ standard: ['EDIFACT'] }),
		options: [
			{ name: 'UNOA Version 3', value: 'UNOA:3' },
			{ name: 'UNOB Version 3', value: 'UNOB:3' },
			{ name: 'UNOC Version 3 (Latin-1)', value: 'UNOC:3' },
			{ name: 'UNOC Version 4', value: 'UNOC:4' },
			{ name: 'UNOW Version 4 (UTF-8)', value: 'UNOW:4' },
		],
		default: 'UNOC:3',
		description: 'UNB01: character set and syntax version (version 4 adds repetitions)',
	},
	{
		displayName: 'Request Acknowledgment',
		name: 'requestAcknowledgment',
		type: 'boolean',
		displayOptions: show(),
		default: false,
		description:
			'Whether to ask the partner for an interchange acknowledgment (ISA14 = 1, a TA1; EDIFACT UNB09 = 1)',
	},
	controlNumberProperty(
		'write',
		'ISA13 and GS06 (UNB05) of the interchange: a whole number from 1 to 999999999 that must not repeat for this partner. The default, the execution ID, comes from n8n’s database and never repeats in one instance. Sets are numbered 0001, 0002… in each group.',
	),
	{
		displayName: 'Batching',
		name: 'batching',
		type: 'options',
		noDataExpression: true,
		displayOptions: show(),
		options: [
			{
				name: 'One Interchange for All Items',
				value: 'all',
				description:
					'One file per sender/receiver pair, a functional group per functional ID (IN, SH…)',
			},
			{ name: 'One Interchange per Item', value: 'item', description: 'One file per input item' },
		],
		default: 'all',
	},
	outputFileProperty('write', 'interchange'),
	{
		displayName: 'Options',
		name: 'writeOptions',
		type: 'collection',
		placeholder: 'Add Option',
		displayOptions: show(),
		default: {},
		options: [
			{
				displayName: 'Always Write UNA',
				name: 'alwaysUna',
				type: 'boolean',
				default: false,
				displayOptions: EDIFACT_ONLY,
				description:
					'Whether to start an EDIFACT interchange with UNA even when its service characters are the defaults',
			},
			{
				displayName: 'Component Separator',
				name: 'component',
				type: 'string',
				default: '',
				placeholder: ':',
				description: 'Default : (ISA16 in X12)',
			},
			{
				displayName: 'Element Separator',
				name: 'element',
				type: 'string',
				default: '',
				placeholder: '*',
				description: 'Default * (X12) or + (EDIFACT)',
			},
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: '810-000000123.x12',
				description:
					'Default: the set codes and the control number, e.g. 810-856-000000123.x12 (EDIFACT: .edi)',
			},
			{
				displayName: 'Keep Envelope From Items',
				name: 'keepEnvelope',
				type: 'boolean',
				default: false,
				description:
					'Whether to take parties, dates, versions, control numbers and delimiters from each item’s interchange and group (as Read gives them), so that a file read and written again is the same; what an item lacks comes from the parameters',
			},
			{
				displayName: 'Release Character',
				name: 'release',
				type: 'string',
				default: '',
				placeholder: '?',
				displayOptions: EDIFACT_ONLY,
				description: 'Default ?',
			},
			{
				displayName: 'Repetition Separator',
				name: 'repetition',
				type: 'string',
				default: '',
				placeholder: '^',
				description: 'Default ^ (X12 005010, ISA11); EDIFACT version 4: *',
			},
			{
				displayName: 'Segment Line Break',
				name: 'lineBreak',
				type: 'options',
				options: [
					{ name: 'None', value: 'none' },
					{ name: 'LF', value: 'lf' },
					{ name: 'CR LF', value: 'crlf' },
				],
				default: 'none',
				description: 'What follows each segment terminator, to make the file readable',
			},
			{
				displayName: 'Segment Terminator',
				name: 'segment',
				type: 'string',
				default: '',
				placeholder: '~',
				description: "Default ~ (X12) or ' (EDIFACT)",
			},
			{
				displayName: 'Validate Structure',
				name: 'validateStructure',
				type: 'boolean',
				default: true,
				description:
					'Whether to refuse a set of a known structure that leaves out a mandatory segment, loop or element, or gives a segment or loop where the set has none or more of one than it takes, as Read and the partner would reject it, and an X12 set whose CTT01 (number of line items) differs from its lines (an empty CTT01 is always counted: leave it empty after filtering lines). Turn off for a partner whose guide differs from the common layout.',
			},
		],
	},
];

type WriteOptions = Delimiters & {
	alwaysUna?: boolean;
	fileName?: string;
	keepEnvelope?: boolean;
	lineBreak?: string;
	validateStructure?: boolean;
};

const LINE_BREAKS: Record<string, string> = { none: '', lf: '\n', crlf: '\r\n' };

const DELIMITERS = ['element', 'component', 'repetition', 'segment', 'release'] as const;

/** Items that keep their own control numbers need none from the parameter: a bad one is ignored. */
function keptControlNumber(context: IExecuteFunctions, itemIndex: number): number | undefined {
	try {
		return controlNumberOf(context, itemIndex);
	} catch {
		return undefined;
	}
}

/** What the parameters say for one item. */
function settingsOf(context: IExecuteFunctions, itemIndex: number, now: Date): WriteSettings {
	const parameter = (name: string, fallback: unknown = '') =>
		context.getNodeParameter(name, itemIndex, fallback);
	const standard = parameter('standard', 'X12') as 'X12' | 'EDIFACT';
	const options = parameter('writeOptions', {}) as WriteOptions;
	const keepEnvelope = options.keepEnvelope === true;
	const delimiters: Delimiters = {};
	for (const key of DELIMITERS) if (options[key]) delimiters[key] = options[key];
	if (options.lineBreak && options.lineBreak !== 'none')
		delimiters.lineBreak = LINE_BREAKS[options.lineBreak];
	const controlNumber = keepEnvelope
		? keptControlNumber(context, itemIndex)
		: controlNumberOf(context, itemIndex);
	const text = (name: string) => String(parameter(name) ?? '');
	return {
		standard,
		sender: { qualifier: text('senderQualifier'), id: text('senderId') },
		receiver: { qualifier: text('receiverQualifier'), id: text('receiverId') },
		usage: parameter('usage', 'P') === 'T' ? 'T' : 'P',
		version: standard === 'X12' ? text('version') || '004010' : text('syntax') || 'UNOC:3',
		acknowledgmentRequested: parameter('requestAcknowledgment', false) === true,
		controlNumber,
		delimiters,
		alwaysUna: options.alwaysUna === true,
		keepEnvelope,
		validateStructure: options.validateStructure !== false,
		now,
	};
}

/** Expressions that read the item (`$json`, `$itemIndex`, `$('Node').item`…) may differ per item. */
const READS_ITEM = /\$(json|binary|item|input|node|data|position|\()/;

function sameForEveryItem(value: unknown): boolean {
	if (typeof value === 'string') return !value.startsWith('=') || !READS_ITEM.test(value);
	if (value !== null && typeof value === 'object')
		return Object.values(value).every(sameForEveryItem);
	return true;
}

/**
 * The settings of every item at once, when no parameter reads the item (the usual case, the
 * default `{{ $execution.id }}` included): thousands of items then cost one evaluation, not
 * thousands. `undefined` when some parameter may differ per item, or when it fails (each item
 * is then told on its own).
 */
function sharedSettings(context: IExecuteFunctions, now: Date): WriteSettings | undefined {
	if (context.getInputData().length < 2) return undefined;
	if (!Object.values(context.getNode().parameters).every(sameForEveryItem)) return undefined;
	try {
		return settingsOf(context, 0, now);
	} catch {
		return undefined;
	}
}

/**
 * Write: the input items become interchanges (one per sender/receiver pair, or one per item),
 * each a binary file with the control numbers a send flow records. Bad items fail alone: under
 * Continue On Fail they become error items, and the others are written.
 */
export async function write(
	this: IExecuteFunctions,
	state: RunState,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const now = new Date();
	const batching = this.getNodeParameter('batching', 0, 'all') as Batching;
	const failures = new Map<number, NodeOperationError>();
	const fail = (itemIndex: number, error: unknown) => {
		if (!failures.has(itemIndex)) failures.set(itemIndex, inputError(this, error, itemIndex));
	};
	const inputs: WriteInput[] = [];
	const shared = sharedSettings(this, now);
	items.forEach((item, itemIndex) => {
		try {
			const settings = shared ?? settingsOf(this, itemIndex, now);
			inputs.push({ json: item.json, settings, itemIndex });
		} catch (error) {
			fail(itemIndex, error);
		}
	});
	const result = writeEdi(inputs, { batching, now });
	for (const failure of result.failures) fail(failure.itemIndex ?? 0, failure);
	const written: INodeExecutionData[] = [];
	for (const interchange of result.interchanges) {
		try {
			written.push(await fileItem(this, interchange, state));
		} catch (error) {
			for (const itemIndex of interchange.items) fail(itemIndex, error);
		}
	}
	const ordered = [...failures.entries()].sort(([a], [b]) => a - b);
	if (ordered.length > 0 && !this.continueOnFail()) throw ordered[0][1];
	return [
		...written,
		...ordered.map(([itemIndex, failure]) => errorItem(this, failure, itemIndex)),
	];
}

/** One written interchange as an item: the file, and the numbers a send flow records. */
async function fileItem(
	context: IExecuteFunctions,
	interchange: WrittenInterchange,
	state: RunState,
): Promise<INodeExecutionData> {
	const first = interchange.items[0];
	const { summary } = interchange;
	// ISA13 / UNB05 must not repeat for a sender/receiver pair.
	claimControlNumber(
		context,
		state,
		summary.interchangeControlNumber.replace(/^0+(?=\d)/, ''),
		first,
		`${summary.standard}:${summary.sender.qualifier}:${summary.sender.id}>${summary.partner}`,
	);
	const options = context.getNodeParameter('writeOptions', first, {}) as WriteOptions;
	const fileName = options.fileName?.trim() || summary.fileName;
	const property = context.getNodeParameter('outputBinaryPropertyName', first, 'data') as string;
	const x12 = summary.standard === 'X12';
	const binary = await context.helpers.prepareBinaryData(
		Buffer.from(interchange.text, interchange.encoding),
		fileName,
		x12 ? 'application/edi-x12' : 'application/edifact',
	);
	return {
		json: { ...summary, fileName } as unknown as IDataObject,
		binary: { [property]: binary },
		pairedItem: interchange.items.map((item) => ({ item })),
	};
}
