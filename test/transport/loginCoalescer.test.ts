import {
	coalescedLogin,
	REUSE_FRESH_SESSION_MS,
} from '../../nodes/EcGridOs/transport/loginCoalescer';

interface Deferred {
	promise: Promise<string>;
	resolve: (sessionId: string) => void;
	reject: (error: Error) => void;
}

function deferred(): Deferred {
	let resolve!: (sessionId: string) => void;
	let reject!: (error: Error) => void;
	const promise = new Promise<string>((res, rej) => ((resolve = res), (reject = rej)));
	return { promise, resolve, reject };
}

let endpointCount = 0;
/** A fresh endpoint per test: the coalescer's state lives for the whole process. */
const identity = (loginName = 'net.admin', password = 'secret') => ({
	endpoint: `http://127.0.0.1:${++endpointCount}/`,
	loginName,
	password,
});

describe('coalescedLogin', () => {
	it('runs one Login for concurrent callers and hands them all its session', async () => {
		const who = identity();
		const login = deferred();
		const logIn = jest.fn(() => login.promise);
		const callers = [1, 2, 3].map(() => coalescedLogin(who, '', logIn));
		login.resolve('S1');
		expect(await Promise.all(callers)).toEqual(['S1', 'S1', 'S1']);
		expect(logIn).toHaveBeenCalledTimes(1);
	});

	it('shares a failed Login only with its waiters: the next caller tries again', async () => {
		const who = identity();
		const login = deferred();
		const logIn = jest.fn(() => login.promise);
		const callers = [1, 2].map(() => coalescedLogin(who, '', logIn));
		login.reject(new Error('Access denied'));
		for (const caller of callers) await expect(caller).rejects.toThrow('Access denied');
		expect(logIn).toHaveBeenCalledTimes(1);

		await expect(coalescedLogin(who, '', async () => 'S2')).resolves.toBe('S2');
	});

	it('hands a just-issued session to a caller that read the credential before it was stored', async () => {
		const who = identity();
		await coalescedLogin(who, '', async () => 'S1');
		const again = jest.fn(async () => 'S2');
		await expect(coalescedLogin(who, '', again)).resolves.toBe('S1');
		await expect(coalescedLogin(who, 'S0', again)).resolves.toBe('S1');
		expect(again).not.toHaveBeenCalled();
	});

	it('logs in again when the caller reports the just-issued session as expired', async () => {
		const who = identity();
		await coalescedLogin(who, '', async () => 'S1');
		await expect(coalescedLogin(who, 'S1', async () => 'S2')).resolves.toBe('S2');
	});

	it('stops handing out a session once it is older than the reuse window', async () => {
		const who = identity();
		let now = 1_000;
		await coalescedLogin(
			who,
			'',
			async () => 'S1',
			() => now,
		);
		now += REUSE_FRESH_SESSION_MS + 1;
		await expect(
			coalescedLogin(
				who,
				'',
				async () => 'S2',
				() => now,
			),
		).resolves.toBe('S2');
	});

	it('never hands one identity the session of another', async () => {
		const endpoint = identity().endpoint;
		const admin = { endpoint, loginName: 'net.admin', password: 'secret' };
		const otherUser = { endpoint, loginName: 'root.ops', password: 'secret' };
		const wrongPassword = { endpoint, loginName: 'net.admin', password: 'guess' };
		const otherEndpoint = { ...admin, endpoint: `${endpoint}other` };
		const login = deferred();
		const first = coalescedLogin(admin, '', () => login.promise);
		const others = await Promise.all([
			coalescedLogin(otherUser, '', async () => 'ROOT'),
			coalescedLogin(wrongPassword, '', async () => Promise.reject(new Error('denied'))).catch(
				(error: Error) => error.message,
			),
			coalescedLogin(otherEndpoint, '', async () => 'ELSEWHERE'),
		]);
		login.resolve('ADMIN');
		expect([await first, ...others]).toEqual(['ADMIN', 'ROOT', 'denied', 'ELSEWHERE']);
	});
});
