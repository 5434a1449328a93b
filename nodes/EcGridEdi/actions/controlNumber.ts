import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { checkControlNumber } from '../../shared/edi';

/** Control numbers handed out in this run, by scope, so two items never send the same one. */
export type RunState = { controlNumbers: Map<string, number> };

/** The Control Number parameter of an operation: the execution ID unless an expression says otherwise. */
export function controlNumberProperty(operation: string, description: string): INodeProperties {
	return {
		displayName: 'Control Number',
		name: 'controlNumber',
		type: 'number',
		required: true,
		displayOptions: { show: { operation: [operation] } },
		// n8n's execution IDs come from its database: shared by every process, never repeated.
		// eslint-disable-next-line n8n-nodes-base/node-param-default-wrong-for-number -- the default is an expression
		default: '={{ $execution.id }}',
		description,
	};
}

/** The item's control number, checked (1 to 999999999); a ControlNumberError when it is not usable. */
export function controlNumberOf(context: IExecuteFunctions, itemIndex: number): number {
	return checkControlNumber(context.getNodeParameter('controlNumber', itemIndex));
}

/**
 * Claims `number` for the item in this run, within `scope` (e.g. a sender/receiver pair), so
 * that two files of one run never carry the same control number: not even two of one item
 * (Write refuses an item that needs two interchanges under one number before it gets here).
 */
export function claimControlNumber(
	context: IExecuteFunctions,
	state: RunState,
	number: number | string,
	itemIndex: number,
	scope = '',
): void {
	const key = `${scope}#${number}`;
	const earlier = state.controlNumbers.get(key);
	if (earlier !== undefined) {
		const user = earlier === itemIndex ? 'another file of the same item' : `item ${earlier}`;
		throw new NodeOperationError(
			context.getNode(),
			`Control number ${number} of item ${itemIndex} was already used by ${user} in this run`,
			{
				itemIndex,
				description: `Each ${scope === '' ? 'acknowledgment' : 'interchange'} needs its own control number. Hand in one per item, e.g. {{ $execution.id * 100 + $itemIndex }}, or send one file per execution.`,
			},
		);
	}
	state.controlNumbers.set(key, itemIndex);
}
