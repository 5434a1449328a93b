import type { WsdlOperation } from '../metadata';
import type { OperationHandler } from '../types';
import { generatorFor } from './records';
import { scopedMailbox, scopedNetwork } from './scope';

/**
 * Operations the world does not model (callbacks, comms, certificates, migrations, carbon copies,
 * contracts …): the session and the NetworkID/MailboxID scope are checked as for the others, then
 * a schema-valid reply is generated from the seed. Boolean results are `true` (the call worked).
 */
export function generatedHandler(operation: WsdlOperation): OperationHandler {
	const names = new Set(operation.parameters.map((p) => p.name));
	return (context) => {
		if (names.has('SessionID')) context.caller();
		if (names.has('MailboxID'))
			scopedMailbox(context, context.params.MailboxID, context.params.NetworkID);
		else if (names.has('NetworkID')) scopedNetwork(context, context.params.NetworkID);
		const result = operation.result;
		if (!result) return undefined;
		if (result.type === 'boolean') return true;
		return generatorFor(context).value(result.type);
	};
}
