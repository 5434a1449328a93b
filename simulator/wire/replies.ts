import type { EcGridError, FaultSide, FrameworkFault } from '../errors';
import { encodeContent, encodeField, isComplexType } from './encode';
import { ECGRID_NS, SOAP11_NS, SOAP12_NS, XSD_NS, XSI_NS } from '../metadata';
import type { WsdlOperation } from '../metadata';
import type { Binding } from '../types';
import { XML_DECLARATION, escapeXml } from './xml';

export interface Reply {
	status: number;
	headers: Record<string, string>;
	body: string;
}

const TEXT_XML = 'text/xml; charset=utf-8';
const SOAP12_XML = 'application/soap+xml; charset=utf-8';
const TEXT_PLAIN = 'text/plain; charset=utf-8';
const TEXT_HTML = 'text/html; charset=utf-8';

type SoapBinding = 'soap11' | 'soap12';

function isSoap(binding: Binding | 'unknown'): binding is SoapBinding {
	return binding === 'soap11' || binding === 'soap12';
}

/** `<?xml?><soap:Envelope …><soap:Body>{content}</soap:Body></soap:Envelope>` */
function envelope(binding: SoapBinding, content: string): string {
	const ns = binding === 'soap11' ? SOAP11_NS : SOAP12_NS;
	return (
		`${XML_DECLARATION}<soap:Envelope xmlns:soap="${ns}" xmlns:xsi="${XSI_NS}" xmlns:xsd="${XSD_NS}">` +
		`<soap:Body>${content}</soap:Body></soap:Envelope>`
	);
}

function soapReply(binding: SoapBinding, status: number, content: string): Reply {
	return {
		status,
		headers: { 'content-type': binding === 'soap11' ? TEXT_XML : SOAP12_XML },
		body: envelope(binding, content),
	};
}

/**
 * A successful call. SOAP: `<{Op}Response xmlns="https://os.ecgrid.io/"><{Op}Result>…`.
 * HTTP GET/POST: a bare document whose root is the result type, e.g. `<string xmlns=…>…</string>`.
 */
export function resultReply(binding: Binding, operation: WsdlOperation, value: unknown): Reply {
	const result = operation.result;
	if (isSoap(binding)) {
		const name = `${operation.name}Response`;
		const inner = result ? encodeField(result, value) : '';
		return soapReply(binding, 200, `<${name} xmlns="${ECGRID_NS}">${inner}</${name}>`);
	}
	const root = operation.httpResultElement ?? 'string';
	const type = result?.type ?? 'string';
	const complex = isComplexType(type);
	const namespaces = complex
		? `xmlns:xsi="${XSI_NS}" xmlns:xsd="${XSD_NS}" xmlns="${ECGRID_NS}"`
		: `xmlns="${ECGRID_NS}"`;
	const body =
		value === null || value === undefined
			? `<${root} xsi:nil="true" xmlns:xsi="${XSI_NS}" xmlns="${ECGRID_NS}" />`
			: `<${root} ${namespaces}>${encodeContent(type, value)}</${root}>`;
	return { status: 200, headers: { 'content-type': TEXT_XML }, body: XML_DECLARATION + body };
}

/**
 * An ECGridOS error. SOAP: HTTP 500 fault, faultstring = ErrorString, `detail` holding the
 * unqualified ErrorInfo that Loren Data's clients read. The service builds that `detail` element
 * itself (SoapException.DetailElementName: `detail`, no namespace) and ASMX writes it as built in
 * either SOAP version, so a SOAP 1.2 fault carries `<detail>`, not `<soap:Detail>`.
 * HTTP GET/POST: ASMX cannot carry a SOAP detail there, so (our reading, [I] in the notes) the
 * SoapException is written as text: first line `System.Web.Services.Protocols.SoapException:
 * {ErrorString}`, second line the ErrorMessage; no ErrorInfo, no ErrorCode element.
 */
export function ecGridErrorReply(
	binding: Binding,
	operationName: string,
	error: EcGridError,
): Reply {
	if (!isSoap(binding)) {
		return plainText(
			500,
			`System.Web.Services.Protocols.SoapException: ${error.errorString}\r\n` +
				`ErrorMessage: ${error.detailMessage}\r\n` +
				`   at EcGridOsSimulator.${operationName}()`,
		);
	}
	const errorInfo =
		'<ErrorInfo>' +
		`<ErrorCode>${error.code}</ErrorCode>` +
		`<ErrorString>${escapeXml(error.errorString)}</ErrorString>` +
		`<ErrorItem>${escapeXml(error.item)}</ErrorItem>` +
		`<ErrorMessage>${escapeXml(error.detailMessage)}</ErrorMessage>` +
		'</ErrorInfo>';
	// Caller mistakes are Client/Sender faults; the service's own failures Server/Receiver.
	const side: FaultSide =
		error.retCode === 'SQLError' || error.retCode === 'InternalError' || error.retCode === 'Unknown'
			? 'Server'
			: 'Client';
	return soapReply(binding, 500, faultXml(binding, side, error.errorString, errorInfo));
}

/** A fault raised by the ASMX framework itself: no ErrorInfo, only the fault string. */
export function frameworkFaultReply(binding: Binding | 'unknown', fault: FrameworkFault): Reply {
	if (!isSoap(binding)) return plainText(500, fault.plainText);
	return soapReply(binding, 500, faultXml(binding, fault.side, fault.soapMessage, undefined));
}

/**
 * SOAP 1.1: `<soap:Fault><faultcode>soap:Client</faultcode><faultstring>…</faultstring><detail/>`.
 * SOAP 1.2: `<soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code>
 * <soap:Reason><soap:Text xml:lang="en">…</soap:Text></soap:Reason><soap:Detail/>`, or the
 * service's own `<detail>` in place of `<soap:Detail/>`.
 */
function faultXml(
	binding: SoapBinding,
	side: FaultSide,
	message: string,
	detail: string | undefined,
): string {
	const text = escapeXml(message);
	if (binding === 'soap11') {
		return (
			`<soap:Fault><faultcode>soap:${side}</faultcode><faultstring>${text}</faultstring>` +
			(detail === undefined ? '<detail />' : `<detail>${detail}</detail>`) +
			'</soap:Fault>'
		);
	}
	const code = side === 'Client' ? 'Sender' : side === 'Server' ? 'Receiver' : side;
	// ASMX writes an empty soap:Detail of its own only when the exception has no detail.
	return (
		`<soap:Fault><soap:Code><soap:Value>soap:${code}</soap:Value></soap:Code>` +
		`<soap:Reason><soap:Text xml:lang="en">${text}</soap:Text></soap:Reason>` +
		(detail === undefined ? '<soap:Detail />' : `<detail>${detail}</detail>`) +
		'</soap:Fault>'
	);
}

/** HttpUtility.HtmlEncode: the five specials, and Latin-1 letters as numeric references. */
function htmlEncode(text: string): string {
	return text.replace(/[&<>"'\u00a0-\u00ff]/g, (char) =>
		char === '&'
			? '&amp;'
			: char === '<'
				? '&lt;'
				: char === '>'
					? '&gt;'
					: char === '"'
						? '&quot;'
						: `&#${char.charCodeAt(0)};`,
	);
}

/**
 * An HTTP GET/POST exception as ASMX writes it under ASP.NET's customErrors (its default,
 * RemoteOnly, for a caller on another machine): the messages of the exception and its inner ones
 * alone, HTML-encoded, joined by ` ---> `, without type names or stack trace.
 */
export function withCustomErrors(reply: Reply): Reply {
	if (reply.status !== 500 || !reply.headers['content-type']?.startsWith('text/plain'))
		return reply;
	const lines = reply.body.split('\r\n');
	const stack = lines.findIndex((line) => /^\s+at |^\s*--- End of inner/.test(line));
	const messages = lines
		.slice(0, stack === -1 ? undefined : stack)
		.join('\r\n')
		.split(' ---> ')
		.map((message) => htmlEncode(message.replace(/^[\w.]+(Exception|Error): /, '')));
	return { ...reply, body: `${messages.join(' ---> ')}\r\n` };
}

export function plainText(status: number, text: string): Reply {
	return { status, headers: { 'content-type': TEXT_PLAIN }, body: text };
}

export function htmlPage(status: number, title: string, text: string): Reply {
	return {
		status,
		headers: { 'content-type': TEXT_HTML },
		body:
			`<!DOCTYPE html><html><head><title>${escapeXml(title)}</title></head>` +
			`<body><h1>${escapeXml(title)}</h1><p>${escapeXml(text)}</p></body></html>`,
	};
}
