/**
 * Test-side helpers that speak the four ECGridOS bindings with plain `fetch`, and read replies by
 * local name. Deliberately independent of the simulator's own code, so tests check the wire.
 */
import { parseStringPromise } from 'xml2js';

import type { Binding } from '../../simulator/types';

export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope';
export const ECGRID_NS = 'https://os.ecgrid.io/';
export const BINDINGS: readonly Binding[] = ['soap11', 'soap12', 'httpPost', 'httpGet'];

export interface WireReply {
	status: number;
	contentType: string;
	body: string;
}

/** A Buffer is a base64Binary value: base64 text in SOAP, a byte array on the HTTP bindings. */
export type Params = Record<string, string | number | Buffer>;

function escapeText(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<Op xmlns="https://os.ecgrid.io/"><Name>value</Name>…</Op>` */
export function operationXml(operation: string, params: Params): string {
	const children = Object.entries(params)
		.map(([name, value]) => {
			const text = Buffer.isBuffer(value) ? value.toString('base64') : String(value);
			return `<${name}>${escapeText(text)}</${name}>`;
		})
		.join('');
	return `<${operation} xmlns="${ECGRID_NS}">${children}</${operation}>`;
}

export function envelopeXml(envelopeNs: string, bodyContent: string): string {
	return (
		'<?xml version="1.0" encoding="utf-8"?>' +
		`<soap:Envelope xmlns:soap="${envelopeNs}"><soap:Body>${bodyContent}</soap:Body></soap:Envelope>`
	);
}

export async function send(url: string, init: RequestInit): Promise<WireReply> {
	const response = await fetch(url, init);
	return {
		status: response.status,
		contentType: response.headers.get('content-type') ?? '',
		body: await response.text(),
	};
}

export function postSoap11(
	url: string,
	operation: string,
	body: string,
	/** null sends no SOAPAction header at all. */
	soapAction: string | null = `"${ECGRID_NS}${operation}"`,
	contentType = 'text/xml; charset=utf-8',
): Promise<WireReply> {
	const headers: Record<string, string> = { 'content-type': contentType };
	if (soapAction !== null) headers.soapaction = soapAction;
	return send(url, { method: 'POST', headers, body });
}

export function postSoap12(url: string, body: string, action?: string): Promise<WireReply> {
	const actionPart = action === undefined ? '' : `; action="${action}"`;
	return send(url, {
		method: 'POST',
		headers: { 'content-type': `application/soap+xml; charset=utf-8${actionPart}` },
		body,
	});
}

/** ASMX reads a byte array from a form or query as the field repeated, one decimal byte each. */
function form(params: Params): string {
	return new URLSearchParams(
		Object.entries(params).flatMap(([k, v]) =>
			Buffer.isBuffer(v)
				? [...v].map((byte) => [k, String(byte)] as [string, string])
				: [[k, String(v)] as [string, string]],
		),
	).toString();
}

/** Call an operation the way a correct client would on the given binding. */
export function callOperation(
	binding: Binding,
	url: string,
	operation: string,
	params: Params,
): Promise<WireReply> {
	switch (binding) {
		case 'soap11':
			return postSoap11(url, operation, envelopeXml(SOAP11_NS, operationXml(operation, params)));
		case 'soap12':
			return postSoap12(
				url,
				envelopeXml(SOAP12_NS, operationXml(operation, params)),
				`${ECGRID_NS}${operation}`,
			);
		case 'httpPost':
			return send(`${url}/${operation}`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: form(params),
			});
		case 'httpGet': {
			const query = form(params);
			return send(`${url}/${operation}${query ? `?${query}` : ''}`, { method: 'GET' });
		}
	}
}

/** A parsed element: local name, namespace URI, text, and child elements (document order kept). */
export interface Node {
	local: string;
	uri: string;
	text: string;
	attributes: Record<string, string>;
	children: Node[];
}

interface RawNode {
	$ns?: { local: string; uri: string };
	$?: Record<string, { local: string; value: string }>;
	_?: string;
	$$?: RawNode[];
}

function toNode(raw: RawNode): Node {
	const attributes: Record<string, string> = {};
	for (const attribute of Object.values(raw.$ ?? {})) attributes[attribute.local] = attribute.value;
	return {
		local: raw.$ns?.local ?? '',
		uri: raw.$ns?.uri ?? '',
		text: raw._ ?? '',
		attributes,
		children: (raw.$$ ?? []).map(toNode),
	};
}

export async function parseDocument(xml: string): Promise<Node> {
	const parsed = (await parseStringPromise(xml, {
		xmlns: true,
		explicitChildren: true,
		preserveChildrenOrder: true,
		explicitRoot: false,
	})) as RawNode;
	return toNode(parsed);
}

export function child(node: Node, local: string): Node | undefined {
	return node.children.find((c) => c.local === local);
}

/** Follow a path of local names. */
export function path(node: Node, ...locals: string[]): Node | undefined {
	let current: Node | undefined = node;
	for (const local of locals) current = current && child(current, local);
	return current;
}

export interface SoapOutcome {
	envelopeNs: string;
	/** Present on success: the `{Op}Result` element (undefined if omitted). */
	result?: Node;
	fault?: { code: string; message: string; errorInfo?: Record<string, string> };
}

/** Read a SOAP 1.1 or 1.2 reply: the `{Op}Result`, or the fault with its ErrorInfo. */
export async function readSoap(body: string, operation: string): Promise<SoapOutcome> {
	const envelope = await parseDocument(body);
	const soapBody = child(envelope, 'Body');
	if (!soapBody) throw new Error('no SOAP Body');
	const fault = child(soapBody, 'Fault');
	if (fault) {
		const code = child(fault, 'faultcode')?.text ?? path(fault, 'Code', 'Value')?.text ?? '';
		const message = child(fault, 'faultstring')?.text ?? path(fault, 'Reason', 'Text')?.text ?? '';
		const detail = child(fault, 'detail') ?? child(fault, 'Detail');
		const info = detail && child(detail, 'ErrorInfo');
		const errorInfo = info
			? Object.fromEntries(info.children.map((c) => [c.local, c.text]))
			: undefined;
		return { envelopeNs: envelope.uri, fault: { code, message, errorInfo } };
	}
	const response = child(soapBody, `${operation}Response`);
	if (!response) throw new Error(`no ${operation}Response`);
	return { envelopeNs: envelope.uri, result: child(response, `${operation}Result`) };
}

/** The result node of any binding's success reply (SOAP Result element or HTTP root). */
export async function readResult(
	binding: Binding,
	reply: WireReply,
	operation: string,
): Promise<Node> {
	if (binding === 'soap11' || binding === 'soap12') {
		const outcome = await readSoap(reply.body, operation);
		if (!outcome.result) throw new Error(`no result: ${reply.body}`);
		return outcome.result;
	}
	return parseDocument(reply.body);
}

/** The same facts of one element's children as a flat record. */
export function fields(node: Node): Record<string, string> {
	return Object.fromEntries(node.children.map((c) => [c.local, c.text]));
}

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
