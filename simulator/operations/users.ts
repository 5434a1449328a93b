import { EcGridError } from '../errors';
import type { OperationContext, OperationHandler } from '../types';
import type { AuthLevel, SimUser } from '../world/records';
import { canActOn, hasLevel } from '../world/world';
import { generatorFor, userRecord } from './records';
import { matches, me, num, requireLevel, scopedMailbox, text } from './scope';

const USER_ID_FLOOR = 3000;

function level(value: unknown, fallback: AuthLevel): AuthLevel {
	return value === 'NoChange' || value === undefined ? fallback : (value as AuthLevel);
}

function addUser(context: OperationContext, networkId: unknown): number {
	const { params, world } = context;
	const actor = requireLevel(context, 'MailboxAdmin', 'AuthLevel');
	const mailbox = scopedMailbox(context, params.MailboxID, networkId);
	const authLevel = level(params.AuthLevel, 'MailboxUser');
	if (!hasLevel(actor, authLevel)) {
		throw new EcGridError(
			'AccessDenied',
			'AuthLevel',
			`A ${actor.authLevel} cannot grant ${authLevel}.`,
		);
	}
	const loginName = text(params.LoginName).trim();
	if (loginName === '')
		throw new EcGridError('InvalidDataLength', 'LoginName', 'LoginName is empty.');
	if (world.findByLogin(loginName)) {
		throw new EcGridError('Duplicate', 'LoginName', 'That login name is taken.');
	}
	const now = world.date();
	const user = world.addUser({
		userId: world.nextId('user', USER_ID_FLOOR),
		loginName,
		password: text(params.Password),
		authLevel,
		networkId: mailbox.networkId,
		mailboxId: mailbox.mailboxId,
		firstName: text(params.FirstName),
		lastName: text(params.LastName),
		company: text(params.Company),
		email: text(params.EMail),
		phone: text(params.Phone),
		cellPhone: text(params.CellPhone),
		cellCarrier: params.CellCarrier === 'NoChange' ? 'Undefined' : text(params.CellCarrier),
		recoveryQuestion: text(params.RecoveryQuestion),
		recoveryAnswer: text(params.RecoveryAnswer),
		status: 'Active',
		created: now,
		modified: now,
		lastLogin: new Date('2000-01-01T00:00:00.000Z'),
	});
	return user.userId;
}

/** A user the caller may change (scope rule), touched now. */
function changeUser(context: OperationContext, change: (user: SimUser) => void): boolean {
	const target = context.targetUser(num(context.params.UserID));
	change(target);
	target.modified = context.world.date();
	return true;
}

function setStatus(status: SimUser['status']): OperationHandler {
	return (context) =>
		changeUser(context, (user) => {
			user.status = status;
			if (status !== 'Active') context.world.endSessions(user.userId);
		});
}

function visibleUsers(context: OperationContext, mailbox?: { mailboxId: number }): unknown[] {
	const actor = me(context);
	return [...context.world.users.values()]
		.filter((user) => canActOn(actor, user) || (mailbox && user.mailboxId === mailbox.mailboxId))
		.filter((user) => !mailbox || user.mailboxId === mailbox.mailboxId)
		.filter((user) => matches(context.params.Name, user.loginName, user.firstName, user.lastName))
		.map((user) => userRecord(context, user));
}

export const USER_HANDLERS: Record<string, OperationHandler> = {
	UserAdd: (context) => addUser(context, undefined),
	UserAddEx: (context) => addUser(context, context.params.NetworkID),
	UserInfo: (context) => userRecord(context, context.targetUser(num(context.params.UserID))),
	UserInfobyLogin: (context) => {
		const user = context.world.findByLogin(text(context.params.LoginName));
		me(context);
		if (!user) throw new EcGridError('NotFound', 'LoginName', 'No user with that login name.');
		return userRecord(context, context.targetUser(user.userId));
	},
	UserUpdate: (context) =>
		changeUser(context, (user) => {
			const { params } = context;
			const actor = me(context);
			const authLevel = level(params.AuthLevel, user.authLevel);
			if (authLevel !== user.authLevel && !hasLevel(actor, authLevel)) {
				throw new EcGridError(
					'AccessDenied',
					'AuthLevel',
					`A ${actor.authLevel} cannot grant ${authLevel}.`,
				);
			}
			user.firstName = text(params.FirstName);
			user.lastName = text(params.LastName);
			user.company = text(params.Company);
			user.email = text(params.EMail);
			user.phone = text(params.Phone);
			user.cellPhone = text(params.CellPhone);
			if (params.CellCarrier !== 'NoChange') user.cellCarrier = text(params.CellCarrier);
			user.authLevel = authLevel;
		}),
	UserPassword: (context) =>
		changeUser(context, (user) => {
			const { params } = context;
			const self = me(context).userId === user.userId;
			if (
				self &&
				user.recoveryAnswer &&
				user.recoveryAnswer !== text(params.CurrentRecoveryAnswer)
			) {
				throw new EcGridError(
					'AccessDenied',
					'CurrentRecoveryAnswer',
					'The recovery answer does not match.',
				);
			}
			user.password = text(params.Password);
			user.recoveryQuestion = text(params.RecoveryQuestion);
			user.recoveryAnswer = text(params.RecoveryAnswer);
		}),
	ChangePassword: (context) => {
		const user = me(context);
		if (user.password !== text(context.params.OldPassword)) {
			throw new EcGridError('AccessDenied', 'OldPassword', 'The old password does not match.');
		}
		if (text(context.params.NewPassword).length < 8) {
			throw new EcGridError('InvalidDataLength', 'NewPassword', 'Use at least 8 characters.');
		}
		user.password = text(context.params.NewPassword);
		return true;
	},
	UserActivate: setStatus('Active'),
	UserSuspend: setStatus('Suspended'),
	UserTerminate: setStatus('Terminated'),
	UserReset: (context) => changeUser(context, (user) => context.world.endSessions(user.userId)),
	UserSendSMS: (context) => changeUser(context, () => undefined),
	UserList: (context) => visibleUsers(context),
	UserListEx: (context) =>
		visibleUsers(
			context,
			scopedMailbox(context, context.params.MailboxID, context.params.NetworkID),
		),
	UserListLockedOut: (context) => (me(context), []),
	UserListLockedOutEx: (context) => {
		scopedMailbox(context, context.params.MailboxID, context.params.NetworkID);
		return [];
	},
	UserSetNetworkMailbox: (context) => {
		const mailbox = scopedMailbox(context, context.params.MailboxID, context.params.NetworkID);
		return changeUser(context, (user) => {
			user.networkId = mailbox.networkId;
			user.mailboxId = mailbox.mailboxId;
		});
	},
	UserSetAuthLevel: (context) =>
		changeUser(context, (user) => {
			const actor = me(context);
			const authLevel = level(context.params.AuthLevel, user.authLevel);
			if (!hasLevel(actor, authLevel)) {
				throw new EcGridError(
					'AccessDenied',
					'AuthLevel',
					`A ${actor.authLevel} cannot grant ${authLevel}.`,
				);
			}
			user.authLevel = authLevel;
		}),
	UserSetMaxSessions: (context) =>
		changeUser(context, (user) => {
			const max = num(context.params.MaxSessions);
			if (max < 1)
				throw new EcGridError('DataError', 'MaxSessions', 'MaxSessions must be at least 1.');
			user.maxSessions = max;
		}),
	GeneratePassword: (context) => {
		me(context);
		const length = Math.min(Math.max(num(context.params.Length), 8), 64);
		const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
		const generator = generatorFor(context);
		return Array.from({ length }, () => alphabet[generator.int(0, alphabet.length - 1)]).join('');
	},
};
