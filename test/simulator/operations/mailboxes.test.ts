import { startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { call, items, plain, refusal } from './call';

let sim: Simulator;
beforeEach(async () => {
	sim = await startSimulator({ port: 0 });
});
afterEach(() => sim.close());

test('MailboxAdd then MailboxInfo and MailboxList show it; MailboxName and MailboxTerminate change it', async () => {
	const added = await call(
		sim,
		'MailboxAdd',
		{ Name: 'Acme Frozen', UserID: 1002 },
		{ binding: 'httpPost' },
	);
	const mailboxId = Number(added.text);
	expect(mailboxId).toBeGreaterThan(1000);

	const info = plain(await call(sim, 'MailboxInfo', { MailboxID: mailboxId })) as Record<
		string,
		unknown
	>;
	expect(info).toMatchObject({
		MailboxID: String(mailboxId),
		NetworkID: '1',
		Name: 'Acme Frozen',
		Status: 'Active',
	});
	expect((info.OwnerUserID as Record<string, string>).LoginName).toBe('mbx.admin');

	const listed = items(await call(sim, 'MailboxList', { Name: 'frozen' }));
	expect(listed.map((m) => m.MailboxID)).toEqual([String(mailboxId)]);

	await call(
		sim,
		'MailboxName',
		{ MailboxID: mailboxId, Name: 'Acme Chilled' },
		{ binding: 'soap12' },
	);
	await call(sim, 'MailboxTerminate', { MailboxID: mailboxId }, { binding: 'httpGet' });
	const after = plain(await call(sim, 'MailboxInfo', { MailboxID: mailboxId })) as Record<
		string,
		unknown
	>;
	expect(after).toMatchObject({ Name: 'Acme Chilled', Status: 'Terminated' });
});

test('scope: a mailbox user cannot add mailboxes nor see another network', async () => {
	expect(
		(await refusal(sim, 'MailboxAdd', { Name: 'X', UserID: 0 }, { as: 'mbx.user' })).ErrorCode,
	).toBe('2');
	expect((await refusal(sim, 'MailboxInfo', { MailboxID: 20 }, { as: 'mbx.user' })).ErrorCode).toBe(
		'2',
	);
	expect((await refusal(sim, 'MailboxInfo', { MailboxID: 999 })).ErrorCode).toBe('3');
	// MailboxID 0 is the caller's own mailbox.
	expect(
		(
			plain(await call(sim, 'MailboxInfo', { MailboxID: 0 }, { as: 'other.user' })) as Record<
				string,
				string
			>
		).Name,
	).toBe('Acme Logistics');
	const own = items(await call(sim, 'MailboxList', {}, { as: 'foreign.user' }));
	expect(own.map((m) => m.Name)).toEqual(['Globex Retail']);
});

test('NetworkInfo, NetworkList and NetworkUpdate', async () => {
	await call(sim, 'NetworkUpdate', {
		NetworkID: 1,
		Name: 'Springfield EDI',
		Location: 'Springfield',
	});
	const networks = items(await call(sim, 'NetworkList', { Name: '' }, { as: 'root.ops' }));
	expect(networks.map((n) => n.Name)).toEqual(['Springfield EDI', 'Demo Network 2']);
	expect((await refusal(sim, 'NetworkInfo', { NetworkID: 2 })).ErrorCode).toBe('2');
});
