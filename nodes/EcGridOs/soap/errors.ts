import { retCodeName } from './retCode';

/** What ECGridOS put in a fault's `detail/ErrorInfo`. */
export interface ErrorInfo {
	/** A whole number, or the text as sent when it is not one. */
	errorCode: number | string;
	errorString: string;
	errorItem: string;
	errorMessage: string;
}

/** Longest text taken from a reply into an error; the rest is counted, not kept. */
export const MAX_ERROR_TEXT = 1000;

/** Cuts a text from the service to `max` characters, saying how much was left out. */
export function capText(text: string, max = MAX_ERROR_TEXT): string {
	return text.length <= max
		? text
		: `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/** Joins parts as sentences: each ends with one full stop, whatever the service wrote. */
export function sentences(...parts: Array<string | false | undefined>): string {
	return parts
		.map((part) => (part || '').trim())
		.filter(Boolean)
		.map((part) => (/[.!?]$/.test(part) ? part : `${part}.`))
		.join(' ');
}

/**
 * The one error family of the protocol layer. `message` says what happened, `description`
 * what to check; `httpStatus` is 0 when no HTTP answer arrived.
 */
export abstract class EcGridOsError extends Error {
	abstract readonly description: string;

	constructor(
		message: string,
		readonly httpStatus: number,
	) {
		super(message);
		this.name = new.target.name;
	}
}

/** What to do about the RetCodes a user can fix. */
const RET_CODE_HINTS: Record<string, string> = {
	SessionTimeout:
		'Check the API key in the credential, or use the Login credential, which logs in again by itself',
	AccessDenied: 'The credential’s user may not do this for that item',
	NotFound: 'Nothing with that ID exists, or the credential’s user cannot see it',
};

/**
 * Headlines for RetCodes whose ErrorString misleads: ECGridOS answers "Session timed out." for
 * any SessionID it does not know, a mistyped API key included.
 */
const RET_CODE_HEADLINES: Record<string, string> = {
	SessionTimeout: 'The API key or session ID is not valid, or the session has expired',
};

/** ECGridOS refused the call and said why (a fault carrying ErrorInfo, or its plain-text form). */
export class EcGridOsFault extends EcGridOsError {
	readonly retCode: string | undefined;
	/** ECGridOS's own words (ErrorString or faultstring); the message may be our headline. */
	private readonly said: string;

	constructor(
		readonly errorInfo: ErrorInfo,
		readonly faultCode: string,
		httpStatus: number,
		faultString: string,
	) {
		const said = errorInfo.errorString || faultString || 'ECGridOS reported an error';
		const retCode = retCodeName(errorInfo.errorCode);
		super((retCode && RET_CODE_HEADLINES[retCode]) || said, httpStatus);
		this.retCode = retCode;
		this.said = said;
	}

	/** `3 (NotFound)`, or the code as sent: what the editor shows as the error code. */
	get errorCodeLabel(): string {
		const { errorCode } = this.errorInfo;
		if (this.retCode) return `${errorCode} (${this.retCode})`;
		return errorCode === '' ? '(none)' : String(errorCode);
	}

	/** What the user can do about this RetCode, when there is something. */
	get hint(): string | undefined {
		return this.retCode ? RET_CODE_HINTS[this.retCode] : undefined;
	}

	get description(): string {
		const { errorItem, errorMessage } = this.errorInfo;
		return sentences(
			`ECGridOS error code ${this.errorCodeLabel}`,
			this.said !== this.message && `ECGridOS says: ${this.said}`,
			errorItem && `Field: ${errorItem}`,
			errorMessage,
			this.hint,
			`HTTP ${this.httpStatus}`,
		);
	}
}

/**
 * A fault or exception without ErrorInfo: the ASMX framework rejected the request itself
 * (missing parameter, bad value, server error) before ECGridOS's own code ran.
 */
export class FrameworkFault extends EcGridOsError {
	constructor(
		message: string,
		readonly faultCode: string,
		httpStatus: number,
		/** Further text the service gave (the plain-text bindings' lines after the first). */
		readonly detail = '',
	) {
		super(message, httpStatus);
	}

	get description(): string {
		const code = this.faultCode ? `fault code ${this.faultCode}, ` : '';
		return sentences(
			this.detail,
			`The ECGridOS web service rejected the request (${code}HTTP ${this.httpStatus})`,
			'Check the parameter values and the endpoint URL in the credential',
		);
	}
}

export type UnreadableReason =
	'empty' | 'html' | 'malformed' | 'unexpected' | 'noResult' | 'redirect' | 'tooLarge';

const UNREADABLE_HINTS: Record<UnreadableReason, string> = {
	empty: 'The reply had no body.',
	html: 'An HTML page came back instead of an ECGridOS answer: a proxy, gateway or wrong URL is answering.',
	malformed: 'The reply is not well-formed XML (it may have been cut off).',
	unexpected: 'The reply is XML but not the answer this operation returns.',
	noResult:
		'The call exists to return this value, so an empty answer is a failure, not a result: run it again, and ask Loren Data support if it persists.',
	redirect:
		'ECGridOS never redirects, so the redirect was not followed (it would send the API key or session ID elsewhere): set the Endpoint URL in the credential to the address ECGridOS really answers at.',
	tooLarge:
		'Reading stopped at the size limit: raise the Max Reply Size option if such large answers are expected.',
};

/** An HTTP answer arrived but it is not an ECGridOS answer we can read. */
export class UnreadableResponseError extends EcGridOsError {
	constructor(
		message: string,
		readonly reason: UnreadableReason,
		httpStatus: number,
	) {
		super(message, httpStatus);
	}

	get description(): string {
		const check =
			this.reason === 'redirect' || this.reason === 'tooLarge' || this.reason === 'noResult'
				? ''
				: 'Check the endpoint URL in the credential and any proxy between n8n and ECGridOS.';
		return sentences(UNREADABLE_HINTS[this.reason], `HTTP ${this.httpStatus}`, check);
	}
}

export type TransportFailure = 'refused' | 'timeout' | 'tls' | 'dns' | 'reset' | 'other';

const TRANSPORT_HINTS: Record<TransportFailure, string> = {
	refused:
		'Nothing accepted the connection: check the endpoint URL and that the service is reachable from n8n.',
	timeout:
		'The whole answer did not arrive within the Timeout: raise the Timeout option, or check the network and the service status.',
	tls: 'The TLS handshake failed: check that the endpoint uses https with a valid certificate (or your proxy’s CA).',
	dns: 'The host name did not resolve: check the endpoint URL in the credential.',
	reset: 'The connection was closed before an answer arrived: retry, or check proxies in between.',
	other: 'The request could not be completed: check the endpoint URL and the network.',
};

/** No HTTP answer at all. */
export class TransportError extends EcGridOsError {
	constructor(
		message: string,
		readonly failure: TransportFailure,
		/** The system error code, e.g. ECONNREFUSED, when one was given. */
		readonly code?: string,
	) {
		super(message, 0);
	}

	get description(): string {
		return this.code
			? `${TRANSPORT_HINTS[this.failure]} (${this.code})`
			: TRANSPORT_HINTS[this.failure];
	}
}
