import type { Caller, SimUser, World } from './world/world';

export type Binding = 'soap11' | 'soap12' | 'httpPost' | 'httpGet';

export interface SimulatorOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Idle time after which a Login session expires. Default 20 minutes. */
	sessionIdleMs?: number;
	/** Open Login sessions a user may hold. Default 5. */
	maxSessionsPerUser?: number;
	/** Seed of the PRNG behind `failureRate`, so a test sees the same failures on every run. */
	seed?: number;
}

export interface Simulator {
	/** Full endpoint, e.g. http://127.0.0.1:PORT/v4.1/prod/ECGridOS.asmx */
	url: string;
	world: World;
	/** Every request received, in order. */
	requests: RecordedRequest[];
	inject(fault: FaultInjection): void;
	clearInjections(): void;
	resetRequests(): void;
	register(operation: string, handler: OperationHandler): void;
	close(): Promise<void>;
}

export interface RecordedRequest {
	method: string;
	path: string;
	/** Raw query string without the leading '?', '' if none. */
	query: string;
	/** Lowercase header names, as Node gives them. */
	headers: Record<string, string>;
	/** Exact raw body as received (utf-8). */
	body: string;
	binding: Binding | 'unknown';
	operation?: string;
}

export interface FaultInjection {
	/** Only requests for this operation; all operations when left out. */
	operation?: string;
	/** Only the next N matching requests; unlimited when left out. */
	times?: number;
	/** Delay before answering. */
	latencyMs?: number;
	/**
	 * 0..1: probability of failing (seeded PRNG). Alone: a framework fault / HTTP 500. With `kind`:
	 * the probability of that kind instead of always.
	 */
	failureRate?: number;
	kind?: 'drop' | 'hang' | 'html' | 'truncated' | 'empty';
}

/** What a handler gets: validated parameters (typed per the WSDL) and the world. */
export interface OperationContext {
	operation: string;
	binding: Binding;
	/** Parameters by WSDL name: string, number (int/short/long/float…), boolean, Date, Buffer, or null (xsi:nil). */
	params: Readonly<Record<string, unknown>>;
	world: World;
	/** Remote IP address, as WhoAmI reports it. */
	remoteAddress: string;
	/** Simulator settings the handlers need (e.g. WhoAmI's TimeOut). */
	settings: Required<Omit<SimulatorOptions, 'port' | 'seed'>>;
	/** Resolve the `SessionID` parameter (API key or live session) or throw SessionTimeout. */
	caller(): Caller;
	/** The user the caller may act on, or NotFound / AccessDenied. */
	targetUser(userId: number): SimUser;
}

/** Returns the `{Op}Result` value: a scalar, a Date, or an object keyed by WSDL field names. */
export type OperationHandler = (context: OperationContext) => unknown;
