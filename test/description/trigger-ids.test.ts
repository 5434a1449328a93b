/**
 * The ECGridOS Trigger's Network ID and Mailbox ID: pick-lists now, and still the plain numbers
 * of workflows saved before. (Beside the other description tests: test/trigger/ is the poll's.)
 */
import type { INodeProperties, ITriggerFunctions } from 'n8n-workflow';

import { listSearch } from '../../nodes/EcGridOs/methods/listSearch';
import { triggerProperties } from '../../nodes/EcGridOsTrigger/description';
import { EcGridOsTrigger } from '../../nodes/EcGridOsTrigger/EcGridOsTrigger.node';
import { readSettings } from '../../nodes/EcGridOsTrigger/settings';

const property = (name: string) => triggerProperties.find((entry) => entry.name === name)!;

/** Just what readSettings asks of n8n, with extractValue as n8n-core applies it to a locator. */
function triggerContext(parameters: Record<string, unknown>): ITriggerFunctions {
	return {
		getNode: () => ({ name: 'ECGridOS Trigger' }),
		getWorkflowSettings: () => ({}),
		getNodeParameter: (name: string, fallback: unknown, options?: { extractValue?: boolean }) => {
			const value = name in parameters ? parameters[name] : fallback;
			const isLocator = typeof value === 'object' && value !== null && 'mode' in value;
			return options?.extractValue && isLocator
				? (value as unknown as { value: unknown }).value
				: value;
		},
	} as unknown as ITriggerFunctions;
}

const picked = (value: string) => ({ __rl: true, mode: 'list', value });

describe('ECGridOS Trigger: Network ID and Mailbox ID', () => {
	it.each(['networkId', 'mailboxId'])('%s is a pick-list or a typed ID', (name) => {
		const locator: INodeProperties = property(name);
		expect(locator.type).toBe('resourceLocator');
		expect(locator.default).toEqual({ mode: 'list', value: '' });
		const method = locator.modes?.[0].typeOptions?.searchListMethod;
		expect(method).toBe(name === 'networkId' ? 'searchNetworks' : 'searchMailboxes');
		expect(listSearch).toHaveProperty(method!);
		// n8n looks the method up on the trigger node itself.
		expect(new EcGridOsTrigger().methods.listSearch).toHaveProperty(method!);
		expect(locator.modes?.[1].name).toBe('id');
	});

	it.each([
		['picked from the lists', { networkId: picked('1'), mailboxId: picked('11') }],
		[
			'typed by ID',
			{ networkId: { __rl: true, mode: 'id', value: ' 1 ' }, mailboxId: picked('11') },
		],
		['saved as numbers before they were pick-lists', { networkId: 1, mailboxId: 11 }],
	])('reads the mailbox %s', (_how, parameters) => {
		expect(readSettings(triggerContext(parameters)).mailbox).toEqual({
			networkId: 1,
			mailboxId: 11,
		});
	});

	it.each([
		['empty', { networkId: picked(''), mailboxId: picked('') }],
		['0, as saved before', { networkId: 0, mailboxId: 0 }],
		['left out', {}],
	])("watches the credential's own mailbox when both are %s", (_how, parameters) => {
		expect(readSettings(triggerContext(parameters)).mailbox).toBeUndefined();
	});

	it('refuses one without the other, and an ID that is not a number', () => {
		expect(() => readSettings(triggerContext({ networkId: picked('1') }))).toThrow(
			'Set Network ID and Mailbox ID together, or leave both empty',
		);
		expect(() =>
			readSettings(triggerContext({ networkId: picked('1'), mailboxId: picked('eleven') })),
		).toThrow('Invalid Mailbox ID: got "eleven"');
	});
});
