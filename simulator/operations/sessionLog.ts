import type { OperationContext, OperationHandler } from '../types';
import type { SimUser } from '../world/records';
import { me, num } from './scope';

/** SessionLogInfo of one session; the SessionID is never repeated (it is a secret). */
function logRecord(
	context: OperationContext,
	user: SimUser,
	start: Date,
	last: Date,
	open: boolean,
) {
	return {
		SessionID: '',
		StartTime: start,
		EndTime: last,
		Expires: new Date(last.getTime() + context.settings.sessionIdleMs),
		NetworkID: user.networkId,
		MailboxID: user.mailboxId,
		UserID: user.userId,
		Status: open ? 'Open' : 'Closed',
		Version: 'v4.1',
		Events: [],
	};
}

function sessionLog(context: OperationContext, user: SimUser, max: number) {
	return context.world
		.sessionsOf(user.userId)
		.slice(0, max > 0 ? max : undefined)
		.map((s) => logRecord(context, user, s.startedAt, s.lastUsedAt, true));
}

export const SESSION_LOG_HANDLERS: Record<string, OperationHandler> = {
	SessionLogCurrent: (context) => {
		const caller = context.caller();
		const start = context.world.sessionStart(caller.token);
		return logRecord(context, caller.user, start, context.world.date(), true);
	},
	SessionLog: (context) => sessionLog(context, me(context), num(context.params.MaxRecords)),
	SessionLogEx: (context) =>
		sessionLog(
			context,
			context.targetUser(num(context.params.UserID)),
			num(context.params.MaxRecords),
		),
};
