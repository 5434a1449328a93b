/**
 * Generated from the metadata: every one of the 221 WSDL operations, on every binding, takes a
 * valid request and answers with a schema-valid reply.
 */
import { OPERATIONS } from '../../../nodes/EcGridOs/soap/wsdl/operations.generated';
import { startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { WORLD_HANDLERS } from '../../../simulator/operations';
import { BINDINGS, callOperation, readResult } from '../client';
import type { Node } from '../client';
import { checkType, missingFields } from '../schema';
import { validParams } from './requests';

const NAMES = Object.keys(OPERATIONS).sort();

/** Calls that only answer once the world holds something: the call that puts it there first. */
const PREPARE: Record<string, string> = { KeyGet: 'KeySet', KeyList: 'KeySet' };

/** Lists that the demo world fills for these requests (so an empty encoding cannot pass). */
const NON_EMPTY = new Set([
	'MailboxList',
	'MailboxListEx',
	'TPList',
	'TPListEx',
	'TPSearch',
	'ParcelInBox',
	'ParcelOutBoxError',
	'InterchangeOutBox',
	'InterchangeOutBoxEx',
	'KeyList',
	'ReportMailboxStats',
]);

function itemCount(result: Node): number {
	const list = result.children.find((c) => c.local.endsWith('List'));
	if (list) return list.children.length;
	const diffgram = result.children.find((c) => c.local === 'diffgram');
	if (diffgram) return diffgram.children[0]?.children.length ?? 0;
	return result.children.length;
}

/** Optional fields the world leaves out on purpose (see simulator/README.md). */
const LEFT_OUT: Record<string, string[]> = {
	FileInfo: ['Content', 'ContentBase64String'],
	InterconnectIDInfo: ['NetOps'],
	SessionLogInfo: [],
};

test('the metadata holds 221 operations and every world handler is one of them', () => {
	expect(NAMES).toHaveLength(221);
	for (const name of Object.keys(WORLD_HANDLERS)) expect(OPERATIONS[name]).toBeDefined();
});

describe.each(NAMES)('%s', (name) => {
	let sim: Simulator;
	beforeEach(async () => {
		sim = await startSimulator({ port: 0, seed: 7 });
	});
	afterEach(() => sim.close());

	test.each(BINDINGS)(
		'answers a valid request on %s with a schema-valid reply',
		async (binding) => {
			const operation = OPERATIONS[name];
			const prepare = PREPARE[name];
			if (prepare) {
				const prepared = await callOperation(binding, sim.url, prepare, validParams(prepare, sim));
				expect(prepared.status).toBe(200);
			}
			const reply = await callOperation(binding, sim.url, name, validParams(name, sim));
			if (reply.status !== 200) throw new Error(`${reply.status}: ${reply.body.slice(0, 600)}`);
			const result = await readResult(binding, reply, name);
			const type = operation.result!.type;
			expect(checkType(type, result, name)).toEqual([]);
			if (NON_EMPTY.has(name)) expect(itemCount(result)).toBeGreaterThan(0);
			if (result.children.length > 0 && !type.startsWith('ArrayOf') && type !== 'DataSet') {
				const allowed = LEFT_OUT[type] ?? [];
				const missing = missingFields(type, result).filter((f) => !allowed.includes(f));
				expect(missing).toEqual([]);
			}
		},
	);
});
