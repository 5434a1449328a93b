import { randomUUID } from 'node:crypto';

import { EcGridError } from '../errors';
import type {
	AuthLevel,
	SimInterchange,
	SimInterconnect,
	SimKeyValue,
	SimMailbox,
	SimNetwork,
	SimParcel,
	SimTradingPartner,
	SimUser,
} from './records';

export type { AuthLevel, SimUser } from './records';

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

/** An uploaded file routed from the sender's OutBox into the receiver's InBox. */
export interface Delivery {
	outgoing: SimParcel;
	incoming: SimParcel;
	from: SimTradingPartner;
	to: SimTradingPartner;
}

export interface WorldOptions {
	sessionIdleMs: number;
	maxSessionsPerUser: number;
	/**
	 * Added to every parcel ID on the wire (0 by default): a base past 2^53 makes ParcelIDs that a
	 * JS number cannot hold, as an xs:long may be. The world and its admin views keep the small ID.
	 */
	parcelIdBase?: bigint;
	now?: () => number;
}

interface Session {
	userId: number;
	eventId: number;
	lastUsedAt: number;
	startedAt: number;
}

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
	readonly now: () => number;

	readonly networks = new Map<number, SimNetwork>();
	readonly mailboxes = new Map<number, SimMailbox>();
	readonly tradingPartners = new Map<number, SimTradingPartner>();
	readonly interconnects = new Map<number, SimInterconnect>();
	readonly parcels = new Map<number, SimParcel>();
	readonly interchanges = new Map<number, SimInterchange>();
	/** Key-value store, by `{objectKey}|{visibility}|{key}`. */
	readonly keyValues = new Map<string, SimKeyValue>();
	private readonly counters = new Map<string, number>();
	/**
	 * Told of every upload delivered into a receiver's InBox (not of the seeded ones, which are
	 * made before anyone listens): the simulated trading partners answer from here.
	 */
	onDelivered?: (delivery: Delivery) => void;

	constructor(readonly options: WorldOptions) {
		this.now = options.now ?? Date.now;
	}

	/** The next ID of a kind (`user`, `mailbox`, `parcel` …), above every seeded one. */
	nextId(kind: string, floor: number): number {
		const next = Math.max(this.counters.get(kind) ?? floor, floor) + 1;
		this.counters.set(kind, next);
		return next;
	}

	/** A parcel's ID as ECGridOS answers it: a number while exact as one, else a bigint. */
	parcelWireId(parcelId: number): number | bigint {
		const id = BigInt(parcelId) + (this.options.parcelIdBase ?? 0n);
		return Number.isSafeInteger(Number(id)) ? Number(id) : id;
	}

	/** The world's ID of a ParcelID parameter (number or bigint as the wire reader gives it). */
	parcelIdFromWire(value: unknown): number {
		if (typeof value !== 'number' && typeof value !== 'bigint') return Number(value);
		return Number(BigInt(value) - (this.options.parcelIdBase ?? 0n));
	}

	date(): Date {
		return new Date(this.now());
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
		if (user.status === 'Suspended' || user.status === 'Terminated') {
			throw new EcGridError(
				'AccessDenied',
				'LoginName',
				`The user is ${user.status.toLowerCase()}.`,
			);
		}
		const open = this.sessionCount(user.userId);
		const limit = user.maxSessions ?? this.options.maxSessionsPerUser;
		if (open >= limit) {
			throw new EcGridError(
				'AccessDenied',
				'LoginName',
				`Too many open sessions (${open} of ${limit}). Log out unused sessions or wait for them to time out.`,
			);
		}
		const sessionId = randomUUID();
		this.sessions.set(sessionId, {
			userId: user.userId,
			eventId: this.nextEventId++,
			lastUsedAt: this.now(),
			startedAt: this.now(),
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
			if (user && (user.status === 'Suspended' || user.status === 'Terminated')) {
				throw new EcGridError(
					'AccessDenied',
					'SessionID',
					`The user is ${user.status.toLowerCase()}.`,
				);
			}
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

	/** When the caller's session started (API keys: now), for SessionLogCurrent. */
	sessionStart(token: string): Date {
		const session = this.sessions.get(token.toLowerCase());
		return new Date(session ? session.startedAt : this.now());
	}

	/** Live sessions of a user as [token, start, last use]; tokens stay inside the simulator. */
	sessionsOf(userId: number): { startedAt: Date; lastUsedAt: Date }[] {
		this.purgeExpired();
		return [...this.sessions.values()]
			.filter((session) => session.userId === userId)
			.map((session) => ({
				startedAt: new Date(session.startedAt),
				lastUsedAt: new Date(session.lastUsedAt),
			}));
	}

	/** End every session of a user (UserReset, UserTerminate). */
	endSessions(userId: number): void {
		for (const [id, session] of this.sessions)
			if (session.userId === userId) this.sessions.delete(id);
	}

	findByLogin(loginName: string): SimUser | undefined {
		const wanted = loginName.toLowerCase();
		for (const user of this.userMap.values()) {
			if (user.loginName.toLowerCase() === wanted) return user;
		}
		return undefined;
	}

	/** TerminateAPIKey-like removal: the user keeps working only through Login sessions. */
	removeApiKey(userId: number): void {
		const old = this.keyByUser.get(userId);
		if (old) this.userByKey.delete(old);
		this.keyByUser.delete(userId);
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

/** Ranks of AuthLevel, most powerful first: a caller needs a rank at most the required one. */
const LEVEL_RANK: Record<AuthLevel, number> = {
	Root: 0,
	TechOps: 1,
	NetOps: 2,
	NetworkAdmin: 3,
	NetworkUser: 4,
	MailboxAdmin: 5,
	MailboxUser: 6,
	TPUser: 7,
	General: 8,
};

export function hasLevel(actor: SimUser, required: AuthLevel): boolean {
	return LEVEL_RANK[actor.authLevel] <= LEVEL_RANK[required];
}

/**
 * Mailbox scope: global levels see every mailbox, NetworkAdmin and NetworkUser their network,
 * everyone else their own mailbox.
 */
export function canSeeMailbox(actor: SimUser, networkId: number, mailboxId: number): boolean {
	if (GLOBAL_LEVELS.has(actor.authLevel)) return true;
	if (actor.networkId !== networkId) return false;
	if (actor.authLevel === 'NetworkAdmin' || actor.authLevel === 'NetworkUser') return true;
	return actor.mailboxId === mailboxId;
}

/** Network scope: global levels see every network, everyone else their own. */
export function canSeeNetwork(actor: SimUser, networkId: number): boolean {
	return GLOBAL_LEVELS.has(actor.authLevel) || actor.networkId === networkId;
}
