import { sample } from '../../simulator';
import { activateTrigger, runWorkflow, type ActiveTrigger } from '../harness';
import type { DataTableStore } from '../harness/data-tables';
import { startHttpSink, type HttpSink } from '../support/http-sink';
import {
	ALERT_PATH,
	ERP_PATH,
	SAMPLE_ORDER,
	ediTables,
	receiveEdiExample,
} from '../support/receive-edi-example';
import {
	WATCH_ALERT_PATH,
	watchAcknowledgmentsExample,
} from '../support/watch-acknowledgments-example';
import { apiKeyCredential, demoUser, useSimulator } from '../support/workflows';

const sim = useSimulator({ demoParcels: false });
/** Owner of mailbox 10, Acme Foods (ZZ ACMEFOODS): the samples' receiver. */
const ACME = demoUser('mbx.admin');
const GLOBEX_MAILBOX = 20;
const INITECH_MAILBOX = 21;

/**
 * The simulator's sample 850 (Globex to Acme Foods, ISA13 000000101) as `sender` sends it with
 * control number `controlNumber`: another interchange of the same order, for files of several
 * interchanges. Initech sends to Acme Supply, the Acme party it has an interconnect with.
 */
function order850(sender: 'GLOBEXRETAIL' | 'INITECHSTORES', controlNumber: number): string {
	const isa13 = String(controlNumber).padStart(9, '0');
	const receiver = sender === 'INITECHSTORES' ? 'ACMESUPPLY' : 'ACMEFOODS';
	return sample('x12-850-purchase-order.edi')
		.toString('latin1')
		.replace('GLOBEXRETAIL   ', sender.padEnd(15))
		.replace('*GLOBEXRETAIL*', `*${sender}*`)
		.replace('ACMEFOODS      ', receiver.padEnd(15))
		.replace('*ACMEFOODS*', `*${receiver}*`)
		.replace(/000000101/g, isa13);
}

/** A 997 interchange from Globex to Acme, one 997 set per answered group (AK1…AK9 in `answers`). */
function acknowledgmentFromGlobex(controlNumber: number, answers: string[]): Buffer {
	const isa13 = String(controlNumber).padStart(9, '0');
	const sets = answers.flatMap((answer, index) => {
		const st02 = String(index + 1).padStart(4, '0');
		const body = answer.split('~');
		return [`ST*997*${st02}`, ...body, `SE*${body.length + 2}*${st02}`];
	});
	return Buffer.from(
		[
			`ISA*00*          *00*          *ZZ*GLOBEXRETAIL   *ZZ*ACMEFOODS      *261207*0600*U*00401*${isa13}*0*P*>`,
			`GS*FA*GLOBEXRETAIL*ACMEFOODS*20261207*0600*${controlNumber}*X*004010`,
			...sets,
			`GE*${answers.length}*${controlNumber}`,
			`IEA*1*${isa13}`,
			'',
		].join('~'),
		'latin1',
	);
}

/** A row of the "EDI sent" table as Send EDI inserts it, waiting for its acknowledgment. */
function sentGroup(functionalId: string, groupControlNumber: string, setCode: string) {
	return {
		partner: 'ZZ:GLOBEXRETAIL',
		standard: 'X12',
		interchangeControlNumber: '000000042',
		functionalId,
		groupControlNumber,
		setCodes: setCode,
		setControlNumbers: '0001',
		parcelId: 9001,
		sentAt: '2026-12-07T05:00:00.000Z',
		dueBy: '2026-12-07T09:00:00.000Z',
		status: 'sent',
	};
}

describe('examples/receive-edi.workflow.json closes the loop', () => {
	let sink: HttpSink;
	let tables: DataTableStore;
	let trigger: ActiveTrigger | undefined;
	beforeEach(async () => {
		sink = await startHttpSink();
		tables = ediTables();
	});
	afterEach(async () => {
		await trigger?.deactivate();
		await trigger?.runsSettled();
		trigger = undefined;
		await sink.close();
	});

	const publish = async () => {
		trigger = await activateTrigger(receiveEdiExample(sink.url), {
			dataTables: tables,
			credentials: [
				{
					...apiKeyCredential(sim(), sim().world.apiKeyOf(ACME.userId)!),
					id: 'ecgridosDemoKey',
				},
			],
		});
		return trigger;
	};
	const confirmed = (parcelId: number) => sim().parcel(parcelId)!.counters.confirms === 1;

	/** Drops one acknowledgment from Globex, publishes Receive EDI and waits for its one run. */
	const receive = async (fileName: string, content: Buffer) => {
		const parcel = sim().dropParcel({ fileName, content });
		await (
			await publish()
		).waitFor(() => confirmed(parcel.parcelId), 10_000, `${fileName} confirmed`);
		await trigger!.runsSettled();
		expect((await trigger!.executions[0].result).error).toBeUndefined();
		return parcel;
	};

	it("marks the sent groups a partner's 997 answers, accepted or rejected with the reasons, and acknowledges nothing", async () => {
		const sent = tables.byName('EDI sent');
		sent.insert(sentGroup('IN', '1001', '810'));
		sent.insert(sentGroup('SH', '1002', '856'));
		sent.insert(sentGroup('IN', '1003', '810'));
		// Another partner's group with the same numbers must stay as it is.
		sent.insert({ ...sentGroup('IN', '1001', '810'), partner: 'ZZ:INITECH' });
		const ack = await receive(
			'997-7.x12',
			acknowledgmentFromGlobex(7, [
				'AK1*IN*1001~AK9*A*1*1*1',
				'AK1*SH*1002~AK2*856*0001~AK3*BSN*2**3~AK5*R*5~AK9*R*1*1*0',
			]),
		);
		const rows = sent.rows();
		expect(
			rows.map(({ partner, groupControlNumber, status }) => [partner, groupControlNumber, status]),
		).toEqual([
			['ZZ:GLOBEXRETAIL', '1001', 'accepted'],
			['ZZ:GLOBEXRETAIL', '1002', 'rejected'],
			['ZZ:GLOBEXRETAIL', '1003', 'sent'],
			['ZZ:INITECH', '1001', 'sent'],
		]);
		expect(rows[1].errors).toBe(
			'One or more segments are in error; A mandatory segment is missing: BSN at position 2',
		);
		expect(rows[0].acknowledgedAt).toEqual(expect.any(String));
		expect(rows[2].acknowledgedAt).toBeNull();
		// An acknowledgment is never acknowledged, nor sent to the ERP.
		expect(sim().inBox(GLOBEX_MAILBOX)).toEqual([]);
		expect(sink.bodiesAt(ERP_PATH)).toEqual([]);
		expect(tables.byName('EDI received').rows()).toEqual([
			expect.objectContaining({
				sender: 'ZZ:GLOBEXRETAIL',
				interchangeControlNumber: '000000007',
				parcelId: ack.parcelId,
			}),
		]);
	});

	it('matches a 997 that writes our group control number with leading zeros (AK102 000001001 for GS06 1001)', async () => {
		const sent = tables.byName('EDI sent');
		sent.insert(sentGroup('IN', '1001', '810'));
		await receive('997-9.x12', acknowledgmentFromGlobex(9, ['AK1*IN*000001001~AK9*A*1*1*1']));
		expect(sent.rows()[0]).toMatchObject({ groupControlNumber: '1001', status: 'accepted' });
	});

	it('lets Watch Acknowledgments alert on a group rejected after it was alerted as overdue', async () => {
		const sent = tables.byName('EDI sent');
		// Alerted as overdue an hour ago; the partner's 997 rejecting it comes late.
		sent.insert({ ...sentGroup('SH', '1002', '856'), alertedAt: '2026-12-07T09:15:00.000Z' });
		await receive(
			'997-8.x12',
			acknowledgmentFromGlobex(8, ['AK1*SH*1002~AK2*856*0001~AK3*BSN*2**3~AK5*R*5~AK9*R*1*1*0']),
		);
		expect(sent.rows()[0]).toMatchObject({ status: 'rejected', alertedAt: null });

		const watch = await runWorkflow(watchAcknowledgmentsExample(sink.url), { dataTables: tables });
		expect(watch.error).toBeUndefined();
		expect(
			(sink.bodiesAt(WATCH_ALERT_PATH) as Array<Record<string, unknown>>).map(
				({ kind, groupControlNumber }) => [kind, groupControlNumber],
			),
		).toEqual([['rejected', '1002']]);
	});

	it("marks the sent EDIFACT interchange a partner's CONTRL answers (UCI1 = our UNB05)", async () => {
		const sent = tables.byName('EDI sent');
		sent.insert({
			...sentGroup('INVOIC', '', 'INVOIC'),
			standard: 'EDIFACT',
			interchangeControlNumber: 'ACME0001',
		});
		sent.insert({
			...sentGroup('INVOIC', '', 'INVOIC'),
			standard: 'EDIFACT',
			interchangeControlNumber: 'ACME0002',
		});
		await receive(
			'contrl.edi',
			Buffer.from(
				"UNB+UNOC:3+GLOBEXRETAIL:ZZ+ACMEFOODS:ZZ+261207:0600+GX0009'UNH+1+CONTRL:D:3:UN'" +
					"UCI+ACME0001+ACMEFOODS:ZZ+GLOBEXRETAIL:ZZ+4+12'UNT+3+1'UNZ+1+GX0009'",
				'latin1',
			),
		);
		const [answered, other] = sent.rows();
		expect(answered).toMatchObject({ interchangeControlNumber: 'ACME0001', status: 'rejected' });
		expect(answered.errors).toEqual(expect.any(String));
		expect(other).toMatchObject({ interchangeControlNumber: 'ACME0002', status: 'sent' });
		expect(sim().inBox(GLOBEX_MAILBOX)).toEqual([]);
	});

	it('marks a sent EDIFACT interchange partially accepted when its CONTRL accepts it (7) but rejects a message in it', async () => {
		const sent = tables.byName('EDI sent');
		sent.insert({
			...sentGroup('', '', 'INVOIC'),
			standard: 'EDIFACT',
			interchangeControlNumber: 'ACME0003',
			setControlNumbers: '1, 2',
		});
		// As other translators write it: every message listed, the rejected one before the last.
		await receive(
			'contrl.edi',
			Buffer.from(
				"UNB+UNOC:3+GLOBEXRETAIL:ZZ+ACMEFOODS:ZZ+261207:0600+GX0010'UNH+1+CONTRL:D:3:UN'" +
					"UCI+ACME0003+ACMEFOODS:ZZ+GLOBEXRETAIL:ZZ+7'UCM+1+INVOIC:D:96A:UN+4+12'" +
					"UCM+2+INVOIC:D:96A:UN+7'UNT+5+1'UNZ+1+GX0010'",
				'latin1',
			),
		);
		expect(sent.rows()[0]).toMatchObject({
			interchangeControlNumber: 'ACME0003',
			status: 'partiallyAccepted',
		});
	});

	it('marks every group of a sent interchange rejected by a TA1, takes a TA1 accepting one as news for no row, and alerts neither as invalid EDI', async () => {
		const sent = tables.byName('EDI sent');
		sent.insert(sentGroup('IN', '1001', '810'));
		sent.insert(sentGroup('SH', '1002', '856'));
		sent.insert({ ...sentGroup('IN', '1003', '810'), interchangeControlNumber: '000000043' });
		// The same partner's EDIFACT interchange: no functional ID, no group number.
		sent.insert({
			...sentGroup('', '', 'INVOIC'),
			standard: 'EDIFACT',
			interchangeControlNumber: '000000043',
		});
		const ta1 = (controlNumber: number, answers: string[]) =>
			Buffer.from(
				[
					`ISA*00*          *00*          *ZZ*GLOBEXRETAIL   *ZZ*ACMEFOODS      *261207*0600*U*00401*${String(controlNumber).padStart(9, '0')}*0*P*>`,
					...answers,
					`IEA*0*${String(controlNumber).padStart(9, '0')}`,
					'',
				].join('~'),
				'latin1',
			);
		const rejected = sim().dropParcel({
			fileName: 'ta1-11.x12',
			content: ta1(11, ['TA1*000000042*261207*0500*R*006']),
		});
		const accepted = sim().dropParcel({
			fileName: 'ta1-12.x12',
			content: ta1(12, ['TA1*000000043*261207*0500*A*000']),
		});
		await (
			await publish()
		).waitFor(
			() => confirmed(rejected.parcelId) && confirmed(accepted.parcelId),
			10_000,
			'the TA1s confirmed',
		);
		await trigger!.runsSettled();

		for (const execution of trigger!.executions)
			expect((await execution.result).error).toBeUndefined();
		expect(
			sent
				.rows()
				.map(({ interchangeControlNumber, groupControlNumber, status, errors }) => [
					interchangeControlNumber,
					groupControlNumber,
					status,
					errors,
				]),
		).toEqual([
			['000000042', '1001', 'rejected', 'The sender ID is not valid'],
			['000000042', '1002', 'rejected', 'The sender ID is not valid'],
			['000000043', '1003', 'sent', null],
			// Inserted with '' (an EDIFACT interchange without groups), kept as n8n keeps it.
			['000000043', '', 'sent', null],
		]);
		expect(sink.bodiesAt(ALERT_PATH)).toEqual([]);
		expect(sink.bodiesAt(ERP_PATH)).toEqual([]);
		expect(sim().inBox(GLOBEX_MAILBOX)).toEqual([]);
		expect(tables.byName('EDI received').rows()).toHaveLength(2);
	});

	it('holds back an interchange received twice: one order to the ERP, one 997, a duplicate alert, both parcels confirmed', async () => {
		const first = sim().dropParcel({
			fileName: 'po-4711.edi',
			content: sample('x12-850-purchase-order.edi'),
		});
		await (await publish()).waitFor(() => confirmed(first.parcelId), 10_000, 'first confirmed');
		const again = sim().dropParcel({
			fileName: 'po-4711-again.edi',
			content: sample('x12-850-purchase-order.edi'),
		});
		await trigger!.waitFor(() => confirmed(again.parcelId), 10_000, 'second confirmed');
		// Another interchange from the same sender is no duplicate: both keys must match.
		const other = sim().dropParcel({
			fileName: 'po-broken.edi',
			content: sample('x12-850-missing-beg.edi'),
		});
		await trigger!.waitFor(() => confirmed(other.parcelId), 10_000, 'third confirmed');
		await trigger!.runsSettled();

		for (const execution of trigger!.executions)
			expect((await execution.result).error).toBeUndefined();
		expect(sink.bodiesAt(ERP_PATH)).toEqual([SAMPLE_ORDER]);
		expect(sink.bodiesAt(ALERT_PATH)).toEqual([
			{
				text: `Duplicate interchange 000000101 from GLOBEXRETAIL in parcel ${again.parcelId}: held back, it was received before`,
				parcelId: again.parcelId,
				fileName: 'po-4711-again.edi',
				errors: [],
			},
			expect.objectContaining({
				text: `Invalid EDI from GLOBEXRETAIL in parcel ${other.parcelId}: 850 0001 is rejected`,
			}),
		]);
		// One 997 for the order, one for the other interchange; none for the duplicate.
		expect(sim().inBox(GLOBEX_MAILBOX)).toHaveLength(2);
		expect(tables.byName('EDI received').rows()).toEqual([
			expect.objectContaining({
				sender: 'ZZ:GLOBEXRETAIL',
				interchangeControlNumber: '000000101',
				parcelId: first.parcelId,
				receivedAt: expect.any(String),
			}),
			expect.objectContaining({ parcelId: other.parcelId }),
		]);
	});

	it('holds back a file any of whose interchanges was received before, not only its first: one alert naming it, no order, no 997, nothing recorded', async () => {
		const first = sim().dropParcel({
			fileName: 'po-4711.edi',
			content: sample('x12-850-purchase-order.edi'),
		});
		await (await publish()).waitFor(() => confirmed(first.parcelId), 10_000, 'first confirmed');
		// Initech's new interchange first, Globex's again after it.
		const mixed = sim().dropParcel({
			fileName: 'mixed.edi',
			content: Buffer.from(
				order850('INITECHSTORES', 555) + order850('GLOBEXRETAIL', 101),
				'latin1',
			),
		});
		await trigger!.waitFor(() => confirmed(mixed.parcelId), 10_000, 'the mixed file confirmed');
		await trigger!.runsSettled();

		for (const execution of trigger!.executions)
			expect((await execution.result).error).toBeUndefined();
		expect(sink.bodiesAt(ERP_PATH)).toEqual([SAMPLE_ORDER]);
		expect(sink.bodiesAt(ALERT_PATH)).toEqual([
			{
				text: `Duplicate interchange 000000101 from GLOBEXRETAIL in parcel ${mixed.parcelId}: held back with the file's other 1 interchange(s), it was received before`,
				parcelId: mixed.parcelId,
				fileName: 'mixed.edi',
				errors: [],
			},
		]);
		expect(sim().inBox(GLOBEX_MAILBOX)).toHaveLength(1);
		expect(sim().inBox(INITECH_MAILBOX)).toEqual([]);
		// Initech's interchange was not taken: sent again alone, it is new.
		expect(
			tables
				.byName('EDI received')
				.rows()
				.map(({ sender, interchangeControlNumber }) => [sender, interchangeControlNumber]),
		).toEqual([['ZZ:GLOBEXRETAIL', '000000101']]);
	});

	it('records every interchange of a file, from each sender, so that any of them sent again is held back', async () => {
		const both = sim().dropParcel({
			fileName: 'two-senders.edi',
			content: Buffer.from(
				order850('GLOBEXRETAIL', 101) + order850('INITECHSTORES', 555),
				'latin1',
			),
		});
		await (await publish()).waitFor(() => confirmed(both.parcelId), 10_000, 'both confirmed');
		const again = sim().dropParcel({
			fileName: 'initech-again.edi',
			content: Buffer.from(order850('INITECHSTORES', 555), 'latin1'),
		});
		await trigger!.waitFor(() => confirmed(again.parcelId), 10_000, 'again confirmed');
		await trigger!.runsSettled();

		for (const execution of trigger!.executions)
			expect((await execution.result).error).toBeUndefined();
		expect(sink.bodiesAt(ERP_PATH)).toEqual([
			SAMPLE_ORDER,
			{ ...SAMPLE_ORDER, sender: 'INITECHSTORES' },
		]);
		expect(sink.bodiesAt(ALERT_PATH)).toEqual([
			expect.objectContaining({
				text: `Duplicate interchange 000000555 from INITECHSTORES in parcel ${again.parcelId}: held back, it was received before`,
			}),
		]);
		// Each sender gets the 997 of its own interchange; none for the duplicate.
		expect(sim().inBox(GLOBEX_MAILBOX)).toHaveLength(1);
		expect(sim().inBox(INITECH_MAILBOX)).toHaveLength(1);
		expect(
			tables
				.byName('EDI received')
				.rows()
				.map(({ sender, interchangeControlNumber, parcelId }) => [
					sender,
					interchangeControlNumber,
					parcelId,
				]),
		).toEqual([
			['ZZ:GLOBEXRETAIL', '000000101', both.parcelId],
			['ZZ:INITECHSTORES', '000000555', both.parcelId],
		]);
	});

	it('takes both parts of an interchange that carries a 997 and an order: the sent group marked, the order to the ERP, a 997 for the order only', async () => {
		const sent = tables.byName('EDI sent');
		sent.insert(sentGroup('IN', '1001', '810'));
		const order = sample('x12-850-purchase-order.edi')
			.toString('latin1')
			.split('~')
			.map((segment) => segment.trim())
			.filter(
				(segment) => segment.startsWith('GS') || /^(ST|BEG|N1|PO1|CTT|SE|GE)\*/.test(segment),
			);
		const withOrder = acknowledgmentFromGlobex(12, ['AK1*IN*1001~AK9*A*1*1*1'])
			.toString('latin1')
			.replace(/IEA\*1\*/, `${order.join('~')}~IEA*2*`);
		await receive('997-and-850.x12', Buffer.from(withOrder, 'latin1'));

		expect(sent.rows()[0]).toMatchObject({ groupControlNumber: '1001', status: 'accepted' });
		expect(sink.bodiesAt(ERP_PATH)).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ transactionSet: '850', poNumber: 'PO-4711' }),
			]),
		);
		const answers = sim().inBox(GLOBEX_MAILBOX);
		expect(answers).toHaveLength(1);
		const answer = sim().world.parcels.get(answers[0].parcelId)!.content.toString('latin1');
		expect(answer).toContain('AK1*PO*101~');
		expect(answer).not.toContain('AK1*FA');
	});

	it('records nothing while the ERP is down, so the retried parcel is not taken for a duplicate', async () => {
		sink.failAt(ERP_PATH, 503);
		const order = sim().dropParcel({
			fileName: 'po-4711.edi',
			content: sample('x12-850-purchase-order.edi'),
		});
		await (
			await publish()
		).waitFor(
			() => sim().parcel(order.parcelId)!.counters.resets >= 1,
			10_000,
			'the parcel reset after the failed run',
		);
		await trigger!.deactivate();
		await trigger!.runsSettled();
		expect(tables.byName('EDI received').rows()).toEqual([]);
		expect(sink.bodiesAt(ALERT_PATH)).toEqual([]);
	});
});
