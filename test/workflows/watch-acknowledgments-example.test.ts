import { runWorkflow } from '../harness';
import { startHttpSink, type HttpSink } from '../support/http-sink';
import { ediTables } from '../support/receive-edi-example';
import {
	WATCH_ALERT_PATH,
	watchAcknowledgmentsExample,
} from '../support/watch-acknowledgments-example';

const HOUR = 3_600_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/** A row of "EDI sent" as Send EDI inserts it and Receive EDI marks it. */
function sentGroup(groupControlNumber: string, status: string, dueInMs: number, extra = {}) {
	return {
		partner: 'ZZ:GLOBEXRETAIL',
		standard: 'X12',
		interchangeControlNumber: '000000042',
		functionalId: 'IN',
		groupControlNumber,
		setCodes: '810',
		setControlNumbers: '0001',
		parcelId: 9001,
		sentAt: at(dueInMs - 4 * HOUR),
		dueBy: at(dueInMs),
		status,
		...extra,
	};
}

describe('examples/watch-acknowledgments.workflow.json', () => {
	let sink: HttpSink;
	beforeEach(async () => {
		sink = await startHttpSink();
	});
	afterEach(async () => await sink.close());

	it('alerts once on each overdue and each rejected group (not a received one), marks them alerted, and forgets old received interchanges', async () => {
		const tables = ediTables();
		const sent = tables.byName('EDI sent');
		sent.insert(sentGroup('1', 'accepted', -HOUR, { acknowledgedAt: at(-2 * HOUR) }));
		sent.insert(sentGroup('2', 'sent', -HOUR));
		sent.insert(sentGroup('3', 'sent', HOUR));
		sent.insert(sentGroup('4', 'rejected', HOUR, { errors: 'One or more segments are in error' }));
		sent.insert(sentGroup('5', 'partiallyAccepted', HOUR));
		sent.insert(sentGroup('6', 'acceptedWithErrors', -HOUR));
		sent.insert(sentGroup('7', 'rejected', -HOUR, { alertedAt: at(-HOUR) }));
		// A CONTRL that only confirms receipt (action 8): neither rejected nor overdue.
		sent.insert(sentGroup('8', 'received', -HOUR));
		const received = tables.byName('EDI received');
		received.insert({
			sender: 'ZZ:GLOBEXRETAIL',
			interchangeControlNumber: '000000100',
			receivedAt: at(-31 * 24 * HOUR),
			parcelId: 1,
		});
		received.insert({
			sender: 'ZZ:GLOBEXRETAIL',
			interchangeControlNumber: '000000101',
			receivedAt: at(-29 * 24 * HOUR),
			parcelId: 2,
		});
		const workflow = watchAcknowledgmentsExample(sink.url);

		const first = await runWorkflow(workflow, { dataTables: tables });
		expect(first.error).toBeUndefined();
		const alerts = sink.bodiesAt(WATCH_ALERT_PATH) as Array<Record<string, unknown>>;
		expect(alerts.map(({ kind, groupControlNumber }) => [kind, groupControlNumber])).toEqual([
			['overdue', '2'],
			['rejected', '4'],
			['rejected', '5'],
		]);
		expect(alerts[0].text).toBe(
			`No acknowledgment from ZZ:GLOBEXRETAIL for IN group 2 (810, interchange 000000042, parcel 9001): it was due by ${sent.rows()[1].dueBy}`,
		);
		expect(alerts[1].text).toBe(
			'ZZ:GLOBEXRETAIL rejected IN group 4 (810, interchange 000000042, parcel 9001): One or more segments are in error',
		);
		expect(alerts[2].text).toBe(
			'ZZ:GLOBEXRETAIL partially accepted IN group 5 (810, interchange 000000042, parcel 9001)',
		);
		const alerted = sent
			.rows()
			.filter((row) => row.alertedAt !== null)
			.map((row) => row.groupControlNumber);
		expect(alerted).toEqual(['2', '4', '5', '7']);
		expect(received.rows().map((row) => row.interchangeControlNumber)).toEqual(['000000101']);

		const second = await runWorkflow(workflow, { dataTables: tables });
		expect(second.error).toBeUndefined();
		expect(sink.bodiesAt(WATCH_ALERT_PATH)).toHaveLength(3);
	});

	it('fails the run, alerting nothing, when the alert webhook is down, so the next tick tries again', async () => {
		sink.failAt(WATCH_ALERT_PATH, 503);
		const tables = ediTables();
		tables.byName('EDI sent').insert(sentGroup('2', 'sent', -HOUR));
		const run = await runWorkflow(watchAcknowledgmentsExample(sink.url), { dataTables: tables });
		expect(run.error).toBeDefined();
		expect(tables.byName('EDI sent').rows()[0].alertedAt).toBeNull();
	});
});
