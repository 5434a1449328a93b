import type { INodeProperties, INodeParameters } from 'n8n-workflow';

import { EcGridOs } from '../../nodes/EcGridOs/EcGridOs.node';
import { DEFAULT_HANDLERS } from '../../simulator/operations';
import { byId, runOperation } from '../support/operations';
import { requestsFor, useSimulator } from '../support/workflows';

const sim = useSimulator();
const USERS = [1002, 1003, 1004];

function concurrencyOption(): INodeProperties {
	const options = new EcGridOs().description.properties.find(
		(property) => property.name === 'options',
	)!;
	return (options.options as INodeProperties[]).find((option) => option.name === 'concurrency')!;
}

/**
 * Runs API Key → Get over `items` items while the simulator holds every answer `holdMs`, and
 * returns the most calls it held at once. Requests are recorded as they arrive; when the i-th
 * answer goes out, i have gone before it, so the rest of those that arrived are still held.
 */
async function peakInFlight(
	items: number,
	options: INodeParameters,
	typeVersion = 2,
	holdMs = 600,
): Promise<number> {
	const inFlight: number[] = [];
	const answer = DEFAULT_HANDLERS.UserGetAPIKey;
	sim().register('UserGetAPIKey', (context) => {
		inFlight.push(requestsFor(sim(), 'UserGetAPIKey').length - inFlight.length);
		return answer(context);
	});
	sim().inject({ operation: 'UserGetAPIKey', latencyMs: holdMs });
	const run = await runOperation(
		sim(),
		{ resource: 'apiKey', operation: 'get', userId: byId('={{ $json.userId }}'), options },
		Array.from({ length: items }, (_, index) => ({ json: { userId: USERS[index % 3] } })),
		{ settings: { typeVersion } },
	);
	expect(run.error).toBeUndefined();
	expect(run.outputs).toHaveLength(items);
	return Math.max(...inFlight);
}

describe('Concurrency', () => {
	it('defaults to 3 and lets the user ask for up to 96, in the description', () => {
		expect(concurrencyOption()).toMatchObject({
			type: 'number',
			default: 3,
			typeOptions: { minValue: 1, maxValue: 96, numberPrecision: 0 },
		});
		expect(concurrencyOption().description).toContain('96');
	});

	it('sends 3 items at once when the option is not set', async () => {
		expect(await peakInFlight(9, {})).toBe(3);
	});

	it('keeps one at a time for version 1 nodes that do not set it (saved 0.1 workflows)', async () => {
		expect(await peakInFlight(3, {}, 1, 150)).toBe(1);
	});

	it('caps an expression that asks for more than 96 at 96', async () => {
		expect(await peakInFlight(120, { concurrency: '={{ 500 }}' }, 2, 2000)).toBe(96);
	}, 60_000);

	it('takes what the user set below the cap', async () => {
		expect(await peakInFlight(10, { concurrency: 5 })).toBe(5);
	});
});
