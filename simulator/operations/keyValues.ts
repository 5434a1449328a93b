import { EcGridError } from '../errors';
import type { OperationContext, OperationHandler } from '../types';
import type { SimKeyValue } from '../world/records';
import { me, num, text } from './scope';

const DAY_MS = 86400_000;

/** Keys live per object (SystemObject + ObjectID) and visibility; Private and Session ones per user. */
function objectKey(context: OperationContext): string {
	const { params } = context;
	const user = me(context);
	const owner =
		params.Visibility === 'Private' || params.Visibility === 'Session'
			? `user${user.userId}`
			: 'all';
	return `${text(params.SystemObject)}:${num(params.ObjectID)}:${owner}`;
}

function storeKey(context: OperationContext): string {
	return `${objectKey(context)}|${text(context.params.Visibility)}|${text(context.params.Key)}`;
}

function record(entry: SimKeyValue) {
	return {
		Key: entry.key,
		Value: entry.value,
		Meta: entry.meta,
		Created: entry.created,
		Expires: entry.expires,
		Visibility: entry.visibility,
		NetworkID: entry.networkId,
		MailboxID: entry.mailboxId,
		UserID: entry.userId,
		SessionID: '',
	};
}

function live(context: OperationContext, entry: SimKeyValue | undefined): SimKeyValue | undefined {
	return entry && entry.expires.getTime() > context.world.now() ? entry : undefined;
}

function save(context: OperationContext, ttlMs: number): boolean {
	const { params, world } = context;
	const user = me(context);
	if (text(params.Key) === '') throw new EcGridError('InvalidDataLength', 'Key', 'Key is empty.');
	world.keyValues.set(storeKey(context), {
		key: text(params.Key),
		value: text(params.Value),
		meta: text(params.Meta),
		created: world.date(),
		expires: new Date(world.now() + Math.max(ttlMs, 1)),
		visibility: text(params.Visibility),
		objectKey: objectKey(context),
		userId: user.userId,
		networkId: user.networkId,
		mailboxId: user.mailboxId,
	});
	return true;
}

export const KEY_VALUE_HANDLERS: Record<string, OperationHandler> = {
	KeySet: (context) => save(context, num(context.params.DaysToLive) * DAY_MS),
	KeySetMinutes: (context) => save(context, num(context.params.MinutesToLive) * 60_000),
	KeyGet: (context) => {
		const entry = live(context, context.world.keyValues.get(storeKey(context)));
		if (!entry) throw new EcGridError('NotFound', 'Key', 'No such key.');
		return record(entry);
	},
	KeyRemove: (context) => context.world.keyValues.delete(storeKey(context)),
	KeyList: (context) => {
		const user = me(context);
		const prefix = `${text(context.params.SystemObject)}:${num(context.params.ObjectID)}:`;
		return [...context.world.keyValues.values()]
			.filter((entry) => live(context, entry) && entry.objectKey.startsWith(prefix))
			.filter((entry) => entry.objectKey.endsWith(':all') || entry.userId === user.userId)
			.map(record);
	},
};
