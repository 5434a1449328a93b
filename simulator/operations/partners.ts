import { EcGridError } from '../errors';
import type { OperationContext, OperationHandler } from '../types';
import type { SimMailbox, SimTradingPartner } from '../world/records';
import { canSeeMailbox } from '../world/world';
import { page, partnerRecord } from './records';
import {
	anyPartner,
	matches,
	me,
	num,
	requireLevel,
	scopedMailbox,
	scopedPartner,
	text,
} from './scope';

const ECGRID_ID_FLOOR = 200000;

function addPartner(
	context: OperationContext,
	mailbox: SimMailbox,
	routingGroup = 'ProductionA',
): number {
	const { params, world } = context;
	const actor = requireLevel(context, 'MailboxAdmin', 'MailboxID');
	const qualifier = text(params.Qualifier).trim().toUpperCase();
	const id = text(params.ID).trim().toUpperCase();
	if (qualifier === '' || qualifier.length > 2) {
		throw new EcGridError('InvalidDataLength', 'Qualifier', 'Qualifier takes 1 or 2 characters.');
	}
	if (id === '' || id.length > 35) {
		throw new EcGridError('InvalidDataLength', 'ID', 'ID takes 1 to 35 characters.');
	}
	for (const tp of world.tradingPartners.values()) {
		if (tp.qualifier === qualifier && tp.id === id && tp.status !== 'Terminated') {
			const code = tp.networkId === mailbox.networkId ? 'Duplicate' : 'IDExistsOnNetwork';
			throw new EcGridError(code, 'ID', `${qualifier}:${id} is already ECGridID ${tp.ecGridId}.`);
		}
	}
	const now = world.date();
	const tp: SimTradingPartner = {
		ecGridId: world.nextId('ecGridId', ECGRID_ID_FLOOR),
		networkId: mailbox.networkId,
		mailboxId: mailbox.mailboxId,
		qualifier,
		id,
		description: text(params.Description),
		status: 'Active',
		useType: 'TestAndProduction',
		routingGroup,
		mailboxDefault: ![...world.tradingPartners.values()].some(
			(t) => t.mailboxId === mailbox.mailboxId,
		),
		dataEmail: '',
		ownerUserId: actor.userId,
		created: now,
		modified: now,
	};
	world.tradingPartners.set(tp.ecGridId, tp);
	return tp.ecGridId;
}

function changePartner(
	context: OperationContext,
	change: (tp: SimTradingPartner) => void,
): boolean {
	requireLevel(context, 'MailboxAdmin', 'ECGridID');
	const tp = scopedPartner(context, context.params.ECGridID);
	change(tp);
	tp.modified = context.world.date();
	return true;
}

function move(context: OperationContext, mailbox: SimMailbox): number {
	changePartner(context, (tp) => {
		tp.networkId = mailbox.networkId;
		tp.mailboxId = mailbox.mailboxId;
		tp.mailboxDefault = false;
	});
	return num(context.params.ECGridID);
}

const live = (context: OperationContext) => (tp: SimTradingPartner) =>
	context.params.ShowInactive === true || tp.status === 'Active' || tp.status === 'AutoRoute';

function inMailbox(context: OperationContext, mailbox: SimMailbox): SimTradingPartner[] {
	return [...context.world.tradingPartners.values()]
		.filter((tp) => tp.mailboxId === mailbox.mailboxId)
		.filter(live(context));
}

function search(context: OperationContext, mailbox?: SimMailbox) {
	me(context);
	const { params } = context;
	return [...context.world.tradingPartners.values()]
		.filter((tp) => !mailbox || tp.mailboxId === mailbox.mailboxId)
		.filter(live(context))
		.filter(
			(tp) =>
				text(params.Qualifier) === '' || tp.qualifier === text(params.Qualifier).toUpperCase(),
		)
		.filter((tp) => matches(params.ID, tp.id))
		.map((tp) => partnerRecord(context, tp));
}

function collection(context: OperationContext, records: SimTradingPartner[]) {
	const { items, ...paging } = page(records, context.params.PageNumber, context.params.PageSize);
	return { ...paging, ECGridIDInfoList: items.map((tp) => partnerRecord(context, tp)) };
}

const status =
	(value: SimTradingPartner['status']): OperationHandler =>
	(context) =>
		changePartner(context, (tp) => (tp.status = value));

export const PARTNER_HANDLERS: Record<string, OperationHandler> = {
	TPAdd: (context) => addPartner(context, scopedMailbox(context)),
	TPAddVAN: (context) => {
		requireLevel(context, 'NetworkAdmin', 'NetworkID');
		return addPartner(context, scopedMailbox(context, 0, context.params.NetworkID));
	},
	TPAddEx: (context) =>
		addPartner(
			context,
			scopedMailbox(context, context.params.MailboxID, context.params.NetworkID),
			text(context.params.RoutingGroup),
		),
	TPMove: (context) => move(context, scopedMailbox(context)),
	TPMoveMailbox: (context) => move(context, scopedMailbox(context, context.params.MailboxID)),
	TPMoveEx: (context) =>
		move(context, scopedMailbox(context, context.params.MailboxID, context.params.NetworkID)),
	TPUpdateDescription: (context) =>
		changePartner(context, (tp) => (tp.description = text(context.params.Description))),
	TPUpdateDataEMail: (context) =>
		changePartner(context, (tp) => (tp.dataEmail = text(context.params.DataEMail))),
	TPActivate: status('Active'),
	TPSuspend: status('Suspended'),
	TPTerminate: status('Terminated'),
	TPSetRoutingGroup: (context) =>
		changePartner(context, (tp) => (tp.routingGroup = text(context.params.RoutingGroup))),
	TPInfo: (context) => partnerRecord(context, anyPartner(context, context.params.ECGridID)),
	TPSearch: (context) => search(context),
	TPSearchEx: (context) =>
		search(context, scopedMailbox(context, context.params.MailboxID, context.params.NetworkID)),
	TPList: (context) =>
		inMailbox(context, scopedMailbox(context)).map((tp) => partnerRecord(context, tp)),
	TPListEx: (context) =>
		inMailbox(
			context,
			scopedMailbox(context, context.params.MailboxID, context.params.NetworkID),
		).map((tp) => partnerRecord(context, tp)),
	TPListExPaged: (context) =>
		collection(
			context,
			inMailbox(
				context,
				scopedMailbox(context, context.params.MailboxID, context.params.NetworkID),
			),
		),
	TPListByOwner: (context) => {
		const owner = context.targetUser(num(context.params.OwnerUserID));
		const user = me(context);
		const records = [...context.world.tradingPartners.values()]
			.filter((tp) => tp.ownerUserId === owner.userId)
			.filter((tp) => canSeeMailbox(user, tp.networkId, tp.mailboxId))
			.filter(live(context))
			.sort((a, b) =>
				context.params.OrderBy === 'Description'
					? a.description.localeCompare(b.description)
					: a.ecGridId - b.ecGridId,
			);
		return collection(context, records);
	},
	TPFindEx: (context) => {
		const mailbox = scopedMailbox(context, context.params.MailboxID, context.params.NetworkID);
		return inMailbox(context, mailbox)
			.filter((tp) => matches(context.params.Description, tp.description))
			.map((tp) => partnerRecord(context, tp));
	},
	TPGetMailboxDefault: (context) => {
		const mailbox = scopedMailbox(context, context.params.MailboxID, context.params.NetworkID);
		const tp = [...context.world.tradingPartners.values()].find(
			(t) => t.mailboxId === mailbox.mailboxId && t.mailboxDefault,
		);
		if (!tp) throw new EcGridError('NotFound', 'MailboxID', 'The mailbox has no default ECGridID.');
		return partnerRecord(context, tp);
	},
	TPSetMailboxDefault: (context) =>
		changePartner(context, (tp) => {
			for (const other of context.world.tradingPartners.values()) {
				if (other.mailboxId === tp.mailboxId) other.mailboxDefault = false;
			}
			tp.mailboxDefault = true;
		}),
	TPSetOwner: (context) =>
		changePartner(context, (tp) => {
			tp.ownerUserId = context.targetUser(num(context.params.OwnerUserID)).userId;
		}),
};
