import { decodeSoap11, decodeSoap12 } from './decode-soap';
import { FrameworkFault } from '../errors';
import { parseContentType } from './http-message';
import { ENDPOINT_PATH, OPERATIONS } from '../metadata';
import type { WsdlOperation } from '../metadata';
import type { RawArgument } from './parameters';
import type { Binding } from '../types';

export interface IncomingCall {
	method: string;
	path: string;
	query: string;
	headers: Record<string, string>;
	body: string;
}

/** What the request asks for, as far as it could be understood. */
export type Decoded =
	| { kind: 'call'; binding: Binding; operation: WsdlOperation; args: Map<string, RawArgument> }
	| { kind: 'fault'; binding: Binding | 'unknown'; operationName?: string; fault: FrameworkFault }
	| { kind: 'help' }
	| { kind: 'notFound' };

/** Route by method, path and content type to one of the four bindings, then decode. */
export async function decodeRequest(request: IncomingCall): Promise<Decoded> {
	if (request.path === ENDPOINT_PATH) return decodeEndpointRequest(request);
	if (request.path.startsWith(`${ENDPOINT_PATH}/`)) return decodeHttpRequest(request);
	return { kind: 'notFound' };
}

async function decodeEndpointRequest(request: IncomingCall): Promise<Decoded> {
	if (request.method === 'GET') return { kind: 'help' };
	const contentType = parseContentType(request.headers['content-type']);
	const soapAction = request.headers['soapaction'];
	if (request.method === 'POST' && contentType.mediaType === 'text/xml') {
		const result = await decodeSoap11(soapAction, request.body);
		return fromSoap('soap11', result);
	}
	if (request.method === 'POST' && contentType.mediaType === 'application/soap+xml') {
		const result = await decodeSoap12(contentType.parameters['action'], request.body);
		return fromSoap('soap12', result);
	}
	const invalid = `Request format is invalid: ${contentType.raw}.`;
	// A SOAPAction header shows the client meant SOAP 1.1: answer in that form so it sees a fault.
	if (soapAction !== undefined) {
		return { kind: 'fault', binding: 'soap11', fault: new FrameworkFault('Client', invalid) };
	}
	return {
		kind: 'fault',
		binding: 'unknown',
		fault: new FrameworkFault('Client', invalid, `System.InvalidOperationException: ${invalid}`),
	};
}

function fromSoap(
	binding: 'soap11' | 'soap12',
	result: Awaited<ReturnType<typeof decodeSoap11>>,
): Decoded {
	if (result.call) return { kind: 'call', binding, ...result.call };
	return {
		kind: 'fault',
		binding,
		operationName: result.operationName,
		fault: result.fault ?? new FrameworkFault('Client', 'Unreadable request.'),
	};
}

/** `GET {endpoint}/{Op}?a=b` and `POST {endpoint}/{Op}` with a urlencoded form. */
function decodeHttpRequest(request: IncomingCall): Decoded {
	const name = request.path.slice(ENDPOINT_PATH.length + 1);
	const binding: Binding = request.method === 'POST' ? 'httpPost' : 'httpGet';
	const operation = Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name] : undefined;
	if (
		(request.method !== 'GET' && request.method !== 'POST') ||
		!operation ||
		operation.httpResultElement === undefined
	) {
		const message = `Request format is unrecognized for URL unexpectedly ending in '/${name}'.`;
		return {
			kind: 'fault',
			binding: request.method === 'GET' || request.method === 'POST' ? binding : 'unknown',
			operationName: operation?.name,
			fault: new FrameworkFault('Client', message, `System.InvalidOperationException: ${message}`),
		};
	}
	let fields: URLSearchParams;
	if (binding === 'httpGet') {
		fields = new URLSearchParams(request.query);
	} else {
		const contentType = parseContentType(request.headers['content-type']);
		if (contentType.mediaType !== 'application/x-www-form-urlencoded') {
			// Multipart (and anything else) is refused, as ASMX does.
			const message = `Request format is invalid: ${contentType.raw}.`;
			return {
				kind: 'fault',
				binding,
				operationName: name,
				fault: new FrameworkFault(
					'Client',
					message,
					`System.InvalidOperationException: ${message}`,
				),
			};
		}
		fields = new URLSearchParams(request.body);
	}
	const args = new Map<string, RawArgument>();
	// Names are matched case-sensitively (ASMX would not) so a misspelt client is caught.
	for (const [key, value] of fields) {
		const argument = args.get(key);
		if (argument) argument.values!.push(value);
		else args.set(key, { text: value, nil: false, values: [value] });
	}
	return { kind: 'call', binding, operation, args };
}
