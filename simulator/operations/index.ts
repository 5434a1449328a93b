import { OPERATIONS } from '../metadata';
import type { OperationHandler } from '../types';
import { generateApiKey, userGetApiKey } from './apiKey';
import { generatedHandler } from './generated';
import { nowUtc, version } from './info';
import { INTERCHANGE_HANDLERS } from './interchanges';
import { INTERCONNECT_HANDLERS } from './interconnects';
import { KEY_VALUE_HANDLERS } from './keyValues';
import { MAILBOX_HANDLERS } from './mailboxes';
import { NETWORK_HANDLERS } from './networks';
import { PARCEL_HANDLERS } from './parcels';
import { PARTNER_HANDLERS } from './partners';
import { REPORT_HANDLERS } from './reports';
import { SESSION_LOG_HANDLERS } from './sessionLog';
import { login, logout, whoAmI } from './session';
import { USER_HANDLERS } from './users';

/** Operations answered from the world, by WSDL name. */
export const WORLD_HANDLERS: Readonly<Record<string, OperationHandler>> = {
	Login: login,
	Logout: logout,
	WhoAmI: whoAmI,
	Version: version,
	NowUTC: nowUtc,
	GenerateAPIKey: generateApiKey,
	UserGetAPIKey: userGetApiKey,
	...SESSION_LOG_HANDLERS,
	...KEY_VALUE_HANDLERS,
	...USER_HANDLERS,
	...NETWORK_HANDLERS,
	...MAILBOX_HANDLERS,
	...PARTNER_HANDLERS,
	...INTERCONNECT_HANDLERS,
	...PARCEL_HANDLERS,
	...INTERCHANGE_HANDLERS,
	...REPORT_HANDLERS,
};

/** A handler for every one of the 221 operations: the world's, else a generated reply. */
export const DEFAULT_HANDLERS: Readonly<Record<string, OperationHandler>> = Object.fromEntries(
	Object.values(OPERATIONS).map((operation) => [
		operation.name,
		WORLD_HANDLERS[operation.name] ?? generatedHandler(operation),
	]),
);
