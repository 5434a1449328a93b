import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { checkControlNumber } from '../../shared/edi';

/**
 * Control numbers handed out in this run of the node, by scope, so two items never send the same
 * one; and those that earlier runs of an ECGrid EDI node in the same execution handed out (a loop,
 * two branches into one node, two nodes), by the node's name, so that no run sends them again.
 */
export type RunState = {
	controlNumbers: Map<string, number>;
	earlier?: ReadonlyMap<string, string>;
};

/**
 * The numbers each execution's successful runs handed out, keyed by its cancel signal: one object
 * per execution (every run of every node in it shares it), gone with the execution.
 */
const executions = new WeakMap<object, Map<string, string>>();

/** A fresh state for one run of the node, knowing what earlier runs in its execution used. */
export function runStateOf(context: IExecuteFunctions): RunState {
	const signal = context.getExecutionCancelSignal?.();
	return { controlNumbers: new Map(), earlier: signal && executions.get(signal) };
}

/**
 * Records the numbers of a run that succeeded (or continued on fail) for the runs after it. A run
 * that failed wrote no file, so its numbers stay free (a retry may take them).
 */
export function commitRunState(context: IExecuteFunctions, state: RunState): void {
	const signal = context.getExecutionCancelSignal?.();
	if (!signal || state.controlNumbers.size === 0) return;
	let used = executions.get(signal);
	if (!used) executions.set(signal, (used = new Map()));
	for (const key of state.controlNumbers.keys()) used.set(key, context.getNode().name);
}

/** The Control Number parameter of an operation: the execution ID unless an expression says otherwise. */
export function controlNumberProperty(operation: string, description: string): INodeProperties {
	return {
		displayName: 'Control Number',
		name: 'controlNumber',
		type: 'number',
		required: true,
		displayOptions: { show: { operation: [operation] } },
		// What checkControlNumber accepts: the editor keeps a number typed in to it.
		typeOptions: { minValue: 1, maxValue: 999_999_999, numberPrecision: 0 },
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
	const earlierNode = state.earlier?.get(key);
	if (earlierNode !== undefined) {
		throw new NodeOperationError(
			context.getNode(),
			`Control number ${number} of item ${itemIndex} was already used in this execution, by an earlier run of the node "${earlierNode}"`,
			{
				itemIndex,
				description: `Each run of a node (in a loop, or fed by two branches) and each node needs its own number${scope === '' ? '' : ' for a partner'}: add the run index, e.g. {{ $execution.id * 100 + $runIndex }}, or an offset per node.`,
			},
		);
	}
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
