import type { Binding } from './bindings';
import { isSoapBinding } from './bindings';
import { capText, UnreadableResponseError } from './errors';
import { readFault, readPlainTextException } from './fault';
import { decodeHtmlText } from './htmlText';
import {
	ECGRIDOS_NAMESPACE,
	SOAP11_ENVELOPE_NAMESPACE,
	SOAP12_ENVELOPE_NAMESPACE,
} from './namespaces';
import { getOperation } from './operations';
import { decodeElement, MalformedValueError, type ResultValue } from './values';
import type { ByteRun } from './standIns';
import { parseXml, XmlShapeError, type XmlElement } from './xml';

/** An HTTP answer as the transport received it. */
export interface WireResponse {
	status: number;
	contentType: string;
	body: string;
	/** Long plain runs of the body kept as bytes, behind markers in `body` (see replyText.ts). */
	byteRuns?: readonly ByteRun[];
	/** The Location header, when the answer had one (a redirect). */
	location?: string;
}

function looksLikeHtml(response: WireResponse): boolean {
	return (
		/text\/html/i.test(response.contentType) ||
		/^\s*(<!doctype html|<html)/i.test(response.body.slice(0, 1024))
	);
}

/** HTML entities decoded, so what is quoted reads as the page shows it (and can be scrubbed). */
function decodeEntities(text: string): string {
	// Twice: pages that escape an already escaped title (`&amp;lt;`) are common enough.
	return decodeHtmlText(decodeHtmlText(text));
}

function htmlTitle(body: string): string {
	const title = /<title[^>]*>([^<]{0,2000})<\/title>/i.exec(body.slice(0, 64 * 1024))?.[1];
	const text = title ? decodeEntities(title).replace(/\s+/g, ' ').trim() : '';
	return text ? `: "${capText(text, 120)}"` : '';
}

/** Anything that is not XML: an HTML page, nothing, or a .NET exception in plain text. */
function rejectNonXml(response: WireResponse): never {
	if (response.body.trim() === '') {
		throw new UnreadableResponseError('ECGridOS sent an empty reply', 'empty', response.status);
	}
	if (looksLikeHtml(response)) {
		throw new UnreadableResponseError(
			`An HTML page came back instead of an ECGridOS reply${htmlTitle(response.body)}`,
			'html',
			response.status,
		);
	}
	if (response.status >= 400) throw readPlainTextException(response.body, response.status);
	throw new UnreadableResponseError(
		'ECGridOS sent a reply that is not XML',
		'malformed',
		response.status,
	);
}

/** Where a redirect pointed, without user info or query (either may carry a secret). */
function redirectTarget(location: string | undefined, requestUrl: string): string {
	if (!location) return 'nowhere (no Location header)';
	try {
		const url = new URL(location, requestUrl || undefined);
		return `${url.origin}${url.pathname}${url.search ? '?…' : ''}`;
	} catch {
		return JSON.stringify(capText(location, 120));
	}
}

function rejectRedirect(response: WireResponse, requestUrl: string): void {
	if (response.status < 300 || response.status >= 400) return;
	throw new UnreadableResponseError(
		`The endpoint answered with a redirect (HTTP ${response.status}) to ${redirectTarget(response.location, requestUrl)}`,
		'redirect',
		response.status,
	);
}

async function parseDocument(response: WireResponse): Promise<XmlElement> {
	if (!response.body.trimStart().startsWith('<') || looksLikeHtml(response)) rejectNonXml(response);
	try {
		return await parseXml(response.body, response.byteRuns);
	} catch (error) {
		const reason = error instanceof XmlShapeError ? `: ${error.message}` : '';
		throw new UnreadableResponseError(
			`ECGridOS sent XML that cannot be read${reason}`,
			'malformed',
			response.status,
		);
	}
}

function unexpected(what: string, status: number): UnreadableResponseError {
	return new UnreadableResponseError(`The ECGridOS reply has ${what}`, 'unexpected', status);
}

const ENVELOPE_NAMESPACES: Record<string, string> = {
	soap11: SOAP11_ENVELOPE_NAMESPACE,
	soap12: SOAP12_ENVELOPE_NAMESPACE,
};

const describe = (element: XmlElement) =>
	`<${element.name}>${element.namespace ? ` in namespace ${element.namespace}` : ' in no namespace'}`;

/** The one child element called `name`: none or two of them is not an ECGridOS answer. */
function onlyChild(
	parent: XmlElement,
	name: string,
	namespace: string,
	status: number,
): XmlElement | undefined {
	const found = parent.children[name] ?? [];
	if (found.length > 1) throw unexpected(`${found.length} <${name}> elements`, status);
	const [child] = found;
	if (child && child.namespace !== namespace) throw unexpected(describe(child), status);
	return child;
}

function decodeResult(type: string, element: XmlElement, status: number): ResultValue {
	try {
		return decodeElement(type, element);
	} catch (error) {
		if (error instanceof MalformedValueError) throw unexpected(error.message, status);
		throw error;
	}
}

function readEnvelope(
	operationName: string,
	binding: Binding,
	envelope: XmlElement,
	status: number,
): ResultValue {
	const operation = getOperation(operationName);
	const soapNamespace = envelope.namespace;
	if (soapNamespace !== SOAP11_ENVELOPE_NAMESPACE && soapNamespace !== SOAP12_ENVELOPE_NAMESPACE)
		throw unexpected(`a SOAP envelope in the wrong namespace (${describe(envelope)})`, status);
	const body = onlyChild(envelope, 'Body', soapNamespace, status);
	if (!body) throw unexpected('no SOAP Body', status);
	const fault = onlyChild(body, 'Fault', soapNamespace, status);
	if (fault) throw readFault(fault, status);
	if (!isSoapBinding(binding))
		throw unexpected('a SOAP envelope where plain XML was expected', status);
	if (soapNamespace !== ENVELOPE_NAMESPACES[binding])
		throw unexpected(`a SOAP envelope of the other SOAP version (${soapNamespace})`, status);
	const response = onlyChild(body, `${operation.name}Response`, ECGRIDOS_NAMESPACE, status);
	if (!response || !operation.result)
		throw unexpected(`no ${operation.name}Response element`, status);
	const result = onlyChild(response, `${operation.name}Result`, ECGRIDOS_NAMESPACE, status);
	if (result) return decodeResult(operation.result.type, result, status);
	// ASMX leaves a null result out of the SOAP response, where the HTTP bindings send it as
	// xsi:nil: both are null, so that every binding gives the same item.
	if (operation.result.minOccurs === 0) return null;
	throw unexpected(`no ${operation.name}Result element`, status);
}

/**
 * Reads the answer to one operation, whatever the HTTP status (faults come with 500, some
 * servers send them with 200):
 * SOAP: `<Envelope><Body><{Op}Response><{Op}Result>…` or `<Envelope><Body><Fault>…`;
 * HTTP GET/POST: the result type as the root, e.g. `<string xmlns="https://os.ecgrid.io/">…</string>`.
 * Anything else is an UnreadableResponseError saying what was wrong; a redirect is never an
 * answer (`requestUrl` resolves a relative Location).
 */
export async function parseResponse(
	operationName: string,
	binding: Binding,
	response: WireResponse,
	requestUrl = '',
): Promise<ResultValue> {
	const operation = getOperation(operationName);
	rejectRedirect(response, requestUrl);
	const document = await parseDocument(response);

	if (document.name === 'Envelope') {
		return readEnvelope(operationName, binding, document, response.status);
	}

	if (isSoapBinding(binding))
		throw unexpected(`<${document.name}> where a SOAP envelope was expected`, response.status);
	if (response.status >= 400)
		throw unexpected(`HTTP ${response.status} with <${document.name}>`, response.status);
	if (!operation.result || document.name !== operation.httpResultElement) {
		throw unexpected(
			`<${document.name}> where <${operation.httpResultElement}> was expected`,
			response.status,
		);
	}
	if (document.namespace !== ECGRIDOS_NAMESPACE)
		throw unexpected(`${describe(document)}, not in ${ECGRIDOS_NAMESPACE}`, response.status);
	return decodeResult(operation.result.type, document, response.status);
}
