import { startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { call } from '../operations/call';

let sim: Simulator;
let admin: string;
beforeEach(async () => {
	sim = await startSimulator({ port: 0, demoParcels: false });
	admin = sim.url.replace('/v4.1/prod/ECGridOS.asmx', '/admin');
});
afterEach(() => sim.close());

test('POST /admin/inbox stores the raw bytes as an InBox parcel; GET /admin/parcels/{id} counts what happened', async () => {
	const content = Buffer.from([0x00, 0xff, 0xc3, 0x28, 0x0d, 0x0a]);
	const posted = await fetch(`${admin}/inbox?fileName=raw.bin`, { method: 'POST', body: content });
	expect(posted.status).toBe(201);
	const parcel = (await posted.json()) as { parcelId: number; mailboxId: number; status: string };
	expect(parcel).toMatchObject({
		mailboxId: 10,
		status: 'InBoxReady',
		fileName: 'raw.bin',
		bytes: 6,
		standard: 'Binary',
	});
	expect(sim.parcelContent(parcel.parcelId)).toEqual(content);

	await call(sim, 'ParcelDownload', { ParcelID: parcel.parcelId }, { as: 'mbx.user' });
	await call(sim, 'ParcelDownloadConfirm', { ParcelID: parcel.parcelId }, { as: 'mbx.user' });
	await call(sim, 'ParcelDownloadReset', { ParcelID: parcel.parcelId }, { as: 'mbx.user' });
	const state = await (await fetch(`${admin}/parcels/${parcel.parcelId}`)).json();
	expect(state).toMatchObject({
		status: 'InBoxReady',
		inInBox: true,
		counters: { downloads: 1, previews: 0, confirms: 1, resets: 1, cancels: 0 },
	});
	const listed = (await (await fetch(`${admin}/inbox?mailboxId=10`)).json()) as {
		parcelId: number;
	}[];
	expect(listed.map((p) => p.parcelId)).toEqual([parcel.parcelId]);
});

test('another mailbox by mailboxId; bad requests are 400/404 with a JSON error', async () => {
	const posted = await fetch(`${admin}/inbox?mailboxId=20&fileName=a.edi`, {
		method: 'POST',
		body: 'x',
	});
	expect(((await posted.json()) as { mailboxId: number }).mailboxId).toBe(20);
	expect((await fetch(`${admin}/inbox`, { method: 'POST', body: 'x' })).status).toBe(400);
	expect(
		(await fetch(`${admin}/inbox?mailboxId=99&fileName=a`, { method: 'POST', body: 'x' })).status,
	).toBe(400);
	expect(
		(await fetch(`${admin}/inbox?mailboxId=ten&fileName=a`, { method: 'POST', body: 'x' })).status,
	).toBe(400);
	expect((await fetch(`${admin}/parcels/123456`)).status).toBe(404);
	expect((await fetch(`${admin}/other`)).status).toBe(404);
});

test('sim.dropParcel and sim.parcel are the same in process; demoParcels: false starts empty', () => {
	expect(sim.inBox(10)).toEqual([]);
	const view = sim.dropParcel({ mailboxId: 11, fileName: 'b.edi', content: Buffer.from('ISA') });
	expect(sim.parcel(view.parcelId)).toEqual(view);
	expect(sim.inBox(11)).toEqual([view]);
	expect(sim.parcel(1)).toBeUndefined();
	expect(() => sim.dropParcel({ mailboxId: 77, fileName: 'c', content: Buffer.alloc(1) })).toThrow(
		/No mailbox 77/,
	);
});
