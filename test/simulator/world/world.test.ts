import { EcGridError } from '../../../simulator/errors';
import { DEMO_USERS, World, canActOn, createDemoWorld } from '../../../simulator';

function worldAt(clock: { now: number }, options: Partial<{ idle: number; max: number }> = {}) {
	return createDemoWorld({
		sessionIdleMs: options.idle ?? 1000,
		maxSessionsPerUser: options.max ?? 5,
		now: () => clock.now,
	});
}

function codeOf(action: () => unknown): number | undefined {
	try {
		action();
	} catch (error) {
		if (error instanceof EcGridError) return error.code;
		throw error;
	}
	return undefined;
}

test('DEMO_USERS holds the contract users', () => {
	expect(
		DEMO_USERS.map((u) => [u.userId, u.loginName, u.authLevel, u.networkId, u.mailboxId]),
	).toEqual([
		[1001, 'net.admin', 'NetworkAdmin', 1, 10],
		[1002, 'mbx.admin', 'MailboxAdmin', 1, 10],
		[1003, 'mbx.user', 'MailboxUser', 1, 10],
		[1004, 'other.user', 'MailboxUser', 1, 11],
		[2001, 'foreign.user', 'MailboxUser', 2, 20],
		[9001, 'root.ops', 'Root', 1, 10],
	]);
	expect(DEMO_USERS.map((u) => u.password)).toEqual([
		'net-admin-pass',
		'mbx-admin-pass',
		'mbx-user-pass',
		'other-user-pass',
		'foreign-user-pass',
		'root-ops-pass',
	]);
	expect(DEMO_USERS.map((u) => u.apiKey)).toEqual([
		'11111111-1111-4111-8111-111111111111',
		'22222222-2222-4222-8222-222222222222',
		'33333333-3333-4333-8333-333333333333',
		'44444444-4444-4444-8444-444444444444',
		'55555555-5555-4555-8555-555555555555',
		'99999999-9999-4999-8999-999999999999',
	]);
});

test('a demo world copies the users, so changing one world leaves DEMO_USERS alone', () => {
	const world = worldAt({ now: 0 });
	world.users.get(1001)!.firstName = 'Changed';
	expect(DEMO_USERS[0].firstName).not.toBe('Changed');
	expect(worldAt({ now: 0 }).users.get(1001)!.firstName).toBe(DEMO_USERS[0].firstName);
});

test('sessions expire after the idle time, measured from last use', () => {
	const clock = { now: 0 };
	const world = worldAt(clock, { idle: 1000 });
	const id = world.login('mbx.user', 'mbx-user-pass');
	clock.now = 900;
	expect(world.authenticate(id).user.userId).toBe(1003);
	clock.now = 1800;
	expect(world.authenticate(id).kind).toBe('session');
	clock.now = 2801;
	expect(codeOf(() => world.authenticate(id))).toBe(1);
	expect(world.sessionCount(1003)).toBe(0);
});

test('login names match case-insensitively, passwords exactly', () => {
	const world = worldAt({ now: 0 });
	expect(world.login('MBX.User', 'mbx-user-pass')).toMatch(/^[0-9a-f-]{36}$/);
	expect(codeOf(() => world.login('mbx.user', 'MBX-USER-PASS'))).toBe(2);
});

test('the session limit counts per user', () => {
	const world = worldAt({ now: 0 }, { max: 1 });
	world.login('mbx.user', 'mbx-user-pass');
	expect(codeOf(() => world.login('mbx.user', 'mbx-user-pass'))).toBe(2);
	expect(world.sessionCount(1003)).toBe(1);
	expect(() => world.login('mbx.admin', 'mbx-admin-pass')).not.toThrow();
});

test('logging out with an API key is accepted and keeps the key', () => {
	const world = worldAt({ now: 0 });
	world.logout(DEMO_USERS[0].apiKey);
	expect(world.authenticate(DEMO_USERS[0].apiKey).kind).toBe('apiKey');
});

test('addUser refuses duplicate ids and login names', () => {
	const world = new World({ sessionIdleMs: 1000, maxSessionsPerUser: 5 });
	const base = { ...DEMO_USERS[0], apiKey: undefined };
	world.addUser(base);
	expect(() => world.addUser(base)).toThrow(/already exists/);
	expect(() => world.addUser({ ...base, userId: 9 })).toThrow(/already exists/);
	expect(world.apiKeyOf(1001)).toMatch(/^[0-9a-f-]{36}$/);
});

test('canActOn: NetOps counts as global, NetworkUser only on itself', () => {
	const world = worldAt({ now: 0 });
	const target = world.users.get(2001)!;
	const base = world.users.get(1001)!;
	expect(canActOn({ ...base, authLevel: 'NetOps' }, target)).toBe(true);
	expect(canActOn({ ...base, authLevel: 'NetworkUser' }, world.users.get(1003)!)).toBe(false);
	expect(canActOn({ ...base, authLevel: 'TPUser' }, world.users.get(1003)!)).toBe(false);
});
