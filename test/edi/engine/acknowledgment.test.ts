import {
	checkControlNumber,
	createContrl,
	createX12Acknowledgment,
	MixedPartnersError,
	NotAnAcknowledgmentError,
	readAcknowledgments,
	readEdi,
	type Json,
} from '../../../nodes/shared/edi';
import {
	acknowledge,
	groupVerdicts,
	NOW,
	readBack,
	readBackGroups,
	verdicts,
} from './acknowledgment.support';
import { bigFunctionalAcknowledgment } from './bigFiles';
import { allCorpusFiles, corpusFile } from './corpus';

describe('acknowledgments', () => {
	const files = allCorpusFiles();

	it.each(files)(
		'%s/%s: read, acknowledged and read back gives the same verdict per set',
		(folder, name) => {
			for (const interchange of readEdi(corpusFile(folder, name))) {
				const expected = verdicts(interchange);
				if (expected.length === 0) continue;
				for (const kind of interchange.standard === 'X12'
					? (['997', '999'] as const)
					: (['997'] as const)) {
					expect(readBack(acknowledge(interchange, kind)!.text)).toEqual(expected);
				}
			}
		},
	);

	it.each(files.filter(([, name]) => name.endsWith('.x12')))(
		'%s/%s: each group read back from its 997 and 999, sets listed or not, has its verdict and accepted count',
		(folder, name) => {
			for (const interchange of readEdi(corpusFile(folder, name))) {
				const expected = groupVerdicts(interchange);
				if (expected.length === 0) continue;
				for (const kind of ['997', '999'] as const) {
					for (const acceptedSets of [false, true]) {
						const ack = createX12Acknowledgment(interchange, {
							kind,
							ta1: 'never',
							acceptedSets,
							controlNumber: 4711,
							now: NOW,
						})!;
						expect(readBackGroups(ack.text)).toEqual(expected);
					}
				}
			}
		},
	);

	it('turns the received envelope around, with its own control numbers and the TA1', () => {
		const [interchange] = readEdi(corpusFile('valid', 'x12-004010-orders-and-invoices.x12'));
		const ack = acknowledge(interchange)!;
		expect(ack.text.split('~')).toEqual([
			'ISA*00*          *00*          *ZZ*GLOBEXRETAIL   *ZZ*ACMESUPPLY     *261207*1030*U*00401*000004711*0*P*>',
			'TA1*000000101*261201*0930*A*000',
			'GS*FA*GLOBEXRETAIL*ACMESUPPLY*20261207*1030*4711*X*004010',
			'ST*997*0001',
			'AK1*PO*1',
			'AK2*850*0001',
			'AK5*A',
			'AK2*850*0002',
			'AK5*A',
			'AK2*855*0003',
			'AK5*A',
			'AK9*A*3*3*3',
			'SE*10*0001',
			'ST*997*0002',
			'AK1*IN*2',
			'AK2*810*0001',
			'AK5*A',
			'AK9*A*1*1*1',
			'SE*6*0002',
			'GE*2*4711',
			'IEA*1*000004711',
			'',
		]);
		expect(ack.text.split('~')[0]).toHaveLength(105);
	});

	it('writes a 999 for 005010 with IK3/IK4/IK5 and the implementation guide in GS08 and ST03', () => {
		const [interchange] = readEdi(corpusFile('defects', 'x12-850-beg03-empty.x12'));
		const ack = createX12Acknowledgment(interchange, {
			kind: '999',
			ta1: 'never',
			acceptedSets: false,
			controlNumber: 9,
			now: NOW,
		})!;
		const lines = ack.text.split('~');
		expect(lines[1]).toBe('GS*FA*GLOBEXRETAIL*ACMESUPPLY*20261207*1030*9*X*005010X231A1');
		expect(lines.slice(2, 10)).toEqual([
			'ST*999*0001*005010X231A1',
			'AK1*PO*1*004010',
			'AK2*850*0001',
			'IK3*BEG*2**8',
			'IK4*3*324*1',
			'IK5*R*5',
			'AK9*R*1*1*0',
			'SE*8*0001',
		]);
	});

	it('writes AK902 as a count of at most six digits, whatever a damaged GE01 holds', () => {
		const group = (ge01: string) =>
			'ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*GLOBEXRETAIL   *261201*0930*U*00401*000000420*0*P*>~' +
			'GS*PO*ACMESUPPLY*GLOBEXRETAIL*20261201*0930*1*X*004010~ST*850*0001~BEG*00*SA*PO-1**20261201~' +
			`PO1*1*1*EA*1**BP*X~CTT*1~SE*5*0001~GE*${ge01}*1~IEA*1*000000420~`;
		const ak9 = (ge01: string, kind: '997' | '999') =>
			createX12Acknowledgment(readEdi(group(ge01)), {
				kind,
				ta1: 'never',
				acceptedSets: false,
				controlNumber: 9,
				now: NOW,
			})!
				.text.split('~')
				.find((line) => line.startsWith('AK9'));
		for (const kind of ['997', '999'] as const) {
			expect(ak9('ONE', kind)).toBe('AK9*R*1*1*0*5');
			expect(ak9('1234567', kind)).toBe('AK9*R*1*1*0*5');
			expect(ak9('0001', kind)).toBe('AK9*A*1*1*1');
			expect(ak9('3', kind)).toBe('AK9*R*3*1*0*5');
		}
	});

	it('writes a CONTRL with the interchange turned around and the received service characters', () => {
		const [interchange] = readEdi(
			corpusFile('valid', 'edifact-syntax4-odd-service-characters.edi'),
		);
		const ack = createContrl(interchange, { acceptedSets: true, controlNumber: 12, now: NOW })!;
		expect(ack.text.split('~')).toEqual([
			'UNA^|,!*',
			'UNB|UNOC^4|GLOBEXRETAIL^ZZ|ACMESUPPLY^ZZ|20261207^1030|12',
			'UNH|1|CONTRL^4^1^UN',
			'UCI|EF0003|ACMESUPPLY^ZZ|GLOBEXRETAIL^ZZ|7',
			'UCM|1|INVOIC^D^01B^UN|7',
			'UNT|4|1',
			'UNZ|1|12',
			'',
		]);
	});

	it('marks the CONTRL answering a test interchange (UNB11 = 1) as a test, as a 997 keeps ISA15', () => {
		const received = (test: string) =>
			`UNB+UNOC:3+ACMESUPPLY:ZZ+GLOBEXRETAIL:ZZ+261201:0930+EF0130+++++AGR-7${test}'` +
			"UNH+1+ORDERS:D:96A:UN'BGM+220+PO-1+9'UNT+3+1'UNZ+1+EF0130'";
		const unb = (text: string) =>
			createContrl(readEdi(text), { acceptedSets: false, controlNumber: 12, now: NOW })!.text.split(
				"'",
			)[0];
		expect(unb(received('+1'))).toBe(
			'UNB+UNOC:3+GLOBEXRETAIL:ZZ+ACMESUPPLY:ZZ+261207:1030+12++++++1',
		);
		expect(unb(received(''))).toBe('UNB+UNOC:3+GLOBEXRETAIL:ZZ+ACMESUPPLY:ZZ+261207:1030+12');
	});

	it('escapes released envelope values once in a CONTRL, and reads them back as data', () => {
		const [interchange] = readEdi(
			corpusFile('valid', 'edifact-released-characters-in-envelope.edi'),
		);
		const ack = acknowledge(interchange)!;
		expect(ack.text.split("'").filter((line) => /^(UNB|UCI|UCM)/.test(line))).toEqual([
			'UNB+UNOC:3+GLOBEX?:EU:14+ACME?+CO:ZZ+261207:1030+4711',
			'UCI+EF?+0002+ACME?+CO:ZZ+GLOBEX?:EU:14+7',
			'UCM+M?:1+ORDERS:D:96A:UN+7',
		]);
		const [item] = readAcknowledgments(ack.text);
		expect(item).toMatchObject({
			acknowledged: {
				interchange: { controlReference: 'EF+0002', sender: 'ACME+CO', receiver: 'GLOBEX:EU' },
				transactionSet: { code: 'ORDERS', controlNumber: 'M:1' },
			},
			from: { sender: { id: 'GLOBEX:EU', qualifier: '14' }, receiver: { id: 'ACME+CO' } },
		});
	});

	it('answers an interchange it cannot read past its ISA with a TA1, in separators that work', () => {
		const text =
			'ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*GLOBEXRETAIL   *261201*0930*U*00401*000000410*0*P*>*' +
			'GS*PO*ACMESUPPLY*GLOBEXRETAIL*20261201*0930*1*X*004010~ST*850*0001~SE*2*0001~GE*1*1~IEA*1*000000410~';
		const [interchange] = readEdi(text);
		const ack = acknowledge(interchange)!;
		expect(ack.text.split('~').slice(1)).toEqual([
			'TA1*000000410*261201*0930*R*004',
			'IEA*0*000004711',
			'',
		]);
		expect(readAcknowledgments(ack.text)).toMatchObject([
			{ acknowledgment: 'TA1', status: 'rejected', errors: [{ code: '004' }] },
		]);
	});

	it('answers an EDIFACT interchange that holds no message with its UCI, as X12 gets its TA1', () => {
		const unb = (reference: string) =>
			`UNB+UNOC:3+ACMESUPPLY:ZZ+GLOBEXRETAIL:ZZ+261201:0930+${reference}'`;
		const contrl = (text: string) =>
			createContrl(readEdi(text), { acceptedSets: false, controlNumber: 12, now: NOW })
				?.text.split("'")
				.filter((line) => line.startsWith('UCI'));
		// Cut off after its UNB, only a stray segment, empty: the partner hears of each.
		expect(contrl(unb('EF0120'))).toEqual(['UCI+EF0120+ACMESUPPLY:ZZ+GLOBEXRETAIL:ZZ+4+13+UNZ']);
		expect(contrl(`${unb('EF0121')}FTX+AAI'UNZ+0+EF0121'`)).toEqual([
			'UCI+EF0121+ACMESUPPLY:ZZ+GLOBEXRETAIL:ZZ+4+33+FTX',
		]);
		// An empty interchange is rejected: 32, lower level empty.
		expect(contrl(`${unb('EF0122')}UNZ+0+EF0122'`)).toEqual([
			'UCI+EF0122+ACMESUPPLY:ZZ+GLOBEXRETAIL:ZZ+4+32',
		]);
		const [item] = readAcknowledgments(
			createContrl(readEdi(unb('EF0120')), { acceptedSets: false, controlNumber: 12, now: NOW })!
				.text,
		);
		expect(item).toMatchObject({
			status: 'rejected',
			acknowledged: { interchange: { controlReference: 'EF0120' } },
		});
	});

	it('acknowledges a UTF-16 file, and reads a UTF-16 acknowledgment, as their UTF-8 twins', () => {
		const utf16 = (text: string) => Buffer.from(`\ufeff${text}`, 'utf16le');
		const file = corpusFile('valid', 'x12-004010-orders-and-invoices.x12').toString('utf8');
		const ack = acknowledge(readEdi(file)[0])!.text;
		expect(acknowledge(readEdi(utf16(file))[0])!.text).toBe(ack);
		expect(readAcknowledgments(utf16(ack))).toEqual(readAcknowledgments(ack));
	});

	it('never acknowledges an acknowledgment', () => {
		const [ack] = readEdi(corpusFile('valid', 'x12-004010-orders-and-invoices.x12'));
		const text = acknowledge(ack)!.text;
		const [received] = readEdi(text);
		expect(
			createX12Acknowledgment(received, {
				kind: '997',
				ta1: 'never',
				acceptedSets: true,
				controlNumber: 1,
				now: NOW,
			}),
		).toBeUndefined();
		const [contrl] = readEdi(
			createContrl(readEdi(corpusFile('valid', 'edifact-orders-with-release-characters.edi'))[0], {
				acceptedSets: true,
				controlNumber: 1,
				now: NOW,
			})!.text,
		);
		expect(
			createContrl(contrl, { acceptedSets: true, controlNumber: 2, now: NOW }),
		).toBeUndefined();
	});

	it('reads a TA1 and a rejected group with its errors in words', () => {
		const [interchange] = readEdi(corpusFile('defects', 'x12-cut-off-file.x12'));
		const items = readAcknowledgments(acknowledge(interchange)!.text);
		expect(items[0]).toMatchObject({
			acknowledgment: 'TA1',
			status: 'rejected',
			acknowledged: { interchange: { controlNumber: '000000409' } },
			errors: [{ code: '023', message: 'The file ended before the interchange did' }],
		});
		expect(items[2]).toMatchObject({
			acknowledgment: '997',
			status: 'rejected',
			acknowledged: {
				group: { functionalId: 'PO', controlNumber: '1', status: 'rejected' },
				transactionSet: { code: '850', controlNumber: '0002' },
			},
		});
		expect((items[2].errors as Json[]).map((error) => error.message)).toEqual([
			'The group trailer (GE) is missing',
			'The transaction set trailer (SE) is missing',
			'One or more segments are in error',
			'A mandatory segment is missing: PO1 at position 5',
		]);
	});

	it('reads an element error back with its designator and reference number, or its segment (CONTRL)', () => {
		const [x12] = readEdi(corpusFile('defects', 'x12-850-beg03-empty.x12'));
		for (const kind of ['997', '999'] as const) {
			const [item] = readAcknowledgments(acknowledge(x12, kind)!.text).filter(
				(each) => each.acknowledgment === kind,
			);
			expect(item.errors).toContainEqual({
				level: 'element',
				code: '1',
				segment: 'BEG',
				position: 2,
				element: 3,
				reference: 'BEG03',
				referenceNumber: '324',
				message: 'A mandatory data element is missing: element 3 of BEG (BEG03, data element 324)',
			});
		}
		const [edifact] = readEdi(corpusFile('defects', 'edifact-orders-nad01-empty.edi'));
		const [message] = readAcknowledgments(acknowledge(edifact)!.text);
		expect(message.errors).toEqual([
			{
				level: 'element',
				code: '13',
				position: 5,
				element: 1,
				message: 'Something mandatory is missing: element 1 of the segment at position 5',
			},
		]);
	});

	it('reads a group acknowledged without set loops as one item', () => {
		const items = readAcknowledgments(
			'ISA*00*          *00*          *ZZ*A              *ZZ*B              *261201*0930*U*00401*000000001*0*P*>~GS*FA*A*B*20261201*0930*1*X*004010~ST*997*0001~AK1*PO*77~AK9*A*2*2*2~SE*4*0001~GE*1*1~IEA*1*000000001~',
		);
		expect(items).toEqual([
			expect.objectContaining({
				acknowledgment: '997',
				status: 'accepted',
				acknowledged: {
					group: {
						functionalId: 'PO',
						controlNumber: '77',
						status: 'accepted',
						declared: 2,
						received: 2,
						accepted: 2,
					},
				},
			}),
		]);
	});

	it('answers every interchange of a file in one acknowledgment', () => {
		const x12 = createX12Acknowledgment(readEdi(corpusFile('valid', 'x12-two-interchanges.x12')), {
			kind: '997',
			ta1: 'always',
			acceptedSets: true,
			controlNumber: 8,
			now: NOW,
		})!;
		expect(x12.text.split('~').filter((line) => /^(TA1|AK1|GS|IEA)/.test(line))).toEqual([
			'TA1*000000307*261201*0930*A*000',
			'TA1*000000308*261201*0930*A*000',
			'GS*FA*GLOBEXRETAIL*ACMESUPPLY*20261207*1030*8*X*004010',
			'AK1*PO*7',
			'AK1*IN*8',
			'IEA*1*000000008',
		]);
		const contrl = createContrl(readEdi(corpusFile('valid', 'edifact-two-interchanges.edi')), {
			acceptedSets: false,
			controlNumber: 9,
			now: NOW,
		})!;
		expect(contrl.text.split("'").filter((line) => /^(UNH|UCI|UNT|UNZ)/.test(line))).toEqual([
			'UNH+1+CONTRL:D:3:UN',
			'UCI+EF0004+ACMESUPPLY:ZZ+GLOBEXRETAIL:ZZ+7',
			'UNT+3+1',
			'UNH+2+CONTRL:D:3:UN',
			'UCI+EF0005+ACMESUPPLY:ZZ+GLOBEXRETAIL:ZZ+7',
			'UNT+3+2',
			'UNZ+2+9',
		]);
	});

	it('adds a TA1 "when requested" for each interchange whose ISA14 asks, not for all of them', () => {
		const text = corpusFile('valid', 'x12-two-interchanges.x12').toString('latin1');
		const second = text.indexOf('ISA', 10);
		// ISA14 of the second interchange only: the 15th element of its ISA.
		const asking = text.slice(0, second) + text.slice(second).replace(/\*0\*P\*/, '*1*P*');
		const ack = createX12Acknowledgment(readEdi(asking), {
			kind: '997',
			ta1: 'whenRequested',
			acceptedSets: false,
			controlNumber: 8,
			now: NOW,
		})!;
		expect(ack.text.split('~').filter((line) => line.startsWith('TA1'))).toEqual([
			'TA1*000000308*261201*0930*A*000',
		]);
	});

	it('answers no interchange that carries only acknowledgments, not even with a TA1', () => {
		const options = { kind: '997', ta1: 'always', acceptedSets: true, now: NOW } as const;
		const orders = readEdi(corpusFile('valid', 'x12-004010-orders-and-invoices.x12'));
		const ack = createX12Acknowledgment(orders, { ...options, controlNumber: 8 })!;
		expect(ack.answered).toEqual(orders);
		expect(createX12Acknowledgment(readEdi(ack.text), { ...options, controlNumber: 9 })).toBe(
			undefined,
		);
		// The 997's interchange as if the orders' sender had sent it, then the orders again: only
		// the orders are answered.
		const turned = ack.text.replace(
			'ZZ*GLOBEXRETAIL   *ZZ*ACMESUPPLY     ',
			'ZZ*ACMESUPPLY     *ZZ*GLOBEXRETAIL   ',
		);
		const both = readEdi(turned + corpusFile('valid', 'x12-004010-orders-and-invoices.x12'));
		expect(both[0].findings).toEqual([]);
		const answer = createX12Acknowledgment(both, { ...options, controlNumber: 10 })!;
		expect(answer.answered).toEqual([both[1]]);
		expect(answer.text.match(/~TA1\*/g)).toHaveLength(1);
	});

	it('never says 7 (acknowledged) under a CONTRL action 4 (this level and all below rejected)', () => {
		const contrl = createContrl(readEdi(corpusFile('defects', 'edifact-unz01-count-wrong.edi')), {
			acceptedSets: true,
			controlNumber: 9,
			now: NOW,
		})!;
		const lines = contrl.text.split("'");
		expect(lines.filter((line) => line.startsWith('UCI'))).toEqual([
			'UCI+EF0103+ACMESUPPLY:ZZ+GLOBEXRETAIL:ZZ+4+29+UNZ+1',
		]);
		const messages = lines.filter((line) => line.startsWith('UCM'));
		expect(messages.length).toBeGreaterThan(0);
		for (const message of messages) expect(message).toMatch(/^UCM\+[^+]+\+[^+]+\+4$/);
		expect(readAcknowledgments(contrl.text).map((item) => item.status)).toEqual(
			messages.map(() => 'rejected'),
		);
	});

	it('reads a CONTRL that only confirms receipt (action 8) as received, not accepted', () => {
		const [item] = readAcknowledgments(
			"UNB+UNOC:3+GLOBEXRETAIL:ZZ+ACMESUPPLY:ZZ+261207:1200+C1'UNH+1+CONTRL:D:3:UN'UCI+EF0101+ACMESUPPLY:ZZ+GLOBEXRETAIL:ZZ+8'UNT+3+1'UNZ+1+C1'",
		);
		expect(item).toMatchObject({
			acknowledgment: 'CONTRL',
			status: 'received',
			acknowledged: { interchange: { controlReference: 'EF0101', status: 'received' } },
		});
	});

	it('reads a CONTRL that answers groups without naming messages as one item per group', () => {
		const items = readAcknowledgments(
			"UNA:+.? 'UNB+UNOC:3+GLOBEX:14+ACME:14+261201:0930+CR1'UNH+1+CONTRL:D:3:UN'UCI+EF0004+ACME:14+GLOBEX:14+7'" +
				"UCF+G1+ACME:14+GLOBEX:14+4+25'UCF+G2+ACME:14+GLOBEX:14+7'UNT+5+1'UNZ+1+CR1'",
		);
		expect(items.map((item) => [(item.acknowledged as Json).group, item.status])).toEqual([
			[{ controlNumber: 'G1', status: 'rejected' }, 'rejected'],
			[{ controlNumber: 'G2', status: 'accepted' }, 'accepted'],
		]);
		expect(items[0].errors).toEqual([
			{ level: 'group', code: '25', message: expect.stringMatching(/^\S/) },
		]);
	});

	it('reads a group its CONTRL rejects without naming messages, beside another group’s messages', () => {
		// G1's UNE miscounts (the group is rejected, its message has no error of its own); G2's
		// one message lacks its BGM. Without accepted sets the CONTRL lists only G2's message.
		const message = (reference: string, bgm: boolean) =>
			`UNH+${reference}+INVOIC:D:96A:UN'${bgm ? `BGM+380+IN-${reference}+9'` : ''}DTM+137:20261201:102'UNS+S'MOA+77:10'UNT+${bgm ? 6 : 5}+${reference}'`;
		const [interchange] = readEdi(
			"UNB+UNOC:3+NORTHWIND:ZZ+SOUTHBAY:ZZ+261201:0930+NW77'" +
				`UNG+INVOIC+NORTHWIND:ZZ+SOUTHBAY:ZZ+261201:0930+G1+UN+D:96A'${message('1', true)}UNE+2+G1'` +
				`UNG+INVOIC+NORTHWIND:ZZ+SOUTHBAY:ZZ+261201:0930+G2+UN+D:96A'${message('2', false)}UNE+1+G2'` +
				"UNZ+2+NW77'",
		);
		const contrl = createContrl(interchange, { acceptedSets: false, controlNumber: 8, now: NOW })!;
		expect(contrl.text).toContain("UCF+G1+NORTHWIND:ZZ+SOUTHBAY:ZZ+4+29+UNE+1'UCF+G2+");
		const items = readAcknowledgments(contrl.text);
		expect(
			items.map((item) => {
				const { group, transactionSet } = item.acknowledged as Json;
				return [
					(group as Json).controlNumber,
					(transactionSet as Json | undefined)?.controlNumber,
					item.status,
				];
			}),
		).toEqual([
			['G1', undefined, 'rejected'],
			['G2', '2', 'rejected'],
		]);
	});

	it('reads a CONTRL that accepts the interchange (7) but rejects a message under it as partially accepted there', () => {
		// Action 7: "this level acknowledged, lower levels too unless explicitly rejected".
		const items = readAcknowledgments(
			"UNB+UNOC:3+GLOBEX:14+ACME:14+261201:0930+CR2'UNH+1+CONTRL:D:3:UN'UCI+EF0006+ACME:14+GLOBEX:14+7'" +
				"UCM+1+INVOIC:D:96A:UN+7'UCM+2+INVOIC:D:96A:UN+4+12'UCF+G3+ACME:14+GLOBEX:14+7'UCM+3+INVOIC:D:96A:UN+4'" +
				"UCF+G4+ACME:14+GLOBEX:14+7'UCM+4+INVOIC:D:96A:UN+7'UNT+9+1'UNZ+1+CR2'",
		);
		expect(
			items.map((item) => {
				const { interchange, group, transactionSet } = item.acknowledged as Json;
				return [
					(interchange as Json).status,
					(group as Json | undefined)?.status,
					(transactionSet as Json).controlNumber,
					item.status,
				];
			}),
		).toEqual([
			['partiallyAccepted', undefined, '1', 'accepted'],
			['partiallyAccepted', undefined, '2', 'rejected'],
			['partiallyAccepted', 'partiallyAccepted', '3', 'rejected'],
			['partiallyAccepted', 'accepted', '4', 'accepted'],
		]);
	});

	it('says in words what a 999’s implementation codes (I4…I13) mean', () => {
		const isa =
			'ISA*00*          *00*          *ZZ*GLOBEXRETAIL   *ZZ*ACMESUPPLY     *261207*1200*^*00501*000000603*0*P*:~';
		const body =
			'AK1*HC*17*005010X222A1~AK2*837*0001*005010X222A1~IK3*NM1*4*2010BA*I4~IK4*9*67*I12*X~IK5*R*I5~AK9*R*1*1*0~';
		const [item] = readAcknowledgments(
			`${isa}GS*FA*GLOBEXRETAIL*ACMESUPPLY*20261207*1200*603*X*005010X231A1~ST*999*0001*005010X231A1~${body}SE*8*0001~GE*1*603~IEA*1*000000603~`,
		);
		expect((item.errors as Json[]).map((error) => error.message)).toEqual([
			'One or more segments break the implementation guide',
			'The implementation guide does not use this segment: NM1 at position 4',
			'The value does not match the pattern the implementation guide requires: element 9 of NM1 (NM109, data element 67)',
		]);
	});

	it('refuses to answer interchanges from different partners in one acknowledgment', () => {
		const text = corpusFile('valid', 'x12-two-interchanges.x12').toString('latin1');
		const second = text.indexOf('ISA', 10);
		const mixed = text.slice(0, second) + text.slice(second).replace('ACMESUPPLY', 'OTHERPARTY');
		expect(() =>
			createX12Acknowledgment(readEdi(mixed), {
				kind: '997',
				ta1: 'never',
				acceptedSets: false,
				controlNumber: 1,
				now: NOW,
			}),
		).toThrow(MixedPartnersError);
	});

	it('reads every group of a 997 that answers several, one AK1 to AK9 after another', () => {
		const isa =
			'ISA*00*          *00*          *ZZ*GLOBEXRETAIL   *ZZ*ACMESUPPLY     *261207*1200*U*00401*000000602*0*P*>~';
		const body =
			'AK1*PO*7~AK2*850*0001~AK5*A~AK9*A*1*1*1~AK1*IN*8~AK2*810*0001~AK5*R*5~AK9*R*1*1*0~';
		const items = readAcknowledgments(
			`${isa}GS*FA*GLOBEXRETAIL*ACMESUPPLY*20261207*1200*602*X*004010~ST*997*0001~${body}SE*10*0001~GE*1*602~IEA*1*000000602~`,
		);
		expect(
			items.map((item) => {
				const { group, transactionSet } = item.acknowledged as Json;
				return [(group as Json).controlNumber, (transactionSet as Json).code, item.status];
			}),
		).toEqual([
			['7', '850', 'accepted'],
			['8', '810', 'rejected'],
		]);
	});

	it('reads a 997 answering 150,000 sets into as many items', () => {
		const items = readAcknowledgments(bigFunctionalAcknowledgment(150_000));
		expect(items).toHaveLength(150_000);
		expect(items[149_999]).toMatchObject({
			status: 'rejected',
			acknowledged: { transactionSet: { code: '850', controlNumber: '150000' } },
		});
	});

	it('says so when the file holds no acknowledgment', () => {
		expect(() =>
			readAcknowledgments(corpusFile('valid', 'x12-004010-orders-and-invoices.x12')),
		).toThrow(NotAnAcknowledgmentError);
	});

	it('takes control numbers from 1 to 999999999 only', () => {
		expect(checkControlNumber(1)).toBe(1);
		expect(checkControlNumber('000123')).toBe(123);
		for (const bad of [0, -1, 1.5, 1_000_000_000, '12abc', '', null, undefined]) {
			expect(() => checkControlNumber(bad)).toThrow(/whole number from 1 to 999999999/);
		}
	});
});
