import { FrameworkFault } from '../errors';
import { ECGRID_NS, OPERATIONS, SOAP11_NS, SOAP12_NS } from '../metadata';
import type { WsdlOperation } from '../metadata';
import type { RawArgument } from './parameters';
import type { XmlElement } from './xml-tree';
import { XmlSyntaxError, childElements, findChild, isNil, parseXml, textOf } from './xml-tree';

export interface SoapCall {
	operation: WsdlOperation;
	args: Map<string, RawArgument>;
}

/** Outcome of decoding: the operation name is known as early as possible, for recording. */
export interface SoapDecodeResult {
	operationName?: string;
	call?: SoapCall;
	fault?: FrameworkFault;
}

const ACTION_PREFIX = ECGRID_NS;

/**
 * SOAP 1.1: route by the quoted `SOAPAction: "https://os.ecgrid.io/{Op}"` header, then check the
 * body's operation element matches it. The simulator insists on the quotes (ASMX tolerates a bare
 * value) because SOAP 1.1 §6.1.1 quotes it and a client that drops them is sloppy.
 */
export async function decodeSoap11(
	soapAction: string | undefined,
	body: string,
): Promise<SoapDecodeResult> {
	const action = soapAction ?? '';
	const quoted = /^".*"$/.test(action);
	const unquoted = quoted ? action.slice(1, -1) : action;
	const operationName = operationFromAction(unquoted);
	if (!quoted || !operationName) {
		return {
			operationName,
			fault: new FrameworkFault(
				'Client',
				`Server did not recognize the value of HTTP Header SOAPAction: ${action}.`,
			),
		};
	}
	const parsed = await readBody(body, SOAP11_NS);
	if (parsed.fault) return { operationName, fault: parsed.fault };
	const element = parsed.element as XmlElement;
	if (element.$ns.local !== operationName || element.$ns.uri !== ECGRID_NS) {
		return { operationName, fault: unexpectedElement(element) };
	}
	return callOrFault(operationName, element);
}

/**
 * SOAP 1.2: the action is optional (`action="…"` on the Content-Type); without it ASMX routes by
 * the body's operation element.
 */
export async function decodeSoap12(
	action: string | undefined,
	body: string,
): Promise<SoapDecodeResult> {
	let operationName: string | undefined;
	if (action !== undefined) {
		operationName = operationFromAction(action);
		if (!operationName) {
			return {
				fault: new FrameworkFault(
					'Client',
					`Server did not recognize the value of HTTP Header SOAPAction: ${action}.`,
				),
			};
		}
	}
	const parsed = await readBody(body, SOAP12_NS);
	if (parsed.fault) return { operationName, fault: parsed.fault };
	const element = parsed.element as XmlElement;
	const local = element.$ns.local;
	if (operationName === undefined) {
		if (element.$ns.uri !== ECGRID_NS || !Object.hasOwn(OPERATIONS, local)) {
			return {
				fault: new FrameworkFault(
					'Client',
					'Unable to handle request without a valid action parameter. Please supply a valid soap action.',
				),
			};
		}
		operationName = local;
	} else if (local !== operationName || element.$ns.uri !== ECGRID_NS) {
		return { operationName, fault: unexpectedElement(element) };
	}
	return callOrFault(operationName, element);
}

function operationFromAction(action: string): string | undefined {
	if (!action.startsWith(ACTION_PREFIX)) return undefined;
	const name = action.slice(ACTION_PREFIX.length);
	return Object.hasOwn(OPERATIONS, name) ? name : undefined;
}

/** Envelope → the single element inside Body, or the fault ASMX would give. */
async function readBody(
	body: string,
	envelopeNs: string,
): Promise<{ element?: XmlElement; fault?: FrameworkFault }> {
	let root: XmlElement;
	try {
		root = await parseXml(body);
	} catch (error) {
		const reason = error instanceof XmlSyntaxError ? error.message : 'Unreadable XML.';
		return { fault: unreadable(`There is an error in XML document. ---> ${reason}`) };
	}
	if (root.$ns.local !== 'Envelope') {
		return { fault: unreadable('The root element is not a SOAP Envelope.') };
	}
	if (root.$ns.uri !== envelopeNs) {
		// ASMX answers a 1.1 envelope on the 1.2 content type (and vice versa) with VersionMismatch.
		return {
			fault: new FrameworkFault(
				'VersionMismatch',
				`Possible SOAP version mismatch: Envelope namespace ${root.$ns.uri} was unexpected. Expecting ${envelopeNs}.`,
			),
		};
	}
	const soapBody = findChild(root, envelopeNs, 'Body');
	if (!soapBody) return { fault: unreadable('The SOAP Body element is missing.') };
	const elements = childElements(soapBody);
	if (elements.length !== 1) {
		return { fault: unreadable('The SOAP Body must hold exactly one operation element.') };
	}
	return { element: elements[0] };
}

/**
 * Parameters are matched by local name in the ECGridOS namespace (qualified, any prefix). Stricter
 * than XmlSerializer, which skips what it does not expect: an ECGridOS element the WSDL does not
 * name, a repeated one, or one out of the WSDL's sequence order is a fault, so a sloppy client is caught.
 */
function collectArguments(
	operation: WsdlOperation,
	element: XmlElement,
): SoapCall | FrameworkFault {
	const args = new Map<string, RawArgument>();
	const order = operation.parameters.map((p) => p.name);
	let last = -1;
	for (const child of childElements(element)) {
		// Another namespace is not a parameter at all (it then reads as missing, as in ASMX).
		if (child.$ns.uri !== ECGRID_NS) continue;
		const at = order.indexOf(child.$ns.local);
		if (at < 0 || args.has(child.$ns.local)) return unexpectedElement(child);
		if (at < last) {
			return unreadable(
				`There is an error in XML document. ---> <${child.$ns.local}> must come before <${order[last]}> (WSDL order).`,
			);
		}
		last = at;
		args.set(child.$ns.local, { text: textOf(child), nil: isNil(child), element: child });
	}
	return { operation, args };
}

function callOrFault(operationName: string, element: XmlElement): SoapDecodeResult {
	const call = collectArguments(OPERATIONS[operationName], element);
	return call instanceof FrameworkFault ? { operationName, fault: call } : { operationName, call };
}

function unexpectedElement(element: XmlElement): FrameworkFault {
	return unreadable(
		`There is an error in XML document. ---> <${element.$ns.local} xmlns='${element.$ns.uri}'> was not expected.`,
	);
}

function unreadable(reason: string): FrameworkFault {
	return new FrameworkFault('Client', `Server was unable to read request. ---> ${reason}`);
}
