/**
 * One run of the trigger's promise under a disruption: 50 parcels from one sender arrive, a
 * published Trigger → Download → ERP workflow takes them, something goes wrong mid-way (a process
 * killed, faults and an outage), and then every parcel must be delivered intact at least once and
 * confirmed, none confirmed before a run delivered it. Prints parcels, runs, duplicates and the
 * time to recover.
 */
import { sample, type Simulator } from '../../../simulator';
import { PARCEL_HANDLERS } from '../../../simulator/operations/parcels';
import type { Checks } from '../checks';
import type { Erp } from './erp';
import { waitFor } from '../wait';

export interface Sender {
	qualifier: string;
	id: string;
	ecGridId: number;
}

export interface PromiseScenario {
	name: string;
	sim: Simulator;
	erp: Erp;
	confirms: ConfirmLog;
	mailboxId: number;
	sender: Sender;
	parcels: number;
	/** The ERP refuses the first delivery of every n-th parcel (its run fails, it is reset). */
	refuseEvery?: number;
	/** Disrupt once this many parcels have been delivered. */
	disruptAfter: number;
	/** The disruption; resolves when the system is back (a killed process started again). */
	disrupt(): Promise<void>;
	timeoutMs: number;
	/** A successful delivery repeated is a duplicate; fail the scenario on any. */
	noDuplicates?: boolean;
	checks: Checks;
	log: (line: string) => void;
}

export interface PromiseFigures {
	parcels: number;
	confirmed: number;
	runs: number;
	duplicates: number;
	disruptedAfterSeconds: number;
	recoverSeconds: number;
	seconds: number;
}

/** When each parcel was confirmed, as the simulator's own handler took it (faults excluded). */
export type ConfirmLog = Map<number, number>;

export function trackConfirms(sim: Simulator): ConfirmLog {
	const confirmed: ConfirmLog = new Map();
	sim.register('ParcelDownloadConfirm', (context) => {
		const took = PARCEL_HANDLERS.ParcelDownloadConfirm(context);
		const parcelId = Number(context.params.ParcelID);
		if (took === true && !confirmed.has(parcelId)) confirmed.set(parcelId, Date.now());
		return took;
	});
	return confirmed;
}

const BASE = sample('x12-850-purchase-order.edi').toString('latin1');

/** A purchase order from `sender`, unique by its control numbers and PO number. */
export function purchaseOrder(sender: Sender, serial: number): Buffer {
	const control = String(serial).padStart(9, '0');
	const text = BASE.replace(
		'*ZZ*GLOBEXRETAIL   *',
		`*${sender.qualifier.padEnd(2)}*${sender.id.padEnd(15)}*`,
	)
		.replaceAll('000000101', control)
		.replace('PO-4711', `PO-${serial}`);
	return Buffer.from(text, 'latin1');
}

export async function runPromiseScenario(scenario: PromiseScenario): Promise<PromiseFigures> {
	const { sim, erp, checks, log, name } = scenario;
	const started = Date.now();
	const contents = new Map<number, Buffer>();
	for (let index = 0; index < scenario.parcels; index++) {
		const content = purchaseOrder(scenario.sender, (started % 1_000_000) + index);
		const fileName = `${name.replace(/\W+/g, '-')}-${index}.edi`;
		const { parcelId } = sim.dropParcel({ mailboxId: scenario.mailboxId, fileName, content });
		contents.set(parcelId, content);
		if (scenario.refuseEvery && index % scenario.refuseEvery === 0) erp.refuseFirst.add(parcelId);
	}
	const ids = [...contents.keys()];
	const ours = (parcelId: number) => contents.has(parcelId);
	const intact = (parcelId: number) =>
		erp.deliveries.find(
			(delivery) =>
				delivery.parcelId === parcelId &&
				delivery.status === 200 &&
				delivery.bytes.equals(contents.get(parcelId)!),
		);
	const delivered = () => ids.filter((id) => intact(id)).length;
	const confirmed = () => ids.filter((id) => sim.parcel(id)?.inInBox === false).length;
	log(`${name}: ${ids.length} parcels dropped into mailbox ${scenario.mailboxId}`);

	const reached = await waitFor(() => delivered() >= scenario.disruptAfter, 120_000);
	checks.check(
		`${name}: ${scenario.disruptAfter} parcels delivered before the disruption`,
		reached,
	);
	const inFlight = erp.deliveries.filter((d) => ours(d.parcelId) && !d.answeredAt).length;
	const disruptedAt = Date.now();
	log(`${name}: ${delivered()} delivered, ${inFlight} deliveries in flight: disrupting`);
	await scenario.disrupt();
	const backAt = Date.now();
	const settled = await waitFor(() => confirmed() === ids.length, scenario.timeoutMs);
	const doneAt = Date.now();

	const notConfirmed = ids.filter((id) => sim.parcel(id)?.inInBox !== false);
	checks.check(
		`${name}: every one of the ${ids.length} parcels confirmed out of the InBox`,
		settled,
		`${notConfirmed.length} not: ${notConfirmed
			.slice(0, 5)
			.map((id) => `${id} ${sim.parcel(id)?.status} ${JSON.stringify(sim.parcel(id)?.counters)}`)
			.join('; ')}`,
	);
	const lost = ids.filter((id) => !intact(id));
	checks.check(
		`${name}: every parcel delivered intact to the ERP at least once`,
		lost.length === 0,
		`${lost.length} never delivered intact: ${lost.slice(0, 5).join(', ')}`,
	);
	const early = ids.filter((id) => {
		const confirmedAt = scenario.confirms.get(id);
		const answeredAt = intact(id)?.answeredAt;
		return confirmedAt !== undefined && (answeredAt === undefined || confirmedAt < answeredAt);
	});
	checks.check(
		`${name}: no parcel confirmed before a run had delivered it`,
		early.length === 0,
		early.slice(0, 5).join(', '),
	);
	const successes = erp.deliveries.filter((d) => ours(d.parcelId) && d.status === 200).length;
	const duplicates = successes - (ids.length - lost.length);
	if (scenario.noDuplicates) {
		checks.check(`${name}: no parcel delivered twice`, duplicates === 0, `${duplicates} twice`);
	}
	const slowest = ids
		.map((id) => ({ id, after: (scenario.confirms.get(id) ?? doneAt) - backAt }))
		.sort((a, b) => b.after - a.after)
		.slice(0, 3)
		.map(
			({ id, after }) =>
				`${id} at ${round(after / 1000)} s ${JSON.stringify(sim.parcel(id)?.counters)}`,
		);
	log(`${name}: last confirmed: ${slowest.join('; ')}`);
	const figures: PromiseFigures = {
		parcels: ids.length,
		confirmed: ids.length - notConfirmed.length,
		runs: ids.reduce((sum, id) => sum + (sim.parcel(id)?.counters.downloads ?? 0), 0),
		duplicates,
		disruptedAfterSeconds: round((disruptedAt - started) / 1000),
		recoverSeconds: round((doneAt - backAt) / 1000),
		seconds: round((doneAt - started) / 1000),
	};
	log(
		`${name}: ${figures.confirmed}/${figures.parcels} confirmed, ${figures.runs} runs (downloads), ${figures.duplicates} delivered twice, disrupted after ${figures.disruptedAfterSeconds} s, all confirmed ${figures.recoverSeconds} s after it was back, ${figures.seconds} s in all`,
	);
	return figures;
}

const round = (value: number) => Math.round(value * 10) / 10;
