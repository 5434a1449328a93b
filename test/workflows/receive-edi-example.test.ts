import { readAcknowledgments } from '../../nodes/shared/edi';
import { sample } from '../../simulator';
import { activateTrigger, type ActiveTrigger } from '../harness';
import { startHttpSink, type HttpSink } from '../support/http-sink';
import {
	ALERT_PATH,
	ERP_PATH,
	SAMPLE_ORDER,
	ediTables,
	receiveEdiExample,
} from '../support/receive-edi-example';
import { apiKeyCredential, demoUser, useSimulator } from '../support/workflows';

const sim = useSimulator({ demoParcels: false });
/** Owner of mailbox 10, Acme Foods (ZZ ACMEFOODS): the samples' receiver. */
const ACME = demoUser('mbx.admin');
const GLOBEX_MAILBOX = 20;

describe('examples/receive-edi.workflow.json, published', () => {
	let sink: HttpSink;
	let trigger: ActiveTrigger | undefined;
	/** The example published with Acme's key, as a user imports it. */
	const publish = () =>
		activateTrigger(receiveEdiExample(sink.url), {
			dataTables: ediTables(),
			credentials: [
				{
					...apiKeyCredential(sim(), sim().world.apiKeyOf(ACME.userId)!),
					id: 'ecgridosDemoKey',
				},
			],
		});
	beforeEach(async () => {
		sink = await startHttpSink();
	});
	afterEach(async () => {
		await trigger?.deactivate();
		await trigger?.runsSettled();
		trigger = undefined;
		await sink.close();
	});

	it('posts the order to the ERP, alerts on the broken set and the file that is not EDI, sends each 997 to Globex and confirms all three', async () => {
		const good = sim().dropParcel({
			fileName: 'po-4711.edi',
			content: sample('x12-850-purchase-order.edi'),
		});
		const broken = sim().dropParcel({
			fileName: 'po-broken.edi',
			content: sample('x12-850-missing-beg.edi'),
		});
		const notEdi = sim().dropParcel({
			fileName: 'notes.txt',
			content: Buffer.from('Call Globex about PO-4711.\n'),
		});
		trigger = await publish();
		const confirmed = (parcelId: number) => sim().parcel(parcelId)!.counters.confirms === 1;
		await trigger.waitFor(
			() => [good, broken, notEdi].every((parcel) => confirmed(parcel.parcelId)),
			10_000,
			'both parcels confirmed',
		);
		await trigger.runsSettled();

		for (const execution of trigger.executions)
			expect((await execution.result).error).toBeUndefined();
		expect(sink.bodiesAt(ERP_PATH)).toEqual([SAMPLE_ORDER]);
		// The runs go at once: the alerts in parcel order.
		const alerts = (sink.bodiesAt(ALERT_PATH) as Array<{ parcelId: number }>).sort(
			(a, b) => a.parcelId - b.parcelId,
		);
		expect(alerts).toEqual([
			{
				text: `Invalid EDI from GLOBEXRETAIL in parcel ${broken.parcelId}: 850 0001 is rejected`,
				parcelId: broken.parcelId,
				fileName: 'po-broken.edi',
				errors: [
					'Mandatory segment BEG is missing before position 2',
					'1 segment(s) of set 850 0001 are in error',
				],
			},
			{
				text: `Parcel ${notEdi.parcelId}: The input of item 0 is not EDI: The content is neither X12 (which starts with ISA) nor EDIFACT (which starts with UNA or UNB); it starts with "Call Globex "`,
				parcelId: notEdi.parcelId,
				fileName: 'notes.txt',
				errors: [],
			},
		]);

		const acknowledgments = sim()
			.inBox(GLOBEX_MAILBOX)
			.map((parcel) => sim().parcelContent(parcel.parcelId)!.toString('latin1'));
		expect(acknowledgments).toHaveLength(2);
		for (const acknowledgment of acknowledgments) {
			expect(acknowledgment).toMatch(
				/^ISA\*00\*.{10}\*00\*.{10}\*ZZ\*ACMEFOODS {6}\*ZZ\*GLOBEXRETAIL {3}\*/,
			);
		}
		expect(acknowledgments.find((ack) => ack.includes('AK1*PO*101'))).toContain('~AK9*A*1*1*1~');
		expect(acknowledgments.find((ack) => ack.includes('AK1*PO*102'))).toContain(
			'~AK2*850*0001~AK3*BEG*2**3~AK5*R*5~AK9*R*1*1*0~',
		);

		expect(sim().inBox()).toEqual([]);
		for (const parcel of [good, broken, notEdi]) {
			expect(sim().parcel(parcel.parcelId)!.counters).toMatchObject({
				downloads: 1,
				confirms: 1,
				resets: 0,
			});
		}
	});

	it('reads EDIFACT orders too: the good one to the ERP, the one without BGM to the alert, a CONTRL for each back to Globex', async () => {
		const good = sim().dropParcel({
			fileName: 'orders.edi',
			content: sample('edifact-orders.edi'),
		});
		const broken = sim().dropParcel({
			fileName: 'orders-broken.edi',
			content: sample('edifact-orders-missing-bgm.edi'),
		});
		trigger = await publish();
		await trigger.waitFor(
			() =>
				[good, broken].every((parcel) => sim().parcel(parcel.parcelId)!.counters.confirms === 1),
			10_000,
			'both parcels confirmed',
		);
		await trigger.runsSettled();

		for (const execution of trigger.executions)
			expect((await execution.result).error).toBeUndefined();
		// The example maps an 850's BEG and PO1 loops: an ORDERS reaches the ERP by its type and sender.
		expect(sink.bodiesAt(ERP_PATH)).toEqual([
			{
				transactionSet: 'ORDERS',
				sender: 'GLOBEXRETAIL',
				poNumber: null,
				orderDate: null,
				lines: [],
			},
		]);
		expect(sink.bodiesAt(ALERT_PATH)).toEqual([
			{
				text: `Invalid EDI from GLOBEXRETAIL in parcel ${broken.parcelId}: ORDERS 1 is rejected`,
				parcelId: broken.parcelId,
				fileName: 'orders-broken.edi',
				errors: ['Mandatory segment BGM is missing before position 2'],
			},
		]);

		const contrls = sim()
			.inBox(GLOBEX_MAILBOX)
			.map((parcel) => sim().parcelContent(parcel.parcelId)!.toString('latin1'));
		expect(contrls).toHaveLength(2);
		for (const contrl of contrls) {
			expect(contrl).toMatch(
				/^UNB\+UNOC:3\+ACMEFOODS:ZZ\+GLOBEXRETAIL:ZZ\+\d{6}:\d{4}\+\d+'UNH\+1\+CONTRL:D:3:UN'/,
			);
		}
		// Read back as Globex would: which interchange each answers, and the verdict.
		const answers = contrls
			.flatMap((contrl) => readAcknowledgments(contrl))
			.map((item) => {
				const acknowledged = item.acknowledged as {
					interchange: { controlReference: string };
					transactionSet?: { code: string };
				};
				return [
					acknowledged.interchange.controlReference,
					acknowledged.transactionSet?.code,
					item.status,
					(item.errors as Array<{ code: string; position?: number }>).map(
						(error) => `${error.code} at ${error.position}`,
					),
				];
			})
			.sort();
		expect(answers).toEqual([
			// Accepted messages are not listed by default: the interchange is answered as a whole.
			['GX000301', undefined, 'accepted', []],
			['GX000302', 'ORDERS', 'rejected', ['13 at 2']],
		]);
		expect(sim().inBox()).toEqual([]);
	});

	it('leaves the parcel in the InBox, unacknowledged, while the ERP is down', async () => {
		sink.failAt(ERP_PATH, 503);
		const order = sim().dropParcel({
			fileName: 'po-4711.edi',
			content: sample('x12-850-purchase-order.edi'),
		});
		trigger = await publish();
		await trigger.waitFor(
			() => sim().parcel(order.parcelId)!.counters.resets >= 1,
			10_000,
			'the parcel reset after the failed run',
		);
		await trigger.deactivate();
		await trigger.runsSettled();

		expect((await trigger.executions[0].result).error).toBeDefined();
		expect(sink.bodiesAt(ERP_PATH)).toContainEqual(SAMPLE_ORDER);
		expect(sim().parcel(order.parcelId)!.counters.confirms).toBe(0);
		expect(
			sim()
				.inBox()
				.map((parcel) => parcel.parcelId),
		).toEqual([order.parcelId]);
		// The ERP branch runs first (execution order v1): a failed order sends no 997.
		expect(sim().inBox(GLOBEX_MAILBOX)).toEqual([]);
	});
});
