import { randomUUID } from 'node:crypto';

import { EcGridError } from '../errors';
import type { OperationContext, OperationHandler } from '../types';
import type { InterconnectStatus, SimInterconnect } from '../world/records';
import { canSeeMailbox } from '../world/world';
import { interconnectRecord } from './records';
import {
	anyPartner,
	canSeeInterconnect,
	me,
	num,
	scopedInterconnect,
	scopedMailbox,
	scopedPartner,
	text,
} from './scope';
import { interconnectCountDataSet } from './reports';

const INTERCONNECT_ID_FLOOR = 600000;
const DAY_MS = 86400_000;

function addNote(context: OperationContext, ic: SimInterconnect, note: string): void {
	const user = me(context);
	ic.notes.push({
		noteId: ic.notes.length + 1,
		date: context.world.date(),
		status: ic.status,
		userId: user.userId,
		note,
	});
	ic.modified = context.world.date();
}

function visible(context: OperationContext): SimInterconnect[] {
	return [...context.world.interconnects.values()].filter((ic) => canSeeInterconnect(context, ic));
}

function recent(context: OperationContext, ic: SimInterconnect): boolean {
	const days = num(context.params.MaxDays);
	return days <= 0 || context.world.now() - ic.modified.getTime() <= days * DAY_MS;
}

function byStatus(
	context: OperationContext,
	status: unknown,
	ecGridId: unknown,
	mailboxId?: number,
) {
	return visible(context)
		.filter((ic) => status === 'NoStatusChange' || ic.status === (status as InterconnectStatus))
		.filter(
			(ic) =>
				num(ecGridId) === 0 || ic.ecGridId1 === num(ecGridId) || ic.ecGridId2 === num(ecGridId),
		)
		.filter(
			(ic) =>
				mailboxId === undefined ||
				[ic.ecGridId1, ic.ecGridId2].some(
					(id) => context.world.tradingPartners.get(id)?.mailboxId === mailboxId,
				),
		)
		.filter((ic) => recent(context, ic))
		.map((ic) => interconnectRecord(context, ic));
}

export const INTERCONNECT_HANDLERS: Record<string, OperationHandler> = {
	InterconnectAdd: (context) => {
		const { params, world } = context;
		const user = me(context);
		const tp1 = scopedPartner(context, params.ECGridID1, 'ECGridID1');
		const tp2 = anyPartner(context, params.ECGridID2, 'ECGridID2');
		if (tp1.ecGridId === tp2.ecGridId) {
			throw new EcGridError(
				'DataError',
				'ECGridID2',
				'A trading partner cannot interconnect with itself.',
			);
		}
		for (const ic of world.interconnects.values()) {
			const same =
				(ic.ecGridId1 === tp1.ecGridId && ic.ecGridId2 === tp2.ecGridId) ||
				(ic.ecGridId1 === tp2.ecGridId && ic.ecGridId2 === tp1.ecGridId);
			if (same && ic.status !== 'Canceled') {
				throw new EcGridError(
					'Duplicate',
					'ECGridID2',
					`Interconnect ${ic.interconnectId} exists.`,
				);
			}
		}
		// Both ends in the caller's scope, or a preconfirmed request: completed at once.
		const both = canSeeMailbox(user, tp2.networkId, tp2.mailboxId);
		const now = world.date();
		const status: InterconnectStatus = both || params.Preconfirm === true ? 'Completed' : 'Pending';
		const ic: SimInterconnect = {
			interconnectId: world.nextId('interconnect', INTERCONNECT_ID_FLOOR),
			uniqueId: randomUUID(),
			ecGridId1: tp1.ecGridId,
			ecGridId2: tp2.ecGridId,
			reference: text(params.Reference),
			contactName: text(params.ContactName),
			contactEmail: text(params.ContactEMail),
			status,
			requestorUserId: user.userId,
			created: now,
			modified: now,
			completed: status === 'Completed' ? now : undefined,
			notes: [],
		};
		world.interconnects.set(ic.interconnectId, ic);
		if (text(params.Note) !== '') addNote(context, ic, text(params.Note));
		return interconnectRecord(context, ic);
	},
	InterconnectNote: (context) => {
		const ic = scopedInterconnect(context, context.params.InterconnectID);
		addNote(context, ic, text(context.params.Note));
		return true;
	},
	InterconnectCancel: (context) => {
		const ic = scopedInterconnect(context, context.params.InterconnectID);
		if (ic.status === 'Canceled') return false;
		ic.status = 'Canceled';
		addNote(context, ic, text(context.params.Note) || 'Canceled.');
		return true;
	},
	InterconnectInfo: (context) =>
		interconnectRecord(context, scopedInterconnect(context, context.params.InterconnectID)),
	InterconnectInfoGUID: (context) => {
		const wanted = text(context.params.UniqueID).toLowerCase();
		const ic = [...context.world.interconnects.values()].find((i) => i.uniqueId === wanted);
		me(context);
		if (!ic) throw new EcGridError('NotFound', 'UniqueID', 'No interconnect with that UniqueID.');
		return interconnectRecord(context, scopedInterconnect(context, ic.interconnectId));
	},
	InterconnectNoteList: (context) => {
		const ic = scopedInterconnect(context, context.params.InterconnectID);
		return ic.notes.map((note) => {
			const author = context.world.users.get(note.userId);
			return {
				InterconnectID: ic.interconnectId,
				InterconnectNoteID: note.noteId,
				NoteDate: note.date,
				Status: note.status,
				PostedBy: author ? `${author.firstName} ${author.lastName}` : '',
				UserID: note.userId,
				MailTo: '',
				Note: note.note,
				Attachment: null,
			};
		});
	},
	InterconnectListByECGridID: (context) => {
		const a = num(context.params.ECGridID1);
		const b = num(context.params.ECGridID2);
		const has = (ic: SimInterconnect, id: number) =>
			id === 0 || ic.ecGridId1 === id || ic.ecGridId2 === id;
		return visible(context)
			.filter((ic) => has(ic, a) && has(ic, b))
			.map((ic) => interconnectRecord(context, ic));
	},
	InterconnectListByStatus: (context) =>
		byStatus(context, context.params.Status, context.params.ECGridID),
	InterconnectListByStatusEx: (context) => {
		const mailbox = scopedMailbox(context, context.params.MailboxID, context.params.NetworkID);
		return byStatus(context, context.params.IntStatus, context.params.ECGridID, mailbox.mailboxId);
	},
	InterconnectCount: (context) => interconnectCountDataSet(context, visible(context)),
	InterconnectCountEx: (context) => {
		const mailbox = scopedMailbox(context, context.params.MailboxID, context.params.NetworkID);
		const id = num(context.params.ECGridID);
		const records = visible(context).filter(
			(ic) =>
				(id === 0 || ic.ecGridId1 === id || ic.ecGridId2 === id) &&
				[ic.ecGridId1, ic.ecGridId2].some(
					(tp) => context.world.tradingPartners.get(tp)?.mailboxId === mailbox.mailboxId,
				),
		);
		return interconnectCountDataSet(context, records);
	},
};
