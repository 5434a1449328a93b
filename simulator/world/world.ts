import { randomUUID } from 'node:crypto';

import { EcGridError } from '../errors';

/** AuthLevel names as ECGridOS sends them (`NoChange` is an input-only value, left out). */
export type AuthLevel =
	| 'Root'
	| 'TechOps'
	| 'NetOps'
	| 'NetworkAdmin'
	| 'NetworkUser'
	| 'MailboxAdmin'
	| 'MailboxUser'
	| 'TPUser'
	| 'General';

export interface SimUser {
	userId: number;
	loginName: string;
	password: string;
	authLevel: AuthLevel;
	networkId: number;
	mailboxId: number;
	firstName: string;
	lastName: string;
	company: string;
	email: string;
	phone: string;
	lastLogin: Date;
}

export interface NewUser extends Omit<SimUser, 'lastLogin'> {
	/** Lowercase GUID; generated when left out. */
	apiKey?: string;
	lastLogin?: Date;
}

export interface DemoUser extends Omit<NewUser, 'apiKey'> {
	apiKey: string;
}

/** Who is calling: the user behind a SessionID, and which kind of token it was. */
export interface Caller {
	user: SimUser;
	kind: 'apiKey' | 'session';
	/** The token exactly as the request gave it (WhoAmI echoes it). */
	token: string;
	sessionEventId: number;
}

export interface WorldOptions {
	sessionIdleMs: number;
	maxSessionsPerUser: number;
	now?: () => number;
}

interface Session {
	userId: number;
	eventId: number;
	lastUsedAt: number;
}

const DEMO_LAST_LOGIN = new Date('2026-01-02T03:04:05.000Z');

function demoUser(
	userId: number,
	loginName: string,
	authLevel: AuthLevel,
	networkId: number,
	mailboxId: number,
	password: string,
	apiKey: string,
	firstName: string,
): DemoUser {
	return {
		userId,
		loginName,
		password,
		authLevel,
		networkId,
		mailboxId,
		apiKey,
		firstName,
		lastName: 'Demo',
		company: `Demo Network ${networkId}`,
		email: `${loginName}@example.test`,
		phone: '+1 555 0100',
		lastLogin: DEMO_LAST_LOGIN,
	};
}

/** The seeded demo users every simulator starts with. Keys are plainly fake. */
export const DEMO_USERS: readonly DemoUser[] = Object.freeze([
	demoUser(
		1001,
		'net.admin',
		'NetworkAdmin',
		1,
		10,
		'net-admin-pass',
		'11111111-1111-4111-8111-111111111111',
		'Nina',
	),
	demoUser(
		1002,
		'mbx.admin',
		'MailboxAdmin',
		1,
		10,
		'mbx-admin-pass',
		'22222222-2222-4222-8222-222222222222',
		'Max',
	),
	demoUser(
		1003,
		'mbx.user',
		'MailboxUser',
		1,
		10,
		'mbx-user-pass',
		'33333333-3333-4333-8333-333333333333',
		'Mia',
	),
	demoUser(
		1004,
		'other.user',
		'MailboxUser',
		1,
		11,
		'other-user-pass',
		'44444444-4444-4444-8444-444444444444',
		'Otto',
	),
	demoUser(
		2001,
		'foreign.user',
		'MailboxUser',
		2,
		20,
		'foreign-user-pass',
		'55555555-5555-4555-8555-555555555555',
		'Fay',
	),
]);

/** Levels that may act on any user (NetOps counted with them: it is Loren Data staff). */
const GLOBAL_LEVELS: ReadonlySet<AuthLevel> = new Set(['Root', 'TechOps', 'NetOps']);

/**
 * In-memory ECGridOS state: users, their API keys, and Login sessions.
 * GUIDs are stored lowercase and compared case-insensitively (SQL Server uniqueidentifier
 * semantics).
 */
export class World {
	private readonly userMap = new Map<number, SimUser>();
	private readonly keyByUser = new Map<number, string>();
	private readonly userByKey = new Map<string, number>();
	private readonly sessions = new Map<string, Session>();
	private nextEventId = 5000;
	private readonly now: () => number;

	constructor(readonly options: WorldOptions) {
		this.now = options.now ?? Date.now;
	}

	get users(): ReadonlyMap<number, SimUser> {
		return this.userMap;
	}

	addUser(input: NewUser): SimUser {
		if (this.userMap.has(input.userId)) throw new Error(`UserID ${input.userId} already exists`);
		if (this.findByLogin(input.loginName)) {
			throw new Error(`LoginName ${input.loginName} already exists`);
		}
		const { apiKey, ...rest } = input;
		const user: SimUser = { ...rest, lastLogin: input.lastLogin ?? new Date(this.now()) };
		this.userMap.set(user.userId, user);
		this.setApiKey(user.userId, apiKey ?? randomUUID());
		return user;
	}

	apiKeyOf(userId: number): string | undefined {
		return this.keyByUser.get(userId);
	}

	/** Replace the user's key with a fresh GUID; the old one stops working at once. */
	replaceApiKey(userId: number): string {
		const key = randomUUID();
		this.setApiKey(userId, key);
		return key;
	}

	/** Live (not idle-expired) sessions of a user. */
	sessionCount(userId: number): number {
		this.purgeExpired();
		let count = 0;
		for (const session of this.sessions.values()) if (session.userId === userId) count++;
		return count;
	}

	/** Login: a new session GUID, or AccessDenied for bad credentials or too many sessions. */
	login(loginName: string, password: string): string {
		const user = this.findByLogin(loginName);
		// Same answer for unknown login and wrong password, and never the password itself.
		if (!user || user.password !== password) {
			throw new EcGridError('AccessDenied', 'LoginName', 'Invalid login name or password.');
		}
		const open = this.sessionCount(user.userId);
		if (open >= this.options.maxSessionsPerUser) {
			throw new EcGridError(
				'AccessDenied',
				'LoginName',
				`Too many open sessions (${open} of ${this.options.maxSessionsPerUser}). Log out unused sessions or wait for them to time out.`,
			);
		}
		const sessionId = randomUUID();
		this.sessions.set(sessionId, {
			userId: user.userId,
			eventId: this.nextEventId++,
			lastUsedAt: this.now(),
		});
		user.lastLogin = new Date(this.now());
		return sessionId;
	}

	/** Ends a Login session; an API key is accepted and left alone (keys are persistent). */
	logout(token: string): void {
		this.authenticate(token);
		this.sessions.delete(token.toLowerCase());
	}

	/** Resolve a SessionID parameter (API key or live session) or fail with SessionTimeout. */
	authenticate(token: string): Caller {
		const normalized = token.toLowerCase();
		const keyOwner = this.userByKey.get(normalized);
		if (keyOwner !== undefined) {
			const user = this.userMap.get(keyOwner);
			if (user) return { user, kind: 'apiKey', token, sessionEventId: this.nextEventId++ };
		}
		const session = this.sessions.get(normalized);
		if (session && !this.isExpired(session)) {
			const user = this.userMap.get(session.userId);
			if (user) {
				session.lastUsedAt = this.now();
				return { user, kind: 'session', token, sessionEventId: session.eventId };
			}
		}
		if (session) this.sessions.delete(normalized);
		throw new EcGridError(
			'SessionTimeout',
			'SessionID',
			'The SessionID is unknown or has expired. Log in again or use a valid API key.',
		);
	}

	/** The user a caller wants to act on: NotFound if absent, AccessDenied if out of scope. */
	targetUser(caller: Caller, userId: number): SimUser {
		const target = this.userMap.get(userId);
		if (!target) throw new EcGridError('NotFound', 'UserID', `UserID ${userId} not found.`);
		if (!canActOn(caller.user, target)) {
			throw new EcGridError(
				'AccessDenied',
				'UserID',
				`UserID ${userId} is outside the scope of a ${caller.user.authLevel}.`,
			);
		}
		return target;
	}

	private findByLogin(loginName: string): SimUser | undefined {
		const wanted = loginName.toLowerCase();
		for (const user of this.userMap.values()) {
			if (user.loginName.toLowerCase() === wanted) return user;
		}
		return undefined;
	}

	private setApiKey(userId: number, key: string): void {
		const old = this.keyByUser.get(userId);
		if (old) this.userByKey.delete(old);
		const normalized = key.toLowerCase();
		this.keyByUser.set(userId, normalized);
		this.userByKey.set(normalized, userId);
	}

	private isExpired(session: Session): boolean {
		return this.now() - session.lastUsedAt > this.options.sessionIdleMs;
	}

	private purgeExpired(): void {
		for (const [id, session] of this.sessions)
			if (this.isExpired(session)) this.sessions.delete(id);
	}
}

/**
 * Scope rule: Root/TechOps/NetOps act on anyone, a NetworkAdmin on its network, a MailboxAdmin on
 * its mailbox, everyone else only on itself.
 */
export function canActOn(actor: SimUser, target: SimUser): boolean {
	if (actor.userId === target.userId) return true;
	if (GLOBAL_LEVELS.has(actor.authLevel)) return true;
	if (actor.authLevel === 'NetworkAdmin') return actor.networkId === target.networkId;
	if (actor.authLevel === 'MailboxAdmin') {
		return actor.networkId === target.networkId && actor.mailboxId === target.mailboxId;
	}
	return false;
}

/** A world seeded with DEMO_USERS (fresh copies, so tests cannot leak state into each other). */
export function createDemoWorld(options: WorldOptions): World {
	const world = new World(options);
	for (const user of DEMO_USERS)
		world.addUser({ ...user, lastLogin: new Date(user.lastLogin ?? 0) });
	return world;
}
