import { OPERATIONS } from './wsdl/operations.generated';
import type { WsdlOperation } from './wsdl/types';

/** The WSDL's description of an operation; throws for a name the WSDL does not have. */
export function getOperation(name: string): WsdlOperation {
	const operation = Object.prototype.hasOwnProperty.call(OPERATIONS, name)
		? OPERATIONS[name]
		: undefined;
	if (!operation) throw new Error(`ECGridOS has no operation named ${name}`);
	return operation;
}

/** The parameter every authenticated operation takes first: an API key or a session ID. */
export const SESSION_PARAMETER = 'SessionID';
