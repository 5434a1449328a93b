import { startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { call, items, plain, refusal } from './call';

let sim: Simulator;
beforeEach(async () => {
	sim = await startSimulator({ port: 0 });
});
afterEach(() => sim.close());

const newUser = {
	MailboxID: 10,
	LoginName: 'new.user',
	Password: 'new-user-pass',
	FirstName: 'Nora',
	LastName: 'New',
	EMail: 'nora@example.test',
	AuthLevel: 'MailboxUser',
};

test('UserAdd then UserInfo, UserList; the new user can log in; UserSuspend ends that', async () => {
	const userId = Number((await call(sim, 'UserAdd', newUser, { as: 'mbx.admin' })).text);
	const info = plain(await call(sim, 'UserInfo', { UserID: userId })) as Record<string, string>;
	expect(info).toMatchObject({
		LoginName: 'new.user',
		FirstName: 'Nora',
		AuthLevel: 'MailboxUser',
		MailboxID: '10',
		Status: 'Active',
	});
	const listed = items(await call(sim, 'UserList', { Name: 'nora' }));
	expect(listed.map((u) => u.UserID)).toEqual([String(userId)]);
	const login = await call(sim, 'Login', { LoginName: 'new.user', Password: 'new-user-pass' });
	expect(login.text).toMatch(/^[0-9a-f-]{36}$/);

	await call(sim, 'UserSuspend', { UserID: userId }, { as: 'mbx.admin' });
	expect(
		(await refusal(sim, 'Login', { LoginName: 'new.user', Password: 'new-user-pass' })).ErrorCode,
	).toBe('2');
});

test('UserAdd refuses a taken login name and a level above the caller', async () => {
	expect((await refusal(sim, 'UserAdd', { ...newUser, LoginName: 'MBX.USER' })).ErrorItem).toBe(
		'LoginName',
	);
	const tooHigh = await refusal(
		sim,
		'UserAdd',
		{ ...newUser, AuthLevel: 'NetworkAdmin' },
		{ as: 'mbx.admin' },
	);
	expect(tooHigh).toMatchObject({ ErrorCode: '2', ErrorItem: 'AuthLevel' });
});

test('UserUpdate changes a user; ChangePassword needs the old one', async () => {
	await call(sim, 'UserUpdate', {
		UserID: 1003,
		FirstName: 'Mina',
		LastName: 'Demo',
		CellCarrier: 'NoChange',
		AuthLevel: 'NoChange',
	});
	const info = plain(await call(sim, 'UserInfo', { UserID: 1003 })) as Record<string, string>;
	expect(info).toMatchObject({ FirstName: 'Mina', AuthLevel: 'MailboxUser' });
	expect(
		(
			await refusal(
				sim,
				'ChangePassword',
				{ OldPassword: 'wrong', NewPassword: 'brand-new-pass' },
				{ as: 'mbx.user' },
			)
		).ErrorCode,
	).toBe('2');
	await call(
		sim,
		'ChangePassword',
		{ OldPassword: 'mbx-user-pass', NewPassword: 'brand-new-pass' },
		{ as: 'mbx.user' },
	);
	expect(
		(await call(sim, 'Login', { LoginName: 'mbx.user', Password: 'brand-new-pass' })).text,
	).toMatch(/-/);
});
