import type { OperationHandler } from '../types';
import { generateApiKey, userGetApiKey } from './apiKey';
import { nowUtc, version } from './info';
import { login, logout, whoAmI } from './session';

/** The operations every simulator starts with, by WSDL name. `register()` adds more. */
export const DEFAULT_HANDLERS: Readonly<Record<string, OperationHandler>> = {
	Login: login,
	Logout: logout,
	WhoAmI: whoAmI,
	Version: version,
	NowUTC: nowUtc,
	GenerateAPIKey: generateApiKey,
	UserGetAPIKey: userGetApiKey,
};
