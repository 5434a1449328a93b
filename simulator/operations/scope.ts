/**
 * Looking records up for a caller: NotFound when absent, AccessDenied when outside the caller's
 * scope (checked in that order, after SessionTimeout, as for users).
 */
import { EcGridError } from '../errors';
import type { OperationContext } from '../types';
import type {
	AuthLevel,
	SimInterchange,
	SimInterconnect,
	SimMailbox,
	SimNetwork,
	SimParcel,
	SimTradingPartner,
	SimUser,
} from '../world/records';
import { canSeeMailbox, canSeeNetwork, hasLevel } from '../world/world';

export const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value));
export const text = (value: unknown): string =>
	value === null || value === undefined ? '' : String(value);

export function me(context: OperationContext): SimUser {
	return context.caller().user;
}

export function requireLevel(context: OperationContext, level: AuthLevel, item = ''): SimUser {
	const user = me(context);
	if (!hasLevel(user, level)) {
		throw new EcGridError('AccessDenied', item, `This call needs ${level} or higher.`);
	}
	return user;
}

function denied(item: string, what: string, user: SimUser): EcGridError {
	return new EcGridError(
		'AccessDenied',
		item,
		`${what} is outside the scope of a ${user.authLevel}.`,
	);
}

/** A mailbox by ID; 0 (or left out) means the caller's own. A non-zero NetworkID must match. */
export function scopedMailbox(
	context: OperationContext,
	mailboxId?: unknown,
	networkId?: unknown,
): SimMailbox {
	const user = me(context);
	const id = mailboxId === undefined || num(mailboxId) === 0 ? user.mailboxId : num(mailboxId);
	const mailbox = context.world.mailboxes.get(id);
	const network = networkId === undefined ? 0 : num(networkId);
	if (!mailbox || (network !== 0 && mailbox.networkId !== network)) {
		throw new EcGridError('NotFound', 'MailboxID', `MailboxID ${id} not found.`);
	}
	if (!canSeeMailbox(user, mailbox.networkId, mailbox.mailboxId)) {
		throw denied('MailboxID', `MailboxID ${id}`, user);
	}
	return mailbox;
}

/** A network by ID; 0 means the caller's own. */
export function scopedNetwork(context: OperationContext, networkId: unknown): SimNetwork {
	const user = me(context);
	const id = num(networkId) === 0 ? user.networkId : num(networkId);
	const network = context.world.networks.get(id);
	if (!network) throw new EcGridError('NotFound', 'NetworkID', `NetworkID ${id} not found.`);
	if (!canSeeNetwork(user, id)) throw denied('NetworkID', `NetworkID ${id}`, user);
	return network;
}

/** A trading partner whose mailbox the caller may change. */
export function scopedPartner(
	context: OperationContext,
	ecGridId: unknown,
	item = 'ECGridID',
): SimTradingPartner {
	const tp = anyPartner(context, ecGridId, item);
	if (!canSeeMailbox(me(context), tp.networkId, tp.mailboxId)) {
		throw denied(item, `ECGridID ${tp.ecGridId}`, me(context));
	}
	return tp;
}

/** Any trading partner: the ECGrid directory is readable by every caller. */
export function anyPartner(
	context: OperationContext,
	ecGridId: unknown,
	item = 'ECGridID',
): SimTradingPartner {
	me(context);
	const tp = context.world.tradingPartners.get(num(ecGridId));
	if (!tp) throw new EcGridError('NotFound', item, `ECGridID ${num(ecGridId)} not found.`);
	return tp;
}

export function scopedParcel(context: OperationContext, parcelId: unknown): SimParcel {
	const user = me(context);
	const parcel = context.world.parcels.get(context.world.parcelIdFromWire(parcelId));
	if (!parcel)
		throw new EcGridError('NotFound', 'ParcelID', `ParcelID ${String(parcelId)} not found.`);
	if (!canSeeMailbox(user, parcel.networkId, parcel.mailboxId)) {
		throw denied('ParcelID', `ParcelID ${String(parcelId)}`, user);
	}
	return parcel;
}

export function scopedInterchange(
	context: OperationContext,
	interchangeId: unknown,
): SimInterchange {
	const user = me(context);
	const ic = context.world.interchanges.get(num(interchangeId));
	if (!ic) {
		throw new EcGridError(
			'NotFound',
			'InterchangeID',
			`InterchangeID ${num(interchangeId)} not found.`,
		);
	}
	const visible =
		canSeeMailbox(user, ic.networkIdFrom, ic.mailboxIdFrom) ||
		canSeeMailbox(user, ic.networkIdTo, ic.mailboxIdTo);
	if (!visible) throw denied('InterchangeID', `InterchangeID ${ic.interchangeId}`, user);
	return ic;
}

/** Visible when either end's mailbox is in the caller's scope. */
export function canSeeInterconnect(context: OperationContext, ic: SimInterconnect): boolean {
	const user = me(context);
	return [ic.ecGridId1, ic.ecGridId2].some((id) => {
		const tp = context.world.tradingPartners.get(id);
		return tp !== undefined && canSeeMailbox(user, tp.networkId, tp.mailboxId);
	});
}

export function scopedInterconnect(
	context: OperationContext,
	interconnectId: unknown,
): SimInterconnect {
	const ic = context.world.interconnects.get(num(interconnectId));
	me(context);
	if (!ic) {
		throw new EcGridError(
			'NotFound',
			'InterconnectID',
			`InterconnectID ${num(interconnectId)} not found.`,
		);
	}
	if (!canSeeInterconnect(context, ic)) {
		throw denied('InterconnectID', `InterconnectID ${ic.interconnectId}`, me(context));
	}
	return ic;
}

/** Case-insensitive "contains"; an empty filter matches everything. */
export function matches(filter: unknown, ...values: string[]): boolean {
	const wanted = text(filter).trim().toLowerCase();
	return wanted === '' || values.some((v) => v.toLowerCase().includes(wanted));
}

/** Inclusive date range; a range whose end is before its start matches nothing. */
export function inRange(date: Date, begin: unknown, end: unknown): boolean {
	const from = begin instanceof Date ? begin.getTime() : -Infinity;
	const to = end instanceof Date ? end.getTime() : Infinity;
	return date.getTime() >= from && date.getTime() <= to;
}
