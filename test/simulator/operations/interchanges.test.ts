import { sample, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { call, plain, refusal } from './call';

let sim: Simulator;
beforeEach(async () => {
	sim = await startSimulator({ port: 0, demoParcels: false });
});
afterEach(() => sim.close());

type Rec = Record<string, unknown>;

test('dropped X12 and EDIFACT files yield interchanges, paged 1-based in the InBox archive', async () => {
	const files = ['x12-850-purchase-order.edi', 'edifact-orders.edi', 'x12-850-purchase-order.edi'];
	for (const file of files) sim.dropParcel({ fileName: file, content: sample(file) });
	sim.dropParcel({ fileName: 'note.txt', content: Buffer.from('no envelope') });
	const page = async (PageNo: number) =>
		plain(
			await call(sim, 'InterchangeInBoxArchive', { PageNo, RecordsPerPage: 2 }, { as: 'mbx.user' }),
		) as Rec;
	expect(await page(1)).toMatchObject({
		PageSize: '2',
		PageNumber: '1',
		Count: '2',
		TotalRecords: '3',
		TotalPages: '2',
	});
	const second = await page(2);
	const last = (second.InterchangeIDInfoList as Rec).InterchangeIDInfo as Rec;
	expect(last).toMatchObject({
		InterchangeControlID: '000000101',
		DocumentType: '850',
		Standard: 'X12',
		MailboxIDTo: '10',
	});
	expect((last.TPFrom as Rec).ID).toBe('GLOBEXRETAIL');
});

test('InterchangeHeaderInfo and InterchangeDate read an ISA or UNB header', async () => {
	const isa = sample('x12-810-invoice.edi').subarray(0, 106).toString();
	const info = plain(await call(sim, 'InterchangeHeaderInfo', { InterchangeHeader: isa })) as Rec;
	expect(info).toMatchObject({
		InterchangeControlID: '000000202',
		Standard: 'X12',
		MailboxIDFrom: '10',
		MailboxIDTo: '20',
	});
	expect((await call(sim, 'InterchangeDate', { InterchangeHeader: isa })).text).toBe(
		'2026-01-02T03:04:00Z',
	);
	const unb = "UNB+UNOC:3+ACMEFOODS:ZZ+GLOBEXRETAIL:ZZ+260106:0900+AC000401'";
	expect((await call(sim, 'InterchangeDate', { InterchangeHeader: unb })).text).toBe(
		'2026-01-06T09:00:00Z',
	);
	expect(
		(await refusal(sim, 'InterchangeHeaderInfo', { InterchangeHeader: 'hello' })).ErrorCode,
	).toBe('7');
});
