import type { Binding } from './bindings';
import { isSoapBinding } from './bindings';
import { UnreadableResponseError } from './errors';
import { readFault, readPlainTextException } from './fault';
import { getOperation } from './operations';
import { decodeElement, type ResultValue } from './values';
import { childOf, parseXml, type XmlElement } from './xml';

/** An HTTP answer as the transport received it. */
export interface WireResponse {
	status: number;
	contentType: string;
	body: string;
}

function looksLikeHtml(response: WireResponse): boolean {
	return (
		/text\/html/i.test(response.contentType) || /^\s*(<!doctype html|<html)/i.test(response.body)
	);
}

function htmlTitle(body: string): string {
	const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1]?.trim();
	return title ? `: "${title.slice(0, 120)}"` : '';
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

async function parseDocument(response: WireResponse): Promise<XmlElement> {
	if (!response.body.trimStart().startsWith('<') || looksLikeHtml(response)) rejectNonXml(response);
	try {
		return await parseXml(response.body);
	} catch {
		throw new UnreadableResponseError(
			'ECGridOS sent XML that cannot be read (malformed or cut off)',
			'malformed',
			response.status,
		);
	}
}

function unexpected(what: string, status: number): UnreadableResponseError {
	return new UnreadableResponseError(`The ECGridOS reply has ${what}`, 'unexpected', status);
}

/**
 * Reads the answer to one operation, whatever the HTTP status (faults come with 500, some
 * servers send them with 200):
 * SOAP: `<Envelope><Body><{Op}Response><{Op}Result>…` or `<Envelope><Body><Fault>…`;
 * HTTP GET/POST: the result type as the root, e.g. `<string xmlns="https://os.ecgrid.io/">…</string>`.
 */
export async function parseResponse(
	operationName: string,
	binding: Binding,
	response: WireResponse,
): Promise<ResultValue> {
	const operation = getOperation(operationName);
	const document = await parseDocument(response);

	if (document.name === 'Envelope') {
		const body = childOf(document, 'Body');
		if (!body) throw unexpected('no SOAP Body', response.status);
		const fault = childOf(body, 'Fault');
		if (fault) throw readFault(fault, response.status);
		if (!isSoapBinding(binding))
			throw unexpected('a SOAP envelope where plain XML was expected', response.status);
		const result = childOf(childOf(body, `${operation.name}Response`), `${operation.name}Result`);
		if (!result || !operation.result)
			throw unexpected(`no ${operation.name}Result element`, response.status);
		return decodeElement(operation.result.type, result);
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
	return decodeElement(operation.result.type, document);
}
