/** The simulated trading partners: what they answer, when, and with which control numbers. */
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../simulator';
import { readSample } from '../../edi/samples';
import { acknowledgmentsIn, uploadFromAcme, verdicts, waitUntil } from './support';

let sim: Simulator | undefined;
async function simulator(options: SimulatorOptions = {}): Promise<Simulator> {
	sim = await startSimulator({ port: 0, demoParcels: false, ...options });
	return sim;
}
afterEach(async () => {
	await sim?.close();
	sim = undefined;
});

const GLOBEX = 'ZZ:GLOBEXRETAIL';
/** Globex's mailbox, where what Acme sends to GLOBEXRETAIL lands. */
const GLOBEX_MAILBOX = 20;

/** The sample 810 with a wrong SE01: the engine rejects it (AK5 code 4). */
const badCount = () =>
	Buffer.from(
		readSample('x12-810-invoice.edi')
			.toString('latin1')
			.replace(/SE\*\d+\*/, 'SE*99*'),
	);

describe('accept (the default)', () => {
	it('answers an invoice with a 997 in the sender’s InBox, the envelope turned around', async () => {
		const s = await simulator();
		const sent = uploadFromAcme(s, 'x12-810-invoice.edi');

		const [ack] = acknowledgmentsIn(s);
		expect(acknowledgmentsIn(s)).toHaveLength(1);
		expect(ack.text).toMatch(
			/^ISA\*00\* {10}\*00\* {10}\*ZZ\*GLOBEXRETAIL {3}\*ZZ\*ACMESUPPLY {5}\*\d{6}\*\d{4}\*U\*00401\*000000001\*0\*P\*>~GS\*FA\*GLOBEXRETAIL\*ACMESUPPLY\*\d{8}\*\d{4}\*1\*X\*004010~ST\*997\*0001~AK1\*IN\*203~AK2\*810\*0001~AK5\*A~AK9\*A\*1\*1\*1~/,
		);
		expect(verdicts(ack.items)).toEqual(['810 0001: accepted']);
		expect(ack.parcel.fileName).toBe('997-000000001.edi');
		// The invoice still reached Globex, and the partner's answer is on record.
		expect(s.inBox(GLOBEX_MAILBOX)).toHaveLength(1);
		expect(s.answers).toEqual([
			{
				partner: GLOBEX,
				receivedParcelId: sent.linkedParcelId,
				sentParcelId: sent.parcelId,
				answer: 'accept',
				acknowledgment: '997',
				controlNumber: 1,
				dueAt: expect.any(Date),
				ackParcelId: ack.parcel.parcelId,
			},
		]);
	});

	it('rejects what the engine’s validation rejects', async () => {
		const s = await simulator();
		uploadFromAcme(s, badCount());
		const [ack] = acknowledgmentsIn(s);
		expect(ack.text).toContain('~AK2*810*0001~AK5*R*4~AK9*R*1*1*0~');
		expect(verdicts(ack.items)).toEqual(['810 0001: rejected']);
	});

	it('answers every group of a file in one 997', async () => {
		const s = await simulator();
		uploadFromAcme(s, 'x12-two-groups-invoices-and-ship-notices.edi');
		expect(verdicts(acknowledgmentsIn(s)[0].items)).toEqual([
			'810 0001: accepted',
			'810 0002: accepted',
			'856 0001: accepted',
			'856 0002: accepted',
		]);
	});

	it('answers EDIFACT with a CONTRL, with the references turned around', async () => {
		const s = await simulator();
		uploadFromAcme(s, 'edifact-invoic.edi');
		const [ack] = acknowledgmentsIn(s);
		expect(ack.text).toMatch(
			/^UNB\+UNOC:3\+GLOBEXRETAIL:ZZ\+ACMESUPPLY:ZZ\+\d{6}:\d{4}\+1'UNH\+1\+CONTRL:D:3:UN'UCI\+AS000412\+ACMESUPPLY:ZZ\+GLOBEXRETAIL:ZZ\+7'/,
		);
		expect(verdicts(ack.items)).toEqual(['INVOIC 1: accepted', 'INVOIC 2: accepted']);
		expect(ack.parcel.fileName).toBe('contrl-000000001.edi');
	});

	it('answers with a 999 when the partner is set so', async () => {
		const s = await simulator({ partners: { [GLOBEX]: { ack: '999' } } });
		uploadFromAcme(s, badCount());
		const [ack] = acknowledgmentsIn(s);
		expect(ack.text).toContain('~ST*999*0001*005010X231A1~AK1*IN*203*004010~');
		expect(ack.text).toContain('~IK5*R*4~');
		expect(verdicts(ack.items)).toEqual(['810 0001: rejected']);
	});

	it('lists only the rejected sets when told to', async () => {
		const s = await simulator({ partners: { [GLOBEX]: { acceptedSets: false } } });
		uploadFromAcme(s, 'x12-810-invoice.edi');
		expect(acknowledgmentsIn(s)[0].text).toContain('~AK1*IN*203~AK9*A*1*1*1~');
	});

	it('never acknowledges an acknowledgment, and a silent partner answers nothing', async () => {
		const s = await simulator({ partners: { 'ZZ:INITECHSTORES': false } });
		uploadFromAcme(s, 'x12-997-functional-ack.edi');
		uploadFromAcme(s, 'edifact-invoic-custom-delimiters.edi');
		expect(s.inBox(GLOBEX_MAILBOX)).toHaveLength(1);
		expect(s.inBox(21)).toHaveLength(1);
		expect(acknowledgmentsIn(s)).toEqual([]);
		expect(s.answers).toEqual([]);
	});

	it('answers nothing with partners: false', async () => {
		const s = await simulator({ partners: false });
		uploadFromAcme(s, 'x12-810-invoice.edi');
		expect(acknowledgmentsIn(s)).toEqual([]);
	});

	it('answers with the non-default delimiters it received', async () => {
		const s = await simulator();
		uploadFromAcme(s, 'edifact-invoic-custom-delimiters.edi');
		const [ack] = acknowledgmentsIn(s);
		expect(ack.text.startsWith('UNA^|,!*~UNB|UNOC^4|INITECHSTORES|ACMESUPPLY^ZZ|')).toBe(true);
		expect(verdicts(ack.items)).toEqual(['INVOIC 1: accepted']);
	});

	it('does not answer files sent to a partner that is not one of the answering ones', async () => {
		const s = await simulator();
		// Globex sends Acme its 850: Acme is the n8n user, not a simulated partner.
		const globex = s.world.mailboxes.get(GLOBEX_MAILBOX)!;
		const { uploadParcel } = await import('../../../simulator/world/parcels');
		uploadParcel(s.world, globex, {
			fileName: 'po.edi',
			content: readSample('x12-850-purchase-order.edi'),
		});
		expect(s.inBox(GLOBEX_MAILBOX)).toEqual([]);
		expect(s.answers).toEqual([]);
	});
});

describe('control numbers', () => {
	it('never repeat for a partner, over X12 and EDIFACT files alike', async () => {
		const s = await simulator();
		const files = ['x12-810-invoice.edi', 'edifact-invoic.edi', 'x12-856-ship-notice.edi'];
		for (let round = 0; round < 20; round++) uploadFromAcme(s, files[round % 3]);
		const numbers = s.answers.map((answer) => answer.controlNumber);
		expect(new Set(numbers).size).toBe(20);
		const inFiles = acknowledgmentsIn(s).map((ack) =>
			String(ack.items[0].from && (ack.items[0].from as { controlNumber: string }).controlNumber),
		);
		expect(new Set(inFiles).size).toBe(20);
	});

	it('are each partner’s own', async () => {
		const s = await simulator();
		uploadFromAcme(s, 'x12-810-invoice.edi');
		uploadFromAcme(s, 'edifact-invoic-custom-delimiters.edi');
		expect(s.answers.map((answer) => [answer.partner, answer.controlNumber])).toEqual([
			[GLOBEX, 1],
			['ZZ:INITECHSTORES', 1],
		]);
	});
});

describe('reject', () => {
	it('rejects the set codes it does not take as not supported (AK5 code 1, UCM code 14)', async () => {
		const s = await simulator({
			partners: { [GLOBEX]: { answer: 'reject', reject: { sets: ['810', 'invoic'] } } },
		});
		uploadFromAcme(s, 'x12-two-groups-invoices-and-ship-notices.edi');
		uploadFromAcme(s, 'edifact-invoic.edi');
		const [x12, edifact] = acknowledgmentsIn(s);
		expect(x12.text).toContain(
			'~AK1*IN*204~AK2*810*0001~AK5*R*1~AK2*810*0002~AK5*R*1~AK9*R*2*2*0~',
		);
		expect(verdicts(x12.items)).toEqual([
			'810 0001: rejected',
			'810 0002: rejected',
			'856 0001: accepted',
			'856 0002: accepted',
		]);
		expect(edifact.text).toContain("UCM+1+INVOIC:D:96A:UN:EAN008+4+14+UNH+2'");
		expect(verdicts(edifact.items)).toEqual(['INVOIC 1: rejected', 'INVOIC 2: rejected']);
	});

	it('rejects every Nth group it receives, counting across files, with AK3/AK4/AK5 reasons', async () => {
		const s = await simulator({
			partners: { [GLOBEX]: { answer: 'reject', reject: { everyNthGroup: 2 } } },
		});
		uploadFromAcme(s, 'x12-810-invoice.edi'); // group 1
		uploadFromAcme(s, 'x12-810-invoice.edi'); // group 2: rejected
		uploadFromAcme(s, 'x12-two-groups-invoices-and-ship-notices.edi'); // groups 3 and 4
		const [first, second, third] = acknowledgmentsIn(s);
		expect(verdicts(first.items)).toEqual(['810 0001: accepted']);
		expect(second.text).toContain('~AK2*810*0001~AK3*BIG*2**8~AK4*1**7*20261203~AK5*R*5~');
		expect(second.items[0].errors).toEqual([
			expect.objectContaining({ level: 'set', code: '5' }),
			expect.objectContaining({ level: 'segment', code: '8', segment: 'BIG', position: 2 }),
			expect.objectContaining({ level: 'element', code: '7', element: 1, data: '20261203' }),
		]);
		expect(verdicts(third.items)).toEqual([
			'810 0001: accepted',
			'810 0002: accepted',
			'856 0001: rejected',
			'856 0002: rejected',
		]);
	});

	it('rejects every set of every group when no rule is given, EDIFACT with UCS/UCD', async () => {
		const s = await simulator({ partners: { [GLOBEX]: { answer: 'reject' } } });
		uploadFromAcme(s, 'edifact-invoic.edi');
		const [ack] = acknowledgmentsIn(s);
		expect(ack.text).toContain("UCM+1+INVOIC:D:96A:UN:EAN008+4'UCS+2'UCD+12+1'");
		expect(verdicts(ack.items)).toEqual(['INVOIC 1: rejected', 'INVOIC 2: rejected']);
	});
});

describe('late and never', () => {
	it('late: the acknowledgment arrives after the delay, not before', async () => {
		const s = await simulator({ partners: { [GLOBEX]: { answer: 'late', delayMs: 300 } } });
		const start = Date.now();
		uploadFromAcme(s, 'x12-810-invoice.edi');
		expect(acknowledgmentsIn(s)).toEqual([]);
		expect(s.answers[0]).toMatchObject({ answer: 'late', controlNumber: 1 });
		expect(s.answers[0].ackParcelId).toBeUndefined();
		await waitUntil(() => acknowledgmentsIn(s).length === 1, 5000);
		expect(Date.now() - start).toBeGreaterThanOrEqual(290);
		expect(verdicts(acknowledgmentsIn(s)[0].items)).toEqual(['810 0001: accepted']);
		expect(s.answers[0].ackParcelId).toBe(acknowledgmentsIn(s)[0].parcel.parcelId);
	});

	it('late answers still due when the simulator closes are dropped', async () => {
		const s = await simulator({ partners: { [GLOBEX]: { answer: 'late', delayMs: 200 } } });
		uploadFromAcme(s, 'x12-810-invoice.edi');
		await s.close();
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(acknowledgmentsIn(s)).toEqual([]);
	});

	it('never: no acknowledgment, ever, and the answer says so', async () => {
		const s = await simulator({ partners: { [GLOBEX]: { answer: 'never' } } });
		uploadFromAcme(s, 'x12-810-invoice.edi');
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(acknowledgmentsIn(s)).toEqual([]);
		expect(s.answers).toEqual([
			{
				partner: GLOBEX,
				receivedParcelId: expect.any(Number),
				sentParcelId: expect.any(Number),
				answer: 'never',
			},
		]);
	});
});

describe('mix', () => {
	const mixed = async (seed: number) => {
		const s = await simulator({
			partners: { [GLOBEX]: { answer: 'mix', seed, delayMs: 60_000 } },
		});
		for (let round = 0; round < 40; round++) uploadFromAcme(s, 'x12-810-invoice.edi');
		const answers = s.answers.map((answer) => answer.answer);
		await s.close();
		return answers;
	};

	it('draws each answer by its weight, the same way for the same seed', async () => {
		const first = await mixed(7);
		expect(await mixed(7)).toEqual(first);
		expect(await mixed(8)).not.toEqual(first);
		const count = (kind: string) => first.filter((answer) => answer === kind).length;
		expect(count('accept')).toBeGreaterThan(20);
		for (const kind of ['reject', 'late', 'never']) expect(count(kind)).toBeGreaterThan(0);
	});

	it('draws only from the answers a mix weighs', async () => {
		const s = await simulator({
			partners: { [GLOBEX]: { answer: 'mix', mix: { accept: 1, never: 1 } } },
		});
		for (let round = 0; round < 20; round++) uploadFromAcme(s, 'x12-810-invoice.edi');
		expect(new Set(s.answers.map((answer) => answer.answer))).toEqual(new Set(['accept', 'never']));
	});
});

describe('at runtime, as faults are injected', () => {
	it('a partner injection holds for its next `times` files, then the configured answer resumes', async () => {
		const s = await simulator();
		s.inject({ partner: 'zz:globexretail', answer: 'never', times: 1 });
		uploadFromAcme(s, 'x12-810-invoice.edi');
		uploadFromAcme(s, 'x12-810-invoice.edi');
		expect(s.answers.map((answer) => answer.answer)).toEqual(['never', 'accept']);
	});

	it('an acknowledgment uploaded to the partner does not use up an injection', async () => {
		const s = await simulator();
		s.inject({ partner: GLOBEX, answer: 'reject', times: 1 });
		uploadFromAcme(s, 'x12-997-functional-ack.edi');
		uploadFromAcme(s, 'x12-810-invoice.edi');
		expect(s.answers.map((answer) => answer.answer)).toEqual(['reject']);
	});

	it('makes a silent partner answer, until clearInjections()', async () => {
		const s = await simulator({ partners: { [GLOBEX]: false } });
		s.inject({ partner: GLOBEX, answer: 'accept' });
		uploadFromAcme(s, 'x12-810-invoice.edi');
		s.clearInjections();
		uploadFromAcme(s, 'x12-810-invoice.edi');
		expect(s.answers.map((answer) => answer.answer)).toEqual(['accept']);
	});

	it('refuses an unknown partner or a bad behaviour, at start and at runtime', async () => {
		await expect(startSimulator({ partners: { 'ZZ:NOBODY': {} } })).rejects.toThrow(
			'The simulator knows no trading partner ZZ:NOBODY',
		);
		const s = await simulator();
		expect(() => s.inject({ partner: 'GLOBEXRETAIL', answer: 'never' })).toThrow(
			'A partner is named QUALIFIER:ID',
		);
		expect(() => s.inject({ partner: GLOBEX, answer: 'sometimes' as unknown as 'never' })).toThrow(
			'Partner ZZ:GLOBEXRETAIL: answer must be one of accept, reject, late, never, mix',
		);
		expect(() => s.inject({ partner: GLOBEX, reject: { everyNthGroup: 0 } })).toThrow(
			'reject.everyNthGroup must be a whole number ≥ 1',
		);
		expect(() => s.inject({ partner: GLOBEX, mix: { accept: 0 } })).toThrow(
			'mix needs a weight above 0',
		);
		expect(() => s.inject({ partner: GLOBEX, times: 0 })).toThrow(
			'times must be a positive integer',
		);
	});
});
