import { retCodeName } from './retCode';

/** What ECGridOS put in a fault's `detail/ErrorInfo`. */
export interface ErrorInfo {
	errorCode: number;
	errorString: string;
	errorItem: string;
	errorMessage: string;
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

/** ECGridOS refused the call and said why (a fault carrying ErrorInfo). */
export class EcGridOsFault extends EcGridOsError {
	readonly retCode: string | undefined;

	constructor(
		readonly errorInfo: ErrorInfo,
		readonly faultCode: string,
		httpStatus: number,
		faultString: string,
	) {
		super(errorInfo.errorString || faultString || 'ECGridOS reported an error', httpStatus);
		this.retCode = retCodeName(errorInfo.errorCode);
	}

	get description(): string {
		const { errorCode, errorItem, errorMessage } = this.errorInfo;
		const code = this.retCode ? `${errorCode} (${this.retCode})` : String(errorCode);
		return [
			`ECGridOS error code ${code}`,
			errorItem && `item: ${errorItem}`,
			errorMessage && `message: ${errorMessage}`,
			`HTTP ${this.httpStatus}`,
		]
			.filter(Boolean)
			.join('; ');
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
		const detail = this.detail ? `${this.detail} ` : '';
		return `${detail}The ECGridOS web service rejected the request (${code}HTTP ${this.httpStatus}). Check the parameter values and the endpoint URL in the credential.`;
	}
}

export type UnreadableReason = 'empty' | 'html' | 'malformed' | 'unexpected';

const UNREADABLE_HINTS: Record<UnreadableReason, string> = {
	empty: 'The reply had no body.',
	html: 'An HTML page came back instead of an ECGridOS answer: a proxy, gateway or wrong URL is answering.',
	malformed: 'The reply is not well-formed XML (it may have been cut off).',
	unexpected: 'The reply is XML but not the answer this operation returns.',
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
		return `${UNREADABLE_HINTS[this.reason]} HTTP ${this.httpStatus}. Check the endpoint URL in the credential and any proxy between n8n and ECGridOS.`;
	}
}

export type TransportFailure = 'refused' | 'timeout' | 'tls' | 'dns' | 'reset' | 'other';

const TRANSPORT_HINTS: Record<TransportFailure, string> = {
	refused:
		'Nothing accepted the connection: check the endpoint URL and that the service is reachable from n8n.',
	timeout:
		'No answer came in time: raise the Timeout option, or check the network and the service status.',
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
