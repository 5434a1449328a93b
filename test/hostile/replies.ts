import type { ServerResponse } from 'node:http';
import { createGzip } from 'node:zlib';

import type { Binding } from '../../nodes/EcGridOs/soap';

const ECGRIDOS = 'https://os.ecgrid.io/';
export const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

export const isSoap = (binding: Binding) => binding === 'soap11' || binding === 'soap12';

export function envelope(binding: Binding, body: string, namespace?: string): string {
	const ns = namespace ?? (binding === 'soap12' ? SOAP12 : SOAP11);
	return `${DECLARATION}<s:Envelope xmlns:s="${ns}"><s:Body>${body}</s:Body></s:Envelope>`;
}

/** The well-formed answer to GenerateAPIKey in the binding's shape. */
export function answer(binding: Binding, key: string, result = `${key}`): string {
	return isSoap(binding)
		? envelope(
				binding,
				`<GenerateAPIKeyResponse xmlns="${ECGRIDOS}"><GenerateAPIKeyResult>${result}</GenerateAPIKeyResult></GenerateAPIKeyResponse>`,
			)
		: `${DECLARATION}<string xmlns="${ECGRIDOS}">${result}</string>`;
}

export interface FaultText {
	errorCode?: string;
	errorString?: string;
	errorItem?: string;
	errorMessage?: string;
	faultString?: string;
}

/** A fault with ErrorInfo on SOAP; the same error as ASMX's plain-text SoapException on GET/POST. */
export function fault(binding: Binding, info: FaultText): { type: string; body: string } {
	const {
		errorCode = '2',
		errorString = 'Access denied.',
		errorItem = 'UserID',
		errorMessage = 'User is outside your network.',
		faultString = errorString,
	} = info;
	if (!isSoap(binding)) {
		return {
			type: 'text/plain; charset=utf-8',
			body:
				`System.Web.Services.Protocols.SoapException: ${errorString}\r\n` +
				`ErrorMessage: ${errorMessage}\r\n   at ECGridOS.Api.GenerateAPIKey()`,
		};
	}
	const errorInfo =
		`<ErrorInfo><ErrorCode>${errorCode}</ErrorCode><ErrorString>${errorString}</ErrorString>` +
		`<ErrorItem>${errorItem}</ErrorItem><ErrorMessage>${errorMessage}</ErrorMessage></ErrorInfo>`;
	const body =
		binding === 'soap12'
			? `<s:Fault><s:Code><s:Value>s:Sender</s:Value></s:Code><s:Reason><s:Text xml:lang="en">${faultString}</s:Text></s:Reason><s:Detail>${errorInfo}</s:Detail></s:Fault>`
			: `<s:Fault><faultcode>s:Client</faultcode><faultstring>${faultString}</faultstring><detail>${errorInfo}</detail></s:Fault>`;
	return {
		type: binding === 'soap12' ? 'application/soap+xml; charset=utf-8' : 'text/xml; charset=utf-8',
		body: envelope(binding, body),
	};
}

export function send(
	response: ServerResponse,
	status: number,
	body: string | Buffer,
	headers: Record<string, string> = { 'Content-Type': 'text/xml; charset=utf-8' },
): void {
	response.writeHead(status, headers);
	response.end(body);
}

export function sendFault(response: ServerResponse, binding: Binding, info: FaultText): void {
	const { type, body } = fault(binding, info);
	send(response, 500, body, { 'Content-Type': type });
}

/** Every common spelling a careless server gives a value it echoes. */
export const spell = {
	xml: (text: string) =>
		text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
	decimal: (text: string) => text.replace(/[^A-Za-z0-9-]/g, (c) => `&#${c.charCodeAt(0)};`),
	hex: (text: string) =>
		text.replace(/[^A-Za-z0-9-]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`),
	/** .NET's HttpUtility.UrlEncode: lowercase hex, `+` for a space. */
	dotNetUrl: (text: string) =>
		encodeURIComponent(text)
			.replace(/%[0-9A-F]{2}/g, (code) => code.toLowerCase())
			.replace(/%20/g, '+'),
	allPercent: (text: string) =>
		[...Buffer.from(text)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''),
	json: (text: string) => JSON.stringify(text).slice(1, -1),
	base64: (text: string) => Buffer.from(text, 'utf8').toString('base64'),
};

/** A gzip body that inflates to `inflatedBytes` of spaces inside a <string> result. */
export async function gzipBomb(binding: Binding, inflatedBytes: number): Promise<Buffer> {
	const gzip = createGzip({ level: 9 });
	const out: Buffer[] = [];
	gzip.on('data', (chunk: Buffer) => out.push(chunk));
	const done = new Promise((resolve) => gzip.on('end', resolve));
	const head = isSoap(binding)
		? answer(binding, '').split('</GenerateAPIKeyResult>')[0]
		: answer(binding, '').split('</string>')[0];
	gzip.write(head);
	const block = Buffer.alloc(1024 * 1024, 0x20);
	for (let written = 0; written < inflatedBytes; written += block.length) {
		if (!gzip.write(block)) await new Promise((resolve) => gzip.once('drain', resolve));
	}
	gzip.end();
	await done;
	return Buffer.concat(out);
}
