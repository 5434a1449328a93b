/**
 * The parcel world: uploads into an OutBox, routing over interconnects into the partner's InBox,
 * and the InBox state machine (InBoxReady → InBoxTransferred on download; confirm takes it out of
 * the InBox; reset puts it back as InBoxReady; cancel undoes an unconfirmed download).
 */
import { detectStandard, readEnvelopes } from './edi';
import type { Envelope } from './edi';
import type { SimInterchange, SimMailbox, SimParcel, SimTradingPartner } from './records';
import type { World } from './world';

export const PARCEL_READY = 'InBoxReady';
export const PARCEL_TRANSFERRED = 'InBoxTransferred';
export const PARCEL_DELIVERY_ERROR = 'outboxDeliveryError';

/** Seeded parcel IDs stay below this; new ones count up from it. */
const PARCEL_ID_FLOOR = 700000;
const INTERCHANGE_ID_FLOOR = 900000;

export interface ParcelInput {
	fileName: string;
	content: Buffer;
	/** When it arrived; now when left out. */
	date?: Date;
}

function newParcel(
	world: World,
	owner: SimMailbox,
	direction: SimParcel['direction'],
	input: ParcelInput,
): SimParcel {
	const date = input.date ?? world.date();
	const parcel: SimParcel = {
		parcelId: world.nextId('parcel', PARCEL_ID_FLOOR),
		direction,
		networkId: owner.networkId,
		mailboxId: owner.mailboxId,
		networkIdFrom: 0,
		mailboxIdFrom: 0,
		networkIdTo: 0,
		mailboxIdTo: 0,
		fileName: input.fileName,
		content: Buffer.from(input.content),
		standard: detectStandard(input.content),
		status: undefined,
		valid: 'Pending',
		inInBox: false,
		date,
		statusDate: date,
		statusMessage: '',
		mailbagControlId: '',
		localStatus: 0,
		ecGridIdFrom: 0,
		ecGridIdTo: 0,
		interchangeIds: [],
		counters: { downloads: 0, previews: 0, confirms: 0, resets: 0, cancels: 0 },
		notes: [],
	};
	world.parcels.set(parcel.parcelId, parcel);
	return parcel;
}

/** Trading partner by qualifier + ID (case-insensitive, blanks trimmed), live ones only. */
export function findPartner(
	world: World,
	qualifier: string,
	id: string,
): SimTradingPartner | undefined {
	const q = qualifier.trim().toUpperCase();
	const wanted = id.trim().toUpperCase();
	const live = [...world.tradingPartners.values()].filter(
		(tp) =>
			tp.status !== 'Terminated' && tp.status !== 'Suspended' && tp.id.toUpperCase() === wanted,
	);
	// An EDIFACT party may come without its qualifier (UNB 0007 is conditional): the ID alone
	// then names it, when only one partner has that ID.
	if (q === '') return live.length === 1 ? live[0] : undefined;
	return live.find((tp) => tp.qualifier.toUpperCase() === q);
}

/** True when a completed interconnect joins the two trading partners (either way round). */
export function interconnected(world: World, a: number, b: number): boolean {
	for (const ic of world.interconnects.values()) {
		if (ic.status !== 'Completed') continue;
		if ((ic.ecGridId1 === a && ic.ecGridId2 === b) || (ic.ecGridId1 === b && ic.ecGridId2 === a)) {
			return true;
		}
	}
	return false;
}

type Route =
	| { ok: true; from: SimTradingPartner; to: SimTradingPartner; target: SimMailbox }
	| { ok: false; reason: string; valid: string; from?: SimTradingPartner; to?: SimTradingPartner };

function route(world: World, sender: SimMailbox, envelope: Envelope): Route {
	const to = findPartner(world, envelope.receiverQualifier, envelope.receiverId);
	const fromAny = findPartner(world, envelope.senderQualifier, envelope.senderId);
	const from = fromAny && fromAny.mailboxId === sender.mailboxId ? fromAny : undefined;
	const none = (reason: string): Route => ({
		ok: false,
		reason,
		valid: 'ValidNoneRouted',
		from,
		to,
	});
	if (!from) return none('The interchange sender is not a trading partner of this mailbox.');
	if (!to) return none('The interchange receiver is not a known trading partner.');
	const target = world.mailboxes.get(to.mailboxId);
	if (!target || target.status === 'Terminated' || target.status === 'Suspended') {
		return none('The receiver mailbox does not accept parcels.');
	}
	if (!interconnected(world, from.ecGridId, to.ecGridId)) {
		return none('No completed interconnect between sender and receiver.');
	}
	return { ok: true, from, to, target };
}

/**
 * ParcelUpload*: store the bytes in the sender's OutBox; an X12/EDIFACT interchange with a route
 * is delivered into the receiver's InBox, anything else stays in the OutBox as a delivery error.
 */
export function uploadParcel(world: World, sender: SimMailbox, input: ParcelInput): SimParcel {
	const outgoing = newParcel(world, sender, 'OutBox', input);
	outgoing.networkIdFrom = sender.networkId;
	outgoing.mailboxIdFrom = sender.mailboxId;
	const envelopes = readEnvelopes(outgoing.content);
	if (envelopes.length === 0) {
		outgoing.status = PARCEL_DELIVERY_ERROR;
		outgoing.valid = 'Invalid';
		outgoing.statusMessage = 'Not an X12 or EDIFACT interchange: nothing to route.';
		return outgoing;
	}
	const found = route(world, sender, envelopes[0]);
	outgoing.ecGridIdFrom = found.from?.ecGridId ?? 0;
	outgoing.ecGridIdTo = found.to?.ecGridId ?? 0;
	if (!found.ok) {
		outgoing.status = PARCEL_DELIVERY_ERROR;
		outgoing.valid = found.valid;
		outgoing.statusMessage = found.reason;
		for (const envelope of envelopes)
			addInterchange(world, envelope, outgoing, undefined, 'NoRoute');
		return outgoing;
	}
	const incoming = newParcel(world, found.target, 'InBox', { ...input, date: outgoing.date });
	for (const parcel of [outgoing, incoming]) {
		parcel.networkIdFrom = sender.networkId;
		parcel.mailboxIdFrom = sender.mailboxId;
		parcel.networkIdTo = found.target.networkId;
		parcel.mailboxIdTo = found.target.mailboxId;
		parcel.ecGridIdFrom = found.from.ecGridId;
		parcel.ecGridIdTo = found.to.ecGridId;
		parcel.valid = 'VallidRouted';
	}
	outgoing.statusMessage = `Delivered to mailbox ${found.target.mailboxId}.`;
	outgoing.linkedParcelId = incoming.parcelId;
	incoming.linkedParcelId = outgoing.parcelId;
	incoming.status = PARCEL_READY;
	incoming.inInBox = true;
	for (const envelope of envelopes)
		addInterchange(world, envelope, outgoing, incoming, 'Delivered');
	world.onDelivered?.({ outgoing, incoming, from: found.from, to: found.to });
	return outgoing;
}

/** A file arriving from outside (admin endpoint, `--inbox` folder): straight into an InBox. */
export function dropParcel(world: World, mailbox: SimMailbox, input: ParcelInput): SimParcel {
	const parcel = newParcel(world, mailbox, 'InBox', input);
	parcel.networkIdTo = mailbox.networkId;
	parcel.mailboxIdTo = mailbox.mailboxId;
	parcel.status = PARCEL_READY;
	parcel.inInBox = true;
	const envelopes = readEnvelopes(parcel.content);
	parcel.valid = envelopes.length > 0 ? 'Valid' : 'Invalid';
	const from = envelopes[0]
		? findPartner(world, envelopes[0].senderQualifier, envelopes[0].senderId)
		: undefined;
	const to = envelopes[0]
		? findPartner(world, envelopes[0].receiverQualifier, envelopes[0].receiverId)
		: undefined;
	if (from) {
		parcel.networkIdFrom = from.networkId;
		parcel.mailboxIdFrom = from.mailboxId;
		parcel.ecGridIdFrom = from.ecGridId;
	}
	parcel.ecGridIdTo = to?.ecGridId ?? 0;
	for (const envelope of envelopes) addInterchange(world, envelope, undefined, parcel, 'Delivered');
	return parcel;
}

function addInterchange(
	world: World,
	envelope: Envelope,
	outgoing: SimParcel | undefined,
	incoming: SimParcel | undefined,
	status: SimInterchange['status'],
): void {
	const parcel = (outgoing ?? incoming) as SimParcel;
	const interchange: SimInterchange = {
		interchangeId: world.nextId('interchange', INTERCHANGE_ID_FLOOR),
		standard: envelope.standard,
		controlId: envelope.controlId,
		documentType: envelope.documentType,
		header: envelope.header,
		date: parcel.date,
		bytes: envelope.bytes,
		networkIdFrom: parcel.networkIdFrom,
		mailboxIdFrom: parcel.mailboxIdFrom,
		networkIdTo: parcel.networkIdTo,
		mailboxIdTo: parcel.mailboxIdTo,
		ecGridIdFrom: parcel.ecGridIdFrom,
		ecGridIdTo: parcel.ecGridIdTo,
		outBoxParcelId: outgoing?.parcelId,
		inBoxParcelId: incoming?.parcelId,
		status,
	};
	world.interchanges.set(interchange.interchangeId, interchange);
	outgoing?.interchangeIds.push(interchange.interchangeId);
	incoming?.interchangeIds.push(interchange.interchangeId);
}

/** ParcelDownload (update) marks an InBox parcel transferred; NoUpdate changes nothing. */
export function recordDownload(world: World, parcel: SimParcel, update: boolean): void {
	if (!update) {
		parcel.counters.previews++;
		return;
	}
	parcel.counters.downloads++;
	if (parcel.direction === 'InBox' && parcel.inInBox) {
		parcel.status = PARCEL_TRANSFERRED;
		parcel.statusDate = world.date();
	}
}

/** Takes it out of the InBox (it stays in the archive). False if it was not in the InBox. */
export function confirmParcel(world: World, parcel: SimParcel): boolean {
	parcel.counters.confirms++;
	if (parcel.direction !== 'InBox' || !parcel.inInBox) return false;
	parcel.inInBox = false;
	parcel.status = PARCEL_TRANSFERRED;
	parcel.statusDate = world.date();
	return true;
}

/** Back into the InBox as ready, whether it was downloaded, confirmed, or both. */
export function resetParcel(world: World, parcel: SimParcel): boolean {
	parcel.counters.resets++;
	if (parcel.direction !== 'InBox') return false;
	parcel.inInBox = true;
	parcel.status = PARCEL_READY;
	parcel.statusDate = world.date();
	return true;
}

/** Undo a download not yet confirmed; false (nothing changed) for any other parcel. */
export function cancelDownload(world: World, parcel: SimParcel): boolean {
	parcel.counters.cancels++;
	if (parcel.direction !== 'InBox' || !parcel.inInBox || parcel.status !== PARCEL_TRANSFERRED) {
		return false;
	}
	parcel.status = PARCEL_READY;
	parcel.statusDate = world.date();
	return true;
}
