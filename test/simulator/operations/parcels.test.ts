import { sample, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { BINDINGS, callOperation, readResult } from '../client';
import { call, fill, items, keyOf, plain } from './call';

let sim: Simulator;
beforeEach(async () => {
	sim = await startSimulator({ port: 0 });
});
afterEach(() => sim.close());

type Rec = Record<string, unknown>;
const USER = { as: 'mbx.user' };

async function inBoxIds(
	as = 'mbx.user',
	operation = 'ParcelInBox',
	params = {},
): Promise<string[]> {
	const result = plain(await call(sim, operation, params, { as })) as Rec;
	const list = items(
		(await call(sim, operation, params, { as })).children.find(
			(c) => c.local === 'ParcelIDInfoList',
		),
	);
	expect(result.Count).toBe(String(list.length));
	return list.map((p) => String(p.ParcelID));
}

test('the demo InBox holds the 850 and the ORDERS from Globex, ready', async () => {
	const list = items((await call(sim, 'ParcelInBox', {}, USER)).children[5]);
	expect(list.map((p) => [p.FileName, p.MailboxNameFrom, p.Direction])).toEqual([
		['x12-850-purchase-order.edi', 'Globex Retail', 'InBox'],
		['edifact-orders.edi', 'Globex Retail', 'InBox'],
	]);
	expect(sim.inBox(10).map((p) => p.status)).toEqual(['InBoxReady', 'InBoxReady']);
});

test.each(BINDINGS)(
	'ParcelDownload on %s gives the exact bytes, name, size and standard',
	async (binding) => {
		const content = Buffer.from([0x49, 0x53, 0x41, 0xff, 0xfe, 0x00, 0x80, 0x0a]);
		const { parcelId } = sim.dropParcel({ fileName: 'odd-bytes.bin', content });
		for (const [operation, field] of [
			['ParcelDownloadNoUpdate', 'Content'],
			['ParcelDownloadNoUpdateA', 'ContentBase64String'],
		]) {
			const reply = await callOperation(binding, sim.url, operation, {
				SessionID: keyOf('mbx.user'),
				ParcelID: parcelId,
			});
			const file = plain(await readResult(binding, reply, operation)) as Rec;
			expect(file).toMatchObject({
				ParcelID: String(parcelId),
				FileName: 'odd-bytes.bin',
				Bytes: '8',
				Standard: 'X12',
			});
			expect(Buffer.from(String(file[field]), 'base64')).toEqual(content);
		}
		expect(sim.parcel(parcelId)!.counters).toMatchObject({ previews: 2, downloads: 0 });
	},
);

test('download → transferred, confirm → out of the InBox (still archived), reset → ready again', async () => {
	const [first] = sim.inBox(10);
	const id = first.parcelId;
	await call(sim, 'ParcelDownloadNoUpdate', { ParcelID: id }, USER);
	expect(sim.parcel(id)!.status).toBe('InBoxReady');
	await call(sim, 'ParcelDownload', { ParcelID: id }, USER);
	expect(sim.parcel(id)).toMatchObject({ status: 'InBoxTransferred', inInBox: true });
	const transferred = await inBoxIds('mbx.user', 'ParcelInBoxExShort', {
		Status: 'InBoxTransferred',
	});
	expect(transferred).toEqual([String(id)]);

	expect((await call(sim, 'ParcelDownloadConfirm', { ParcelID: id }, USER)).text).toBe('true');
	expect(await inBoxIds()).not.toContain(String(id));
	expect(
		await inBoxIds('mbx.user', 'ParcelInBoxArchive', { PageNo: 1, RecordsPerPage: 10 }),
	).toContain(String(id));
	expect((await call(sim, 'ParcelDownloadConfirm', { ParcelID: id }, USER)).text).toBe('false');

	await call(sim, 'ParcelDownloadReset', { ParcelID: id }, USER);
	expect(sim.parcel(id)).toMatchObject({ status: 'InBoxReady', inInBox: true });
	expect(await inBoxIds()).toContain(String(id));
	expect(sim.parcel(id)!.counters).toEqual({
		downloads: 1,
		previews: 1,
		confirms: 2,
		resets: 1,
		cancels: 0,
	});
});

test('ParcelDownloadCancel undoes an unconfirmed download only', async () => {
	const [, second] = sim.inBox(10);
	expect((await call(sim, 'ParcelDownloadCancel', { ParcelID: second.parcelId }, USER)).text).toBe(
		'false',
	);
	await call(sim, 'ParcelDownloadA', { ParcelID: second.parcelId }, USER);
	expect((await call(sim, 'ParcelDownloadCancel', { ParcelID: second.parcelId }, USER)).text).toBe(
		'true',
	);
	expect(sim.parcel(second.parcelId)).toMatchObject({
		status: 'InBoxReady',
		counters: { cancels: 2, downloads: 1 },
	});
});

test('an 810 uploaded by Acme lands in Globex’s InBox, with interchange records on both sides', async () => {
	const invoice = sample('x12-810-invoice.edi');
	const uploaded = await call(
		sim,
		'ParcelUpload',
		{ FileName: 'inv.edi', Bytes: invoice.length, Content: invoice.toString('base64') },
		USER,
	);
	const outId = Number(uploaded.text);
	const out = sim.parcel(outId)!;
	expect(out).toMatchObject({ direction: 'OutBox', mailboxId: 10, status: null });

	const globexInBox = sim.inBox(20);
	const delivered = globexInBox.find((p) => p.fileName === 'inv.edi')!;
	expect(sim.parcelContent(delivered.parcelId)).toEqual(invoice);

	const received = items(
		await call(
			sim,
			'InterchangeInBox',
			{ ECGridIDFrom: 0, ECGridIDTo: 0, InterchangeControlID: '000000202' },
			{ as: 'foreign.user' },
		),
	);
	expect(received.map((ic) => [ic.DocumentType, ic.Standard, ic.MailboxIDFrom])).toEqual([
		['810', 'X12', '10'],
		['810', 'X12', '10'],
	]);
	const info = plain(
		await call(sim, 'ParcelInfo', { ParcelID: delivered.parcelId }, { as: 'foreign.user' }),
	) as Rec;
	const interchange = (info.Interchanges as Rec).InterchangeIDInfo as Rec;
	expect(interchange).toMatchObject({ InterchangeControlID: '000000202', DocumentType: '810' });
	const sent = items(
		await call(sim, 'InterchangeOutBox', { InterchangeControlID: '000000202' }, USER),
	);
	expect(sent).toHaveLength(2);
	expect(
		plain(
			await call(
				sim,
				'InterchangeInfo',
				{ InterchangeID: Number(interchange.InterchangeID) },
				USER,
			),
		),
	).toMatchObject({
		Header: invoice.subarray(0, 106).toString(),
	});
});

test('an upload that is not EDI, or has no route, lands in the OutBox errors', async () => {
	const before = items((await call(sim, 'ParcelOutBoxError', {}, USER)).children[5]).length;
	const text = Buffer.from('not edi at all');
	await call(
		sim,
		'ParcelUploadA',
		{ FileName: 'note.txt', ContentBase64: text.toString('base64') },
		USER,
	);
	const noRoute = sample('x12-856-ship-notice.edi')
		.toString()
		.replace('GLOBEXRETAIL   ', 'NOBODY         ');
	await call(
		sim,
		'ParcelUploadExA',
		{
			NetworkID: 1,
			MailboxID: 10,
			FileName: 'asn.edi',
			ContentBase64: Buffer.from(noRoute).toString('base64'),
		},
		USER,
	);
	const errors = items((await call(sim, 'ParcelOutBoxError', {}, USER)).children[5]);
	expect(errors.slice(before).map((p) => [p.FileName, p.StatusCode, p.Valid])).toEqual([
		['note.txt', 'outboxDeliveryError', 'Invalid'],
		['asn.edi', 'outboxDeliveryError', 'ValidNoneRouted'],
	]);
	const unrouted = items(await call(sim, 'InterchangeOutBoxNoRoute', {}, USER));
	expect(unrouted.map((ic) => ic.InterchangeControlID)).toEqual(['000000203']);
});

test('Mft uploads go from one trading partner to another whatever the content', async () => {
	const pdf = Buffer.from('%PDF-1.4 not really');
	await call(
		sim,
		'ParcelUploadMftA',
		{
			FileName: 'spec.pdf',
			ContentBase64: pdf.toString('base64'),
			ECGridIDFrom: 100001,
			ECGridIDTo: 100004,
		},
		USER,
	);
	const delivered = sim.inBox(20).find((p) => p.fileName === 'spec.pdf')!;
	expect(sim.parcelContent(delivered.parcelId)).toEqual(pdf);
});

test('archives page 1-based over the date range', async () => {
	for (let i = 0; i < 7; i++)
		sim.dropParcel({ fileName: `drop-${i}.txt`, content: Buffer.from(`file ${i}`) });
	const page = plain(
		await call(
			sim,
			'ParcelInBoxArchiveEx',
			{ NetworkID: 1, MailboxID: 10, PageNo: 2, RecordsPerPage: 3 },
			USER,
		),
	) as Rec;
	expect(page).toMatchObject({
		PageSize: '3',
		PageNumber: '2',
		Count: '3',
		TotalRecords: '9',
		TotalPages: '3',
	});
	const names = ((page.ParcelIDInfoList as Rec).ParcelIDInfo as Rec[]).map((p) => p.FileName);
	expect(names).toEqual(['drop-1.txt', 'drop-2.txt', 'drop-3.txt']);
	const empty = plain(
		await call(
			sim,
			'ParcelInBoxArchiveEx',
			{
				NetworkID: 1,
				MailboxID: 10,
				BeginDate: '2000-01-01T00:00:00Z',
				EndDate: '2000-01-02T00:00:00Z',
				PageNo: 1,
				RecordsPerPage: 3,
			},
			USER,
		),
	) as Rec;
	expect(empty).toMatchObject({ Count: '0', TotalRecords: '0', TotalPages: '0' });
});

test('another mailbox’s parcel is out of scope; an unknown one is not found', async () => {
	const [globex] = sim.inBox(20);
	const reply = await callOperation(
		'soap11',
		sim.url,
		'ParcelDownload',
		fill('ParcelDownload', { SessionID: keyOf('mbx.user'), ParcelID: globex.parcelId }),
	);
	expect(reply.status).toBe(500);
	expect(reply.body).toContain('<ErrorCode>2</ErrorCode>');
	expect(sim.parcel(globex.parcelId)!.counters.downloads).toBe(0);
});
