/**
 * Each resource through real workflows against the simulator's world: reads, writes that a later
 * read shows, paging, DataSet reports, pick-lists and bad field values.
 */
import type { INodeParameters } from 'n8n-workflow';

import { sample } from '../../simulator';
import { PARCEL_HANDLERS } from '../../simulator/operations/parcels';
import { searchList } from '../harness';
import { byId, operationWorkflow, ROOT, runOperation } from '../support/operations';
import {
	apiKeyCredential,
	demoUser,
	loginCredential,
	requestsFor,
	useSimulator,
} from '../support/workflows';

const sim = useSimulator({ demoParcels: false });
const op = (resource: string, operation: string, fields: INodeParameters = {}) => ({
	resource,
	operation,
	...fields,
});
const run = (parameters: INodeParameters) => runOperation(sim(), parameters);
const ACME = { networkId: 1, mailboxId: 10 };

describe('Session', () => {
	it('Get Current User names the root user; Change Password changes what Login accepts', async () => {
		const me = await run(op('session', 'getCurrentUser'));
		expect(me.items).toEqual([expect.objectContaining({ userId: ROOT.userId, authLevel: 'Root' })]);

		const user = demoUser('mbx.user');
		const changed = await runOperation(
			sim(),
			op('session', 'changePassword', { oldPassword: user.password, newPassword: 'n3w-Pass!' }),
			undefined,
			{ credential: apiKeyCredential(sim(), sim().world.apiKeyOf(user.userId)!) },
		);
		expect(changed.items).toEqual([{ success: true }]);
		const relogged = await runOperation(
			sim(),
			op('session', 'getCurrentUser', { authentication: 'login' }),
			undefined,
			{ credential: loginCredential(sim(), user.loginName, 'n3w-Pass!') },
		);
		expect(relogged.items[0]).toMatchObject({ userId: user.userId });
	});
});

describe('User', () => {
	it('Create, then Get and Get Many show the new user', async () => {
		const created = await run(
			op('user', 'create', {
				mailboxId: byId(10),
				loginName: 'new.clerk',
				password: 'Clerk-pass-1',
				firstName: 'Nora',
				lastName: 'Clerk',
				email: 'nora@example.test',
				authLevel: 'MailboxUser',
			}),
		);
		const { userId } = created.items[0] as { userId: number };
		expect(userId).toEqual(expect.any(Number));
		const got = await run(op('user', 'get', { userId: byId(userId) }));
		expect(got.items[0]).toMatchObject({ userId, loginName: 'new.clerk', firstName: 'Nora' });
		const many = await run(op('user', 'getMany', { name: 'new.clerk', returnAll: true }));
		expect(many.items.map((item) => item.userId)).toContain(userId);
	});
});

describe('Network', () => {
	it('Update renames the network, as Get then shows', async () => {
		await run(
			op('network', 'update', { networkId: byId(1), name: 'Renamed Net', location: 'Lab' }),
		);
		const got = await run(op('network', 'get', { networkId: byId(1), simplify: false }));
		expect(got.items[0]).toMatchObject({ networkId: 1, name: 'Renamed Net', location: 'Lab' });
	});

	it('Get Status Summary flattens the DataSet into rows with their table', async () => {
		const summary = await run(op('network', 'getStatusSummary'));
		expect(summary.items.length).toBeGreaterThan(0);
		for (const row of summary.items) expect(row.table).toEqual(expect.any(String));
	});
});

describe('Mailbox', () => {
	it('Create, Rename and Terminate change what Get shows', async () => {
		const created = await run(
			op('mailbox', 'create', { name: 'Acme Test', userId: byId(ROOT.userId) }),
		);
		const { mailboxId } = created.items[0] as { mailboxId: number };
		expect(mailboxId).toEqual(expect.any(Number));
		await run(op('mailbox', 'rename', { mailboxId: byId(mailboxId), name: 'Acme QA' }));
		expect(
			(await run(op('mailbox', 'get', { mailboxId: byId(mailboxId) }))).items[0],
		).toMatchObject({
			mailboxId,
			name: 'Acme QA',
		});
		const terminated = await run(op('mailbox', 'terminate', { mailboxId: byId(mailboxId) }));
		expect(terminated.items).toEqual([{ mailboxId, success: true }]);
		expect(
			(await run(op('mailbox', 'get', { mailboxId: byId(mailboxId) }))).items[0],
		).toMatchObject({
			status: 'Terminated',
		});
	});

	it('Get Many takes the Ex call when Network ID is set, and the plain one when it is empty', async () => {
		await run(op('mailbox', 'getMany', { returnAll: true }));
		const scoped = await run(op('mailbox', 'getMany', { returnAll: true, networkId: byId(2) }));
		expect(scoped.items.every((item) => item.networkId === 2)).toBe(true);
		expect(requestsFor(sim(), 'MailboxList')).toHaveLength(1);
		expect(requestsFor(sim(), 'MailboxListEx')).toHaveLength(1);
	});

	it('Limit caps a list', async () => {
		const limited = await run(op('mailbox', 'getMany', { limit: 2 }));
		expect(limited.items).toHaveLength(2);
	});
});

describe('Trading Partner', () => {
	it('Create, then Get and Find by Qualifier and ID show the new partner', async () => {
		const created = await run(
			op('tradingPartner', 'create', { qualifier: 'ZZ', id: 'INITECH', description: 'Initech' }),
		);
		const { ecgridId } = created.items[0] as { ecgridId: number };
		const got = await run(op('tradingPartner', 'get', { ecgridId: byId(ecgridId) }));
		expect(got.items[0]).toMatchObject({ ecgridId, qualifier: 'ZZ', id: 'INITECH' });
		const found = await run(
			op('tradingPartner', 'findByQualifierId', {
				qualifier: 'ZZ',
				id: 'INITECH',
				returnAll: true,
			}),
		);
		expect(found.items.map((item) => item.ecgridId)).toContain(ecgridId);
	});
});

describe('Partnership', () => {
	it('Create an interconnect, then Get shows it', async () => {
		const created = await run(
			op('partnership', 'create', {
				ecgridId1: byId(100002),
				ecgridId2: byId(100005),
				reference: 'PO flow',
				contactName: 'Ops',
				contactEmail: 'ops@example.test',
			}),
		);
		const { interconnectId } = created.items[0] as { interconnectId: number };
		const got = await run(op('partnership', 'get', { interconnectId }));
		expect(got.items[0]).toMatchObject({ interconnectId });
		const full = await run(op('partnership', 'get', { interconnectId, simplify: false }));
		expect(full.items[0]).toMatchObject({ tp1: { ecgridId: 100002 }, tp2: { ecgridId: 100005 } });
	});
});

describe('Parcel', () => {
	it('Search InBox Archive with Return All pages through every record', async () => {
		for (let n = 0; n < 230; n++)
			sim().dropParcel({ fileName: `p${n}.edi`, content: sample('x12-850-purchase-order.edi') });
		const all = await run(op('parcel', 'searchInBoxArchive', { returnAll: true }));
		expect(all.items).toHaveLength(230);
		expect(new Set(all.items.map((item) => item.parcelId)).size).toBe(230);
		// 100 a page: three pages, the first alone (it says how many there are).
		expect(requestsFor(sim(), 'ParcelInBoxArchive')).toHaveLength(3);
		const some = await run(op('parcel', 'searchInBoxArchive', { limit: 120 }));
		expect(some.items).toHaveLength(120);
	});

	it('Return All asks for the pages after the first together, not page 2 alone first', async () => {
		for (let n = 0; n < 250; n++)
			sim().dropParcel({ fileName: `p${n}.edi`, content: sample('x12-850-purchase-order.edi') });
		// How many page requests had arrived when each page was answered (after a delay long
		// enough for the pages sent together to have arrived).
		const arrivedWhenAnswered: number[] = [];
		sim().register('ParcelInBoxArchive', (context) => {
			arrivedWhenAnswered.push(requestsFor(sim(), 'ParcelInBoxArchive').length);
			return PARCEL_HANDLERS.ParcelInBoxArchive(context);
		});
		sim().inject({ operation: 'ParcelInBoxArchive', latencyMs: 200 });
		const all = await run(
			op('parcel', 'searchInBoxArchive', { returnAll: true, options: { concurrency: 4 } }),
		);
		expect(all.items).toHaveLength(250);
		// Page 1 alone (it says there are 3), then pages 2 and 3 in flight together.
		expect(arrivedWhenAnswered).toEqual([1, 3, 3]);
	});
});

describe('Interchange', () => {
	it('an uploaded X12 file is an interchange in the OutBox', async () => {
		const upload = await runOperation(sim(), op('parcel', 'upload', {}), [
			{
				json: {},
				binary: {
					data: {
						data: sample('x12-810-invoice.edi').toString('base64'),
						mimeType: 'application/edi-x12',
						fileName: 'invoice.edi',
					},
				},
			},
		]);
		expect(upload.items[0]).toMatchObject({
			parcelId: expect.any(Number),
			fileName: 'invoice.edi',
		});
		const sent = await run(op('interchange', 'getManyInOutBox', { returnAll: true }));
		expect(sent.items.length).toBeGreaterThan(0);
	});
});

describe('Key-Value Store', () => {
	it('Set, then Get reads the value back', async () => {
		const key = {
			key: 'erp.lastRun',
			systemObject: 'Mailbox',
			objectId: 10,
			visibility: 'Private',
		};
		await run(op('keyValue', 'set', { ...key, value: '2026-12-01', daysToLive: 5 }));
		const got = await run(op('keyValue', 'get', key));
		expect(got.items[0]).toMatchObject({ value: '2026-12-01' });
	});
});

describe('Report', () => {
	it('Get Mailbox Statistics gives one item per DataSet row, with its table', async () => {
		const report = await run(op('report', 'getMailboxStats', ACME));
		expect(report.items.length).toBeGreaterThan(0);
		expect(report.items[0]).toEqual(expect.objectContaining({ table: expect.any(String) }));
	});
});

describe.each([
	['callback', 'getPendingCalls', {}],
	['comm', 'getMany', { returnAll: true }],
	['carbonCopy', 'getMany', { returnAll: true }],
	['migration', 'getMany', { returnAll: true }],
	['utility', 'generatePassword', { length: 16 }],
	['utility', 'getCurrentTime', {}],
])('%s → %s', (resource, operation, fields) => {
	it('answers with items', async () => {
		const result = await run(op(resource, operation, fields));
		expect(result.error).toBeUndefined();
		expect(result.outputs.length).toBeGreaterThan(0);
	});
});

describe('pick-lists', () => {
	const workflow = () => operationWorkflow(op('mailbox', 'get'));
	const credential = () => [apiKeyCredential(sim(), sim().world.apiKeyOf(ROOT.userId)!)];

	it('lists mailboxes matching the filter, by name with the ID as value', async () => {
		const { results } = await searchList(
			workflow(),
			'ECGridOS',
			'searchMailboxes',
			'Globex',
			credential(),
		);
		expect(results).toEqual([
			expect.objectContaining({ name: expect.stringContaining('Globex'), value: '20' }),
		]);
		expect(requestsFor(sim(), 'MailboxList')[0].body).toContain('Globex');
	});

	it.each(['searchUsers', 'searchNetworks', 'searchTradingPartners'])(
		'%s lists something',
		async (method) => {
			const { results } = await searchList(workflow(), 'ECGridOS', method, undefined, credential());
			expect(results.length).toBeGreaterThan(0);
			expect(results.every((entry) => /^\d+$/.test(String(entry.value)))).toBe(true);
		},
	);

	it('fails with the scrubbed ECGridOS error when the key is wrong', async () => {
		const wrongKey = 'deadbeef-0000-4000-8000-000000000000';
		const search = searchList(workflow(), 'ECGridOS', 'searchMailboxes', undefined, [
			apiKeyCredential(sim(), wrongKey),
		]);
		await expect(search).rejects.toMatchObject({ name: 'NodeApiError' });
		const error = await search.catch((caught: unknown) => caught);
		expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(wrongKey);
	});

	it('lists the parcels of the InBox, newest first, matching the file name', async () => {
		const first = sim().dropParcel({ fileName: 'po-101.edi', content: Buffer.from('ISA*') });
		const second = sim().dropParcel({ fileName: 'invoice-7.edi', content: Buffer.from('ISA*') });
		const mailboxUser = demoUser('mbx.user');
		const inBox = [apiKeyCredential(sim(), sim().world.apiKeyOf(mailboxUser.userId)!)];
		const all = await searchList(workflow(), 'ECGridOS', 'searchParcels', undefined, inBox);
		expect(all.results.map((entry) => entry.value)).toEqual([
			String(second.parcelId),
			String(first.parcelId),
		]);
		expect(all.results[0].name).toMatch(/^invoice-7\.edi from .+ \(\d+\)$/);
		const found = await searchList(workflow(), 'ECGridOS', 'searchParcels', 'PO-1', inBox);
		expect(found.results.map((entry) => entry.value)).toEqual([String(first.parcelId)]);
	});

	it('finds trading partners by their EDI ID', async () => {
		const { results } = await searchList(
			workflow(),
			'ECGridOS',
			'searchTradingPartners',
			'GLOBEX',
			credential(),
		);
		expect(results.map((entry) => entry.value)).toContain('100004');
	});
});

describe('bad field values', () => {
	it.each([
		[
			'a mailbox ID that is not a number',
			op('mailbox', 'get', { mailboxId: byId('={{ "abc" }}') }),
			/Invalid Mailbox ID in item 0: got "abc"/,
		],
		[
			'an empty required ID',
			op('mailbox', 'get', { mailboxId: byId('={{ "" }}') }),
			/Invalid Mailbox ID in item 0: got nothing/,
		],
		[
			'a short out of range',
			op('user', 'setMaxSessions', { userId: byId(1003), maxSessions: 40000 }),
			/Invalid Max Sessions in item 0: got 40000/,
		],
		[
			'an enum value the WSDL lacks',
			op('user', 'setAuthLevel', { userId: byId(1003), authLevel: 'God' }),
			/Invalid Auth Level in item 0: got "God"/,
		],
		[
			'a date that is not one',
			op('parcel', 'searchInBoxArchive', { beginDate: 'yesterday' }),
			/Invalid Begin Date in item 0/,
		],
		[
			'half of a Network/Mailbox pair',
			op('parcel', 'getOutBoxErrors', { mailboxId: byId(10) }),
			/Set Network ID and Mailbox ID together in item 0/,
		],
	])(
		'%s is a NodeOperationError naming the field and item, and nothing is sent',
		async (_, parameters, message) => {
			const before = sim().requests.length;
			const result = await run(parameters);
			expect(result.error).toMatchObject({
				name: 'NodeOperationError',
				message: expect.stringMatching(message),
			});
			expect(sim().requests.length).toBe(before);
		},
	);
});
