import type { Binding } from './bindings';
import {
	ECGRIDOS_NAMESPACE,
	SOAP11_ENVELOPE_NAMESPACE,
	SOAP12_ENVELOPE_NAMESPACE,
	XSD_NAMESPACE,
	XSI_NAMESPACE,
} from './namespaces';
import { getOperation, SESSION_PARAMETER } from './operations';
import { encodeValue, ParameterTypeError, type ParameterValue } from './values';
import { escapeXml } from './xml';

/** An operation and its arguments, without the SessionID: the credential supplies that. */
export interface OperationCall {
	operation: string;
	parameters: Record<string, ParameterValue>;
}

export interface CallTarget {
	/** The .asmx endpoint, e.g. https://os.ecgrid.io/v4.1/prod/ECGridOS.asmx */
	endpoint: string;
	binding: Binding;
	/** API key or session ID; required by every operation that takes a SessionID. */
	sessionId?: string;
}

/** Exactly what goes on the wire. */
export interface WireRequest {
	method: 'GET' | 'POST';
	url: string;
	headers: Record<string, string>;
	body?: string;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

/** Every WSDL parameter, in WSDL order, as wire text: ECGridOS wants all of them on every call. */
function encodeParameters(
	call: OperationCall,
	sessionId: string | undefined,
): Array<[string, string]> {
	return getOperation(call.operation).parameters.map((parameter) => {
		if (parameter.name === SESSION_PARAMETER) {
			if (!sessionId)
				throw new ParameterTypeError(`${call.operation} needs an API key or session ID`);
			return [parameter.name, sessionId];
		}
		const value = call.parameters[parameter.name];
		if (value === undefined || value === null) {
			throw new ParameterTypeError(`${call.operation} needs a value for ${parameter.name}`);
		}
		return [parameter.name, encodeValue(parameter, value)];
	});
}

/** `<Op xmlns="https://os.ecgrid.io/"><Param>text</Param>…</Op>`: children inherit the namespace. */
function operationElement(operation: string, parameters: Array<[string, string]>): string {
	const children = parameters
		.map(([name, text]) => `<${name}>${escapeXml(text)}</${name}>`)
		.join('');
	return `<${operation} xmlns="${ECGRIDOS_NAMESPACE}">${children}</${operation}>`;
}

function envelope(prefix: string, namespace: string, content: string): string {
	return (
		XML_DECLARATION +
		`<${prefix}:Envelope xmlns:xsi="${XSI_NAMESPACE}" xmlns:xsd="${XSD_NAMESPACE}" xmlns:${prefix}="${namespace}">` +
		`<${prefix}:Body>${content}</${prefix}:Body></${prefix}:Envelope>`
	);
}

/** Builds the request for one binding; values are escaped or form-encoded exactly once here. */
export function buildRequest(call: OperationCall, target: CallTarget): WireRequest {
	const parameters = encodeParameters(call, target.sessionId);
	const endpoint = target.endpoint.replace(/\/+$/, '');
	switch (target.binding) {
		case 'soap11':
			return {
				method: 'POST',
				url: endpoint,
				headers: {
					'Content-Type': 'text/xml; charset=utf-8',
					SOAPAction: `"${ECGRIDOS_NAMESPACE}${call.operation}"`,
				},
				body: envelope(
					'soap',
					SOAP11_ENVELOPE_NAMESPACE,
					operationElement(call.operation, parameters),
				),
			};
		case 'soap12':
			return {
				method: 'POST',
				url: endpoint,
				headers: { 'Content-Type': 'application/soap+xml; charset=utf-8' },
				body: envelope(
					'soap12',
					SOAP12_ENVELOPE_NAMESPACE,
					operationElement(call.operation, parameters),
				),
			};
		case 'httpPost':
			return {
				method: 'POST',
				url: `${endpoint}/${call.operation}`,
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams(parameters).toString(),
			};
		case 'httpGet': {
			const query = new URLSearchParams(parameters).toString();
			return {
				method: 'GET',
				url: `${endpoint}/${call.operation}${query ? `?${query}` : ''}`,
				headers: {},
			};
		}
	}
}
