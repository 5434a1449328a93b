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
	/**
	 * Trading partners (`QUALIFIER:ID`) that answer the interchanges uploaded to them, over the
	 * demo world's (`DEMO_ANSWERING_PARTNERS`, all with `accept`); `false` silences one, or all.
	 */
	partners?: false | Record<string, PartnerBehaviour | false>;
	/**
	 * Answer HTTP GET/POST exceptions as ASMX does under ASP.NET's customErrors (its default,
	 * RemoteOnly, for a remote caller): the messages alone, HTML-encoded, no type name or stack
	 * trace (`Session timed out.`). Default false: the full exception text a local caller sees.
	 */
	customErrors?: boolean;
	/**
	 * Added to every ParcelID on the wire (default 0): past 2^53 (e.g. `2n ** 53n`), ParcelIDs
	 * are xs:longs a JS number cannot hold. `sim.parcel()` and the admin views keep the small ID.
	 */
	parcelIdBase?: bigint;
}

/** What a simulated trading partner does with one file it receives. */
export type PartnerAnswerKind = 'accept' | 'reject' | 'late' | 'never';

/** How a simulated trading partner answers the X12 and EDIFACT interchanges uploaded to it. */
export interface PartnerBehaviour {
	/**
	 * `accept` (default): an acknowledgment with the verdicts of the EDI engine's validation;
	 * `reject`: those, plus the sets `reject` names rejected; `late`: as accept, `delayMs` later;
	 * `never`: no answer; `mix`: one of the four per file, drawn by `mix` weights with `seed`.
	 */
	answer?: PartnerAnswerKind | 'mix';
	/** The X12 acknowledgment: `997` (default) or `999`. EDIFACT is answered with a CONTRL. */
	ack?: '997' | '999';
	/** Whether accepted sets are listed too (AK2 / UCM), not only rejected ones. Default true. */
	acceptedSets?: boolean;
	/** What `reject` rejects; every set of every group when left out. */
	reject?: RejectRule;
	/** How late a `late` answer comes, in ms. Default 5000. */
	delayMs?: number;
	/** Relative weights of the answers `mix` draws from (those left out weigh 0). Default accept 7, the others 1 each. */
	mix?: Partial<Record<PartnerAnswerKind, number>>;
	/** Seed of the `mix` draws. Default: the simulator's seed. */
	seed?: number;
}

/** The sets a rejecting partner turns down, on top of those its validation rejects. */
export interface RejectRule {
	/**
	 * Set codes (X12 ST01, EDIFACT message type) it does not take: AK5 code 1 (set not
	 * supported) / UCM code 14 (not supported in this position) on UNH.
	 */
	sets?: string[];
	/**
	 * Every Nth group it receives (counted over all files): each of its sets rejected with AK3 code
	 * 8 on its second segment, AK4 code 7 (invalid code value) on that segment's first element,
	 * AK5 code 5 (UCS and UCD code 12 in a CONTRL).
	 */
	everyNthGroup?: number;
}

/** A partner's behaviour for its next `times` files (all, when left out), over its configured one. */
export interface PartnerInjection extends PartnerBehaviour {
	/** The trading partner, `QUALIFIER:ID` as in the envelope, e.g. `ZZ:GLOBEXRETAIL`. */
	partner: string;
	times?: number;
}

/** One file a partner received and what it did about it (`Simulator.answers`). */
export interface PartnerAnswer {
	/** `QUALIFIER:ID` of the answering partner. */
	partner: string;
	/** The parcel it received (its InBox) and the sender's OutBox parcel. */
	receivedParcelId: number;
	sentParcelId: number;
	answer: PartnerAnswerKind;
	/** Left out for `never`. */
	acknowledgment?: '997' | '999' | 'CONTRL';
	/** ISA13 and GS06 / UNB05 of the acknowledgment: never repeated by one partner. */
	controlNumber?: number;
	/** When the acknowledgment is (for `late`: will be) delivered. */
	dueAt?: Date;
	/** The sender's InBox parcel holding the acknowledgment, once delivered. */
	ackParcelId?: number;
	/** Why it could not be answered or delivered. */
	error?: string;
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
	/** A fault on the wire, or a trading partner's behaviour (`{ partner, answer, … }`). */
	inject(fault: FaultInjection | PartnerInjection): void;
	/** What the simulated trading partners did with each file they received, in order. */
	answers: PartnerAnswer[];
	/** Ends every fault and partner injection. */
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
