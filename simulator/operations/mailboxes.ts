import { EcGridError } from '../errors';
import type { OperationContext, OperationHandler } from '../types';
import type { SimMailbox } from '../world/records';
import { canSeeMailbox } from '../world/world';
import { mailboxRecord } from './records';
import { matches, me, num, requireLevel, scopedMailbox, scopedNetwork, text } from './scope';

const MAILBOX_ID_FLOOR = 1000;

function addMailbox(context: OperationContext, networkId: unknown, ownerId: number): number {
	const { params, world } = context;
	requireLevel(context, 'NetworkAdmin', 'NetworkID');
	const network = scopedNetwork(context, networkId);
	const name = text(params.Name).trim();
	if (name === '') throw new EcGridError('InvalidDataLength', 'Name', 'Name is empty.');
	const owner = ownerId === 0 ? me(context) : context.targetUser(ownerId);
	const now = world.date();
	const mailbox: SimMailbox = {
		mailboxId: world.nextId('mailbox', MAILBOX_ID_FLOOR),
		networkId: network.networkId,
		name,
		description: '',
		status: 'Active',
		useType: 'TestAndProduction',
		managed: false,
		deleteOnDownload: false,
		inBoxTimeoutMinutes: 60,
		delimiters: { segTerm: 0x7e, elmSep: 0x2a, subElmSep: 0x3e },
		contacts: { Owner: owner.userId },
		created: now,
		modified: now,
	};
	world.mailboxes.set(mailbox.mailboxId, mailbox);
	return mailbox.mailboxId;
}

/** Changing a mailbox takes a MailboxAdmin (of it) or higher. */
function changeMailbox(context: OperationContext, change: (mailbox: SimMailbox) => void): boolean {
	requireLevel(context, 'MailboxAdmin', 'MailboxID');
	const mailbox = scopedMailbox(context, context.params.MailboxID);
	change(mailbox);
	mailbox.modified = context.world.date();
	return true;
}

function list(context: OperationContext, networkId?: number) {
	const user = me(context);
	return [...context.world.mailboxes.values()]
		.filter((mailbox) => canSeeMailbox(user, mailbox.networkId, mailbox.mailboxId))
		.filter((mailbox) => networkId === undefined || mailbox.networkId === networkId)
		.filter((mailbox) => matches(context.params.Name, mailbox.name))
		.map((mailbox) => mailboxRecord(context, mailbox));
}

const setStatus =
	(status: SimMailbox['status']): OperationHandler =>
	(context) =>
		changeMailbox(context, (mailbox) => {
			if (status === 'Active') requireLevel(context, 'NetworkAdmin', 'MailboxID');
			mailbox.status = status;
		});

export const MAILBOX_HANDLERS: Record<string, OperationHandler> = {
	MailboxAdd: (context) => addMailbox(context, 0, num(context.params.UserID)),
	MailboxAddEx: (context) => {
		const owner = text(context.params.UserID).trim();
		if (owner !== '' && !/^\d+$/.test(owner)) {
			throw new EcGridError('InvalidDataType', 'UserID', 'UserID must be a number.');
		}
		return addMailbox(context, context.params.NetworkID, owner === '' ? 0 : Number(owner));
	},
	MailboxActivate: setStatus('Active'),
	MailboxSuspend: setStatus('Suspended'),
	MailboxTerminate: setStatus('Terminated'),
	MailboxManaged: (context) =>
		changeMailbox(context, (mailbox) => (mailbox.managed = context.params.Managed === true)),
	MailboxDeleteOnDownload: (context) =>
		changeMailbox(context, (mailbox) => {
			mailbox.deleteOnDownload = context.params.DeleteOnDownload === true;
		}),
	MailboxInfo: (context) =>
		mailboxRecord(context, scopedMailbox(context, context.params.MailboxID)),
	MailboxName: (context) =>
		changeMailbox(context, (mailbox) => {
			const name = text(context.params.Name).trim();
			if (name === '') throw new EcGridError('InvalidDataLength', 'Name', 'Name is empty.');
			mailbox.name = name;
		}),
	MailboxDescription: (context) =>
		changeMailbox(context, (mailbox) => (mailbox.description = text(context.params.Description))),
	MailboxUse: (context) =>
		changeMailbox(context, (mailbox) => (mailbox.useType = text(context.params.UseType))),
	MailboxSetContact: (context) =>
		changeMailbox(context, (mailbox) => {
			const user = context.targetUser(num(context.params.UserID));
			mailbox.contacts[text(context.params.ContactType)] = user.userId;
		}),
	MailboxX12Delimiters: (context) =>
		changeMailbox(context, (mailbox) => {
			const { params } = context;
			mailbox.delimiters = {
				segTerm: num(params.SegTerm),
				elmSep: num(params.ElmSep),
				subElmSep: num(params.SubElmSep),
			};
		}),
	MailboxInBoxTimeout: (context) =>
		changeMailbox(
			context,
			(mailbox) => (mailbox.inBoxTimeoutMinutes = num(context.params.Minutes)),
		),
	MailboxList: (context) => list(context),
	MailboxListEx: (context) =>
		list(context, scopedNetwork(context, context.params.NetworkID).networkId),
};
