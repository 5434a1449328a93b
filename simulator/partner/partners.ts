/**
 * The simulated trading partners: each X12 or EDIFACT file delivered to one that answers is read
 * by the EDI engine and answered with a 997 / 999 / CONTRL, which the partner uploads from its own
 * mailbox, so ECGrid routes it into the sender's InBox like any other file.
 */
import { seededRandom } from '../injection';
import type {
	PartnerAnswer,
	PartnerAnswerKind,
	PartnerBehaviour,
	PartnerInjection,
	SimulatorOptions,
} from '../types';
import { uploadParcel } from '../world/parcels';
import type { Delivery, World } from '../world/world';
import { readReceived, writeAcknowledgment, type PartnerAcknowledgment } from './acknowledge';
import {
	checkBehaviour,
	checkPartnerKey,
	DEFAULT_DELAY_MS,
	DEFAULT_MIX,
	DEMO_ANSWERING_PARTNERS,
	PARTNER_ANSWERS,
	partnerKey,
} from './behaviour';
import { applyRejectRule, REJECT_EVERYTHING } from './reject';

/** What one partner keeps between files. */
interface PartnerState {
	lastControlNumber: number;
	groupsSeen: { count: number };
}

interface ActiveInjection {
	partner: string;
	behaviour: PartnerBehaviour;
	remaining: number;
}

export class Partners {
	readonly answers: PartnerAnswer[] = [];
	private readonly configured = new Map<string, PartnerBehaviour>();
	private injections: ActiveInjection[] = [];
	private readonly states = new Map<string, PartnerState>();
	/** Each `mix` behaviour draws from its own seeded sequence. */
	private readonly draws = new WeakMap<PartnerBehaviour, () => number>();
	private readonly timers = new Set<NodeJS.Timeout>();
	private readonly seed: number;
	private readonly log?: (line: string) => void;

	constructor(
		private readonly world: World,
		options: {
			partners?: SimulatorOptions['partners'];
			seed: number;
			log?: (line: string) => void;
		},
	) {
		this.seed = options.seed;
		this.log = options.log;
		if (options.partners === false) return;
		for (const partner of DEMO_ANSWERING_PARTNERS) this.configured.set(partner, {});
		for (const [raw, behaviour] of Object.entries(options.partners ?? {})) {
			const partner = this.known(raw);
			if (behaviour === false) this.configured.delete(partner);
			else this.configured.set(partner, checkBehaviour({ ...behaviour }, partner));
		}
	}

	/** `{ partner, …behaviour, times? }`: the partner behaves so for its next `times` files. */
	inject(injection: PartnerInjection): void {
		const { partner: raw, times, ...behaviour } = injection;
		const partner = this.known(raw);
		if (times !== undefined && !(Number.isInteger(times) && times > 0)) {
			throw new RangeError('times must be a positive integer');
		}
		this.injections.push({
			partner,
			behaviour: checkBehaviour(behaviour, partner),
			remaining: times ?? Infinity,
		});
	}

	clear(): void {
		this.injections = [];
	}

	/** Late answers not yet delivered are dropped. */
	close(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
	}

	/** A file was delivered to `delivery.to`: answer it if that partner answers. */
	receive(delivery: Delivery): void {
		const partner = partnerKey(delivery.to.qualifier, delivery.to.id);
		if (!this.configured.has(partner) && !this.injections.some((i) => i.partner === partner)) {
			return;
		}
		const entry = {
			partner,
			receivedParcelId: delivery.incoming.parcelId,
			sentParcelId: delivery.outgoing.parcelId,
		};
		try {
			const received = readReceived(delivery.incoming.content);
			if (received.length === 0) return;
			const behaviour = this.behaviourFor(partner);
			if (!behaviour) return;
			const answer = this.decide(behaviour);
			const state = this.stateOf(partner);
			if (answer === 'never') {
				this.record({ ...entry, answer }, 'never answers');
				return;
			}
			if (answer === 'reject') {
				applyRejectRule(received, behaviour.reject ?? REJECT_EVERYTHING, state.groupsSeen);
			}
			const controlNumber = state.lastControlNumber + 1;
			const now = this.world.date();
			const ack = writeAcknowledgment(received, {
				ack: behaviour.ack ?? '997',
				acceptedSets: behaviour.acceptedSets ?? true,
				controlNumber,
				now,
			});
			if (!ack) return;
			state.lastControlNumber = controlNumber;
			const delayMs = answer === 'late' ? (behaviour.delayMs ?? DEFAULT_DELAY_MS) : 0;
			const record: PartnerAnswer = {
				...entry,
				answer,
				acknowledgment: ack.kind,
				controlNumber,
				dueAt: new Date(now.getTime() + delayMs),
			};
			this.answers.push(record);
			if (delayMs === 0) {
				this.deliver(record, ack, delivery);
				return;
			}
			this.note(record, `will answer in ${delayMs} ms with ${ack.kind} ${controlNumber}`);
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				this.deliver(record, ack, delivery);
			}, delayMs);
			this.timers.add(timer);
		} catch (error) {
			this.record(
				{ ...entry, answer: 'never', error: (error as Error)?.message ?? String(error) },
				'could not answer',
			);
		}
	}

	/** The partner uploads its acknowledgment; routing takes it to the sender's InBox. */
	private deliver(record: PartnerAnswer, ack: PartnerAcknowledgment, delivery: Delivery): void {
		const mailbox = this.world.mailboxes.get(delivery.to.mailboxId);
		const fileName = `${ack.kind.toLowerCase()}-${String(record.controlNumber).padStart(9, '0')}.edi`;
		const sent = mailbox
			? uploadParcel(this.world, mailbox, { fileName, content: Buffer.from(ack.text, 'utf8') })
			: undefined;
		record.dueAt = this.world.date();
		if (sent?.linkedParcelId !== undefined) {
			record.ackParcelId = sent.linkedParcelId;
			this.note(record, `sent ${ack.kind} ${record.controlNumber} → parcel ${sent.linkedParcelId}`);
		} else {
			record.error = sent?.statusMessage ?? `Mailbox ${delivery.to.mailboxId} is gone`;
			this.note(record, `could not send ${ack.kind} ${record.controlNumber}: ${record.error}`);
		}
	}

	private record(record: PartnerAnswer, what: string): void {
		this.answers.push(record);
		this.note(record, record.error ? `${what}: ${record.error}` : what);
	}

	private note(record: PartnerAnswer, what: string): void {
		this.log?.(
			`${this.world.date().toISOString()} partner ${record.partner} (${record.answer}) parcel ${record.receivedParcelId}: ${what}`,
		);
	}

	/** The first injection for the partner (counting this file against it), else its own. */
	private behaviourFor(partner: string): PartnerBehaviour | undefined {
		const injection = this.injections.find((candidate) => candidate.partner === partner);
		if (!injection) return this.configured.get(partner);
		injection.remaining--;
		if (injection.remaining <= 0) this.injections = this.injections.filter((i) => i !== injection);
		return injection.behaviour;
	}

	private decide(behaviour: PartnerBehaviour): PartnerAnswerKind {
		const answer = behaviour.answer ?? 'accept';
		if (answer !== 'mix') return answer;
		let draw = this.draws.get(behaviour);
		if (!draw) {
			draw = seededRandom(behaviour.seed ?? this.seed);
			this.draws.set(behaviour, draw);
		}
		const { mix } = behaviour;
		const weights = PARTNER_ANSWERS.map((kind) => (mix ? (mix[kind] ?? 0) : DEFAULT_MIX[kind]));
		let point = draw() * weights.reduce((sum, weight) => sum + weight, 0);
		for (const [index, weight] of weights.entries()) {
			point -= weight;
			if (point < 0) return PARTNER_ANSWERS[index];
		}
		return 'accept';
	}

	private stateOf(partner: string): PartnerState {
		let state = this.states.get(partner);
		if (!state) {
			state = { lastControlNumber: 0, groupsSeen: { count: 0 } };
			this.states.set(partner, state);
		}
		return state;
	}

	/** The key of a trading partner the world knows, or an error naming the unknown one. */
	private known(raw: string): string {
		const partner = checkPartnerKey(raw);
		const exists = [...this.world.tradingPartners.values()].some(
			(tp) => partnerKey(tp.qualifier, tp.id) === partner,
		);
		if (!exists) throw new RangeError(`The simulator knows no trading partner ${partner}`);
		return partner;
	}
}
