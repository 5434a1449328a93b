import type { IDataObject } from 'n8n-workflow';

import { UnreadableResponseError, type ResultValue } from '../../soap';
import type { Operation } from '../operation';

/** SessionInfo fields as n8n items name them. SessionID is left out: it echoes the secret. */
const FIELD_NAMES: Record<string, string> = {
	ECGridOSVersion: 'ecgridosVersion',
	SessionEventID: 'sessionEventId',
	UserID: 'userId',
	LoginName: 'loginName',
	FirstName: 'firstName',
	LastName: 'lastName',
	Company: 'company',
	EMail: 'email',
	Phone: 'phone',
	TimeZoneOffset: 'timeZoneOffset',
	AuthLevel: 'authLevel',
	LastLogin: 'lastLogin',
	OpenSessions: 'openSessions',
	TimeOut: 'timeOut',
	NetworkID: 'networkId',
	MailboxID: 'mailboxId',
	ip: 'ip',
};

export function toCurrentUser(sessionInfo: ResultValue): IDataObject {
	if (!sessionInfo || typeof sessionInfo !== 'object' || Array.isArray(sessionInfo)) {
		throw new UnreadableResponseError(
			'ECGridOS returned no session information',
			'unexpected',
			200,
		);
	}
	const user: IDataObject = {};
	for (const [wireName, name] of Object.entries(FIELD_NAMES)) {
		if (wireName in sessionInfo) user[name] = sessionInfo[wireName];
	}
	return user;
}

export const getCurrentUser: Operation = {
	description: [],
	async execute({ client, callOptions }) {
		return toCurrentUser(await client.call({ operation: 'WhoAmI', parameters: {} }, callOptions));
	},
};
