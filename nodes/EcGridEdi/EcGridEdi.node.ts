import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { createAcknowledgmentProperties } from './actions/createAcknowledgment.operation';
import { inputProperties } from './actions/input';
import { readProperties } from './actions/read.operation';
import { operationProperty, route } from './actions/router';
import { writeProperties } from './actions/write.operation';

/**
 * The canvas subtitle: the operation as the user picked it ("Create Acknowledgment"), not its
 * value. The editor evaluates it without the node's code, so the names travel inside it.
 */
const OPERATION_NAMES = Object.fromEntries(
	(operationProperty.options as INodePropertyOptions[]).map(({ value, name }) => [value, name]),
);

export class EcGridEdi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ECGrid EDI',
		name: 'ecGridEdi',
		icon: { light: 'file:ecgridedi.svg', dark: 'file:ecgridedi.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: `={{ ${JSON.stringify(OPERATION_NAMES)}[$parameter["operation"]] ?? $parameter["operation"] }}`,
		description:
			'Read, validate and write X12 and EDIFACT files, and create or read 997, 999, TA1 and CONTRL acknowledgments',
		defaults: { name: 'ECGrid EDI' },
		usableAsTool: true,
		// eslint-disable-next-line n8n-nodes-base/node-class-description-inputs-wrong-regular-node -- n8n now asks for NodeConnectionTypes (@n8n/community-nodes/node-connection-type-literal)
		inputs: [NodeConnectionTypes.Main],
		// Read sends valid sets to the first output and invalid ones to the second.
		outputs: `={{ $parameter["operation"] === "read" ? [{ "type": "${NodeConnectionTypes.Main}", "displayName": "Valid" }, { "type": "${NodeConnectionTypes.Main}", "displayName": "Invalid" }] : ["${NodeConnectionTypes.Main}"] }}`,
		properties: [
			operationProperty,
			...inputProperties,
			...readProperties,
			...createAcknowledgmentProperties,
			...writeProperties,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
