import { startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { call, items, plain, refusal } from './call';

let sim: Simulator;
beforeEach(async () => {
	sim = await startSimulator({ port: 0 });
});
afterEach(() => sim.close());

test('SessionLog lists a user’s open Login sessions without their IDs', async () => {
	const session = (await call(sim, 'Login', { LoginName: 'mbx.user', Password: 'mbx-user-pass' }))
		.text;
	const current = plain(await call(sim, 'SessionLogCurrent', { SessionID: session })) as Record<
		string,
		string
	>;
	expect(current).toMatchObject({ UserID: '1003', Status: 'Open' });
	const log = items(await call(sim, 'SessionLogEx', { UserID: 1003, MaxRecords: 10 }));
	expect(log).toHaveLength(1);
	expect(JSON.stringify(log)).not.toContain(session);
});

test('KeySet then KeyGet and KeyList; KeyRemove; private keys are per user', async () => {
	const key = { Key: 'last-run', SystemObject: 'Mailbox', ObjectID: 10, Visibility: 'Private' };
	await call(
		sim,
		'KeySet',
		{ ...key, Value: '2026-01-02', Meta: 'cursor', DaysToLive: 1 },
		{ as: 'mbx.user' },
	);
	expect(plain(await call(sim, 'KeyGet', key, { as: 'mbx.user' }))).toMatchObject({
		Key: 'last-run',
		Value: '2026-01-02',
	});
	expect((await refusal(sim, 'KeyGet', key, { as: 'mbx.admin' })).ErrorCode).toBe('3');
	const listed = items(
		await call(sim, 'KeyList', { SystemObject: 'Mailbox', ObjectID: 10 }, { as: 'mbx.user' }),
	);
	expect(listed.map((k) => k.Key)).toEqual(['last-run']);
	expect((await call(sim, 'KeyRemove', key, { as: 'mbx.user' })).text).toBe('true');
	expect((await refusal(sim, 'KeyGet', key, { as: 'mbx.user' })).ErrorCode).toBe('3');
});
