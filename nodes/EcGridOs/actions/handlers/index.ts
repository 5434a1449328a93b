import type { OperationHandler } from '../operation';
import { generateApiKey } from './generateApiKey';
import { logOut } from './logOut';

/** Operations whose behaviour differs from the generic path, by `resource.operation`. */
export const HANDLERS: Readonly<Record<string, OperationHandler>> = {
	'apiKey.generate': generateApiKey,
	'session.logOut': logOut,
};
