import type { RetCodeName } from './errors';
import type { ParcelCounters, SimParcel } from './world/records';
import type { Caller, SimUser, World } from './world/world';

export type Binding = 'soap11' | 'soap12' | 'httpPost' | 'httpGet';

export interface SimulatorOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Idle time after which a Login session expires. Default 20 minutes. */
	sessionIdleMs?: number;
	/** Open Login sessions a user may hold. Default 5. */
	maxSessionsPerUser?: number;
	/**
	 * Seed of the PRNG behind `failureRate` and behind generated replies, so a test sees the same
	 * failures and values on every run. Default 1.
	 */
	seed?: number;
	/** Delay before every answer (benchmarks). Default 0. */
	latencyMs?: number;
	/** Seed the demo parcels (two InBox parcels in mailbox 10, an OutBox error …). Default true. */
	demoParcels?: boolean;
	/** One line per request (operation, binding, outcome); never a key or password. */
	log?: (line: string) => void;
}

/** A parcel as the admin endpoint and `sim.parcel()` show it. */
export interface ParcelView {
	parcelId: number;
	direction: 'InBox' | 'OutBox';
	networkId: number;
	mailboxId: number;
	fileName: string;
	bytes: number;
	standard: string;
	/** ParcelStatus name (`InBoxReady`, `InBoxTransferred`, `outboxDeliveryError`) or null. */
	status: string | null;
	inInBox: boolean;
	counters: ParcelCounters;
	interchangeIds: number[];
}

export interface DropParcelInput {
	/** Default: the demo mailbox (10). */
	mailboxId?: number;
	fileName: string;
	content: Buffer;
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
	/** A file arriving from outside into a mailbox's InBox, as `InBoxReady`; returns it. */
	dropParcel(input: DropParcelInput): ParcelView;
	/** A parcel's state and counters; undefined if there is none with that ID. */
	parcel(parcelId: number): ParcelView | undefined;
	/** Every parcel of a mailbox's InBox that is not yet confirmed, oldest first. */
	inBox(mailboxId?: number): ParcelView[];
	/** The raw bytes of a parcel. */
	parcelContent(parcelId: number): Buffer | undefined;
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
	kind?: 'drop' | 'hang' | 'html' | 'truncated' | 'empty' | 'ecgridError';
	/** For `kind: 'ecgridError'`: the RetCode of the ECGridOS fault (ErrorInfo) answered instead. */
	retCode?: RetCodeName;
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
	settings: { sessionIdleMs: number; maxSessionsPerUser: number; seed: number };
	/** Resolve the `SessionID` parameter (API key or live session) or throw SessionTimeout. */
	caller(): Caller;
	/** The user the caller may act on, or NotFound / AccessDenied. */
	targetUser(userId: number): SimUser;
}

/** Returns the `{Op}Result` value: a scalar, a Date, or an object keyed by WSDL field names. */
export type OperationHandler = (context: OperationContext) => unknown;

/** A .NET DataSet result: written as inline `xs:schema` + `diffgr:diffgram`. */
export interface DataSetValue {
	tables: DataTable[];
}

export interface DataTable {
	name: string;
	columns: { name: string; type: 'string' | 'int' | 'long' | 'dateTime' | 'boolean' | 'decimal' }[];
	rows: Record<string, unknown>[];
}

export type { SimParcel };
