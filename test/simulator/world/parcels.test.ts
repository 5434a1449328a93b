import { createDemoWorld, sample } from '../../../simulator';
import { summarizeEnvelope } from '../../../nodes/shared/edi';
import { uploadParcel } from '../../../simulator/world/parcels';
import { readSample, sampleNames } from '../../edi/samples';

const world = () =>
	createDemoWorld({ sessionIdleMs: 1000, maxSessionsPerUser: 5, demoParcels: false });

function x12(sender: string, receiver: string): Buffer {
	return Buffer.from(
		sample('x12-997-acknowledgment.edi')
			.toString()
			.replace('ACMEFOODS      ', sender.padEnd(15))
			.replace('GLOBEXRETAIL   ', receiver.padEnd(15)),
	);
}

test('routes over a completed interconnect into the receiver mailbox', () => {
	const w = world();
	const out = uploadParcel(w, w.mailboxes.get(10)!, {
		fileName: 'a',
		content: x12('ACMEFOODS', 'GLOBEXRETAIL'),
	});
	const delivered = w.parcels.get(out.linkedParcelId!)!;
	expect(delivered).toMatchObject({
		direction: 'InBox',
		mailboxId: 20,
		status: 'InBoxReady',
		ecGridIdFrom: 100001,
		ecGridIdTo: 100004,
	});
});

test.each([
	['the sender is not a partner of the uploading mailbox', 11, 'ACMEFOODS', 'GLOBEXRETAIL'],
	['the receiver is unknown', 10, 'ACMEFOODS', 'NOBODY'],
	['the interconnect is only pending', 11, 'ACMELOGISTICS', 'GLOBEXRETAIL'],
])('no route when %s', (_why, mailboxId, sender, receiver) => {
	const w = world();
	const out = uploadParcel(w, w.mailboxes.get(mailboxId)!, {
		fileName: 'a',
		content: x12(sender, receiver),
	});
	expect(out).toMatchObject({
		status: 'outboxDeliveryError',
		valid: 'ValidNoneRouted',
	});
	expect(out.linkedParcelId).toBeUndefined();
	expect([...w.parcels.values()].filter((p) => p.direction === 'InBox')).toEqual([]);
});

test('no route into a suspended mailbox, nor to a terminated partner', () => {
	const w = world();
	w.mailboxes.get(20)!.status = 'Suspended';
	const first = uploadParcel(w, w.mailboxes.get(10)!, {
		fileName: 'a',
		content: x12('ACMEFOODS', 'GLOBEXRETAIL'),
	});
	expect(first.status).toBe('outboxDeliveryError');
	w.mailboxes.get(20)!.status = 'Active';
	w.tradingPartners.get(100004)!.status = 'Terminated';
	const second = uploadParcel(w, w.mailboxes.get(10)!, {
		fileName: 'a',
		content: x12('ACMEFOODS', 'GLOBEXRETAIL'),
	});
	expect(second.status).toBe('outboxDeliveryError');
});

test('the bytes are stored exactly, a copy per box', () => {
	const w = world();
	const content = Buffer.concat([
		x12('ACMEFOODS', 'GLOBEXRETAIL'),
		Buffer.from([0xff, 0xfe, 0x00]),
	]);
	const out = uploadParcel(w, w.mailboxes.get(10)!, { fileName: 'a', content });
	content[0] = 0;
	expect(out.content.subarray(0, 3).toString()).toBe('ISA');
	expect(w.parcels.get(out.linkedParcelId!)!.content).toEqual(out.content);
});

describe('the sample files in examples/edi/', () => {
	it.each(sampleNames())('%s is delivered when its sender uploads it', (name) => {
		const w = world();
		const content = readSample(name);
		const { sender } = summarizeEnvelope(content) as { sender?: { id: string } };
		const partner = [...w.tradingPartners.values()].find((tp) => tp.id === sender?.id);
		expect(partner).toBeDefined();
		const out = uploadParcel(w, w.mailboxes.get(partner!.mailboxId)!, { fileName: name, content });
		expect(out.status).not.toBe('outboxDeliveryError');
		expect(w.parcels.get(out.linkedParcelId!)).toMatchObject({ direction: 'InBox' });
	});
});
