import { ECGRIDOS_VERSION } from '../metadata';
import type { OperationHandler } from '../types';

/** Login(LoginName, Password) → session GUID. */
export const login: OperationHandler = ({ params, world }) =>
	world.login(String(params.LoginName ?? ''), String(params.Password ?? ''));

/** Logout(SessionID) → 0. */
export const logout: OperationHandler = ({ params, world }) => {
	world.logout(String(params.SessionID ?? ''));
	return 0;
};

/** WhoAmI(SessionID) → SessionInfo; its SessionID field echoes the token given, as ECGridOS does. */
export const whoAmI: OperationHandler = (context) => {
	const { user, token, sessionEventId } = context.caller();
	return {
		ECGridOSVersion: ECGRIDOS_VERSION,
		SessionID: token,
		SessionEventID: sessionEventId,
		UserID: user.userId,
		LoginName: user.loginName,
		FirstName: user.firstName,
		LastName: user.lastName,
		Company: user.company,
		EMail: user.email,
		Phone: user.phone,
		TimeZoneOffset: 0,
		AuthLevel: user.authLevel,
		LastLogin: user.lastLogin,
		OpenSessions: context.world.sessionCount(user.userId),
		TimeOut: Math.max(1, Math.round(context.settings.sessionIdleMs / 60000)),
		NetworkID: user.networkId,
		MailboxID: user.mailboxId,
		ip: context.remoteAddress,
	};
};
