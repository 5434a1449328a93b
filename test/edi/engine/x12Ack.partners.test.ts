import { readAcknowledgments, type Json } from '../../../nodes/shared/edi';

/*
 * Read Acknowledgment on 997s, 999s and TA1s as trading partners send them: several loops and
 * codes per segment, 005010's context segments, and acknowledgments that are themselves damaged.
 */

const ISA_4010 =
	'ISA*00*          *00*          *ZZ*GLOBEXRETAIL   *ZZ*ACMESUPPLY     *261207*1200*U*00401*000000602*0*P*>~';
const ISA_5010 =
	'ISA*00*          *00*          *ZZ*GLOBEXRETAIL   *ZZ*ACMESUPPLY     *261207*1200*^*00501*000000603*0*P*:~';

/** One 997 or 999 around `body` (AK1…AK9 segments), with counts that match. */
function functionalAck(kind: '997' | '999', body: string): string {
	const segments = body.split('~').filter(Boolean).length + 2;
	const version = kind === '999' ? '005010X231A1' : '004010';
	const st = kind === '999' ? 'ST*999*0001*005010X231A1' : 'ST*997*0001';
	return (
		(kind === '999' ? ISA_5010 : ISA_4010) +
		`GS*FA*GLOBEXRETAIL*ACMESUPPLY*20261207*1200*602*X*${version}~${st}~${body}` +
		`SE*${segments}*0001~GE*1*602~IEA*1*${kind === '999' ? '000000603' : '000000602'}~`
	);
}

const messages = (item: Json) => (item.errors as Json[]).map((error) => error.message);

describe('Read Acknowledgment: acknowledgments as partners send them', () => {
	it('says what a 999’s segment codes I6 and I9 mean: a situational segment missing, or present', () => {
		const [item] = readAcknowledgments(
			functionalAck(
				'999',
				'AK1*HC*17*005010X222A1~AK2*837*0001*005010X222A1~IK3*REF*9*2300*I6~IK3*PWK*12*2300*I9~IK5*R*I5~AK9*R*1*1*0~',
			),
		);
		expect(messages(item)).toEqual([
			'One or more segments break the implementation guide',
			'A segment the implementation guide requires in this situation is missing: REF at position 9',
			'A segment the implementation guide does not use in this situation is present: PWK at position 12',
		]);
	});
});

describe('Read Acknowledgment: codes of every level, in words', () => {
	it('reads several AK5 codes and several AK9 codes, each in words, group codes first', () => {
		const [item] = readAcknowledgments(
			functionalAck('997', 'AK1*PO*7~AK2*850*0001~AK5*R*2*3*4*5*23~AK9*R*1*1*0*3*4*5*6*1~'),
		);
		expect((item.errors as Json[]).map((error) => `${error.level} ${error.code}`)).toEqual([
			'group 3',
			'group 4',
			'group 5',
			'group 6',
			'group 1',
			'set 2',
			'set 3',
			'set 4',
			'set 5',
			'set 23',
		]);
		expect(messages(item)).not.toContainEqual(expect.stringMatching(/^Code /));
	});

	it('reads AK905 code 19 as the 997’s own version defines it', () => {
		const ak9 = (kind: '997' | '999') =>
			messages(readAcknowledgments(functionalAck(kind, 'AK1*PO*7*005010~AK9*R*1*0*0*19*6~'))[0]);
		expect(ak9('999')).toEqual([
			'The group control number is not unique in the interchange',
			'The group control number is not valid',
		]);
		expect(ak9('997')).toEqual([
			'A security check failed (authentication, encryption or security segments)',
			'The group control number is not valid or was used before',
		]);
	});

	it('says why a set or group is rejected for security reasons (AK501 / AK901 M, W, X)', () => {
		const items = readAcknowledgments(
			functionalAck('997', 'AK1*PO*7~AK2*850*0001~AK5*M~AK2*850*0002~AK5*W~AK9*X*2*2*0~'),
		);
		expect(items.map((item) => [item.status, messages(item)])).toEqual([
			[
				'rejected',
				[
					'Rejected: the content could not be analyzed after decryption',
					'Rejected: the message authentication code failed',
				],
			],
			[
				'rejected',
				[
					'Rejected: the content could not be analyzed after decryption',
					'Rejected: the assurance (security) checks failed',
				],
			],
		]);
	});

	it('reads TA1 notes up to 032 in words', () => {
		const items = readAcknowledgments(
			`${ISA_5010}TA1*000000101*261201*0930*R*032~TA1*000000102*261201*0930*R*031~IEA*0*000000603~`,
		);
		expect(items.map(messages)).toEqual([
			['The repetition separator is not valid'],
			['The grade of service code is not valid'],
		]);
	});
});

describe('Read Acknowledgment: where an element error is', () => {
	it('reads IK401’s component and repetition positions', () => {
		const [item] = readAcknowledgments(
			functionalAck(
				'999',
				'AK1*HC*17*005010X222A1~AK2*837*0001~IK3*HI*14*2300*8~IK4*1:2:3*1271*I6*XYZ~IK5*R*5~AK9*R*1*1*0~',
			),
		);
		expect((item.errors as Json[])[2]).toMatchObject({
			level: 'element',
			code: 'I6',
			segment: 'HI',
			position: 14,
			element: 1,
			component: 2,
			repetition: 3,
			reference: 'HI01',
			referenceNumber: '1271',
			data: 'XYZ',
		});
	});
});

describe('Read Acknowledgment: a 999’s context segments (CTX)', () => {
	it('reads the business unit and the segment context after IK3, and the element context after IK4', () => {
		const [item] = readAcknowledgments(
			functionalAck(
				'999',
				'AK1*HC*17*005010X222A1~AK2*837*0001*005010X222A1~IK3*NM1*4*2010BA*8~CTX*CLM01:ABC123~' +
					'CTX*SITUATIONAL TRIGGER*CLM*22**5:2~IK4*9*67*I12*X~CTX*SITUATIONAL TRIGGER*NM1*4*2010BA*8*66~' +
					'IK5*R*5~AK9*R*1*1*0~',
			),
		);
		const [, segment, element] = item.errors as Json[];
		expect(segment).toMatchObject({
			level: 'segment',
			code: '8',
			segment: 'NM1',
			position: 4,
			businessUnit: { reference: 'CLM01', value: 'ABC123' },
			context: [
				{ name: 'SITUATIONAL TRIGGER', segment: 'CLM', position: 22, element: 5, component: 2 },
			],
			message:
				'The segment has data element errors: NM1 at position 4 (business unit CLM01 ABC123; situational trigger CLM05-2 at position 22)',
		});
		expect(element).toMatchObject({
			level: 'element',
			code: 'I12',
			reference: 'NM109',
			businessUnit: { reference: 'CLM01', value: 'ABC123' },
			context: [
				{
					name: 'SITUATIONAL TRIGGER',
					segment: 'NM1',
					position: 4,
					loop: '2010BA',
					element: 8,
					referenceNumber: '66',
				},
			],
			message:
				'The value does not match the pattern the implementation guide requires: element 9 of NM1 (NM109, data element 67) (business unit CLM01 ABC123; situational trigger NM108 at position 4 in loop 2010BA)',
		});
	});

	it('reads a CTX with nothing before it to belong to, or with empty parts, without failing', () => {
		const items = readAcknowledgments(
			functionalAck(
				'999',
				'AK1*HC*17*005010X222A1~CTX*CLM01:ABC~AK2*837*0001~CTX~IK3*NM1*4**8~CTX*:~CTX**CLM*X~IK5*R*5~AK9*R*1*1*0~',
			),
		);
		expect(items).toHaveLength(1);
		expect(messages(items[0])).toEqual([
			'One or more segments are in error',
			'The segment has data element errors: NM1 at position 4 (context CLM)',
		]);
	});
});

describe('Read Acknowledgment: TA1s alone and beside a 997', () => {
	it('reads a TA1 alone, and a TA1 beside a 997 in one interchange, each as its own item', () => {
		const alone = readAcknowledgments(
			`${ISA_4010}TA1*000000101*261201*0930*R*022~IEA*0*000000602~`,
		);
		expect(alone).toEqual([
			expect.objectContaining({
				acknowledgment: 'TA1',
				status: 'rejected',
				acknowledged: {
					interchange: { controlNumber: '000000101', date: '261201', time: '0930' },
				},
			}),
		]);
		const beside = readAcknowledgments(
			functionalAck('997', 'AK1*PO*7~AK9*A*1*1*1~').replace(
				ISA_4010,
				`${ISA_4010}TA1*000000101*261201*0930*E*014~`,
			),
		);
		expect(beside.map((item) => [item.acknowledgment, item.status, messages(item)])).toEqual([
			['TA1', 'acceptedWithErrors', ['The interchange date is not valid']],
			['997', 'accepted', []],
		]);
	});

	it('says so when a TA1’s TA104 is none of A, E and R, and reads it as rejected', () => {
		const [item] = readAcknowledgments(`${ISA_4010}TA1*000000101*261201*0930*P~IEA*0*000000602~`);
		expect(item.status).toBe('rejected');
		expect(item.errors).toEqual([
			{
				level: 'acknowledgment',
				code: 'TA104',
				message: 'TA104 "P" is none of A, E and R: read as rejected',
			},
		]);
	});
});

describe('Read Acknowledgment: an acknowledgment that is itself damaged', () => {
	const notes = (item: Json) =>
		(item.errors as Json[])
			.filter((error) => error.level === 'acknowledgment')
			.map((error) => error.message);

	it('keeps a set whose AK5 is missing, with its errors, under the group’s verdict, and says so', () => {
		const items = readAcknowledgments(
			functionalAck(
				'997',
				'AK1*PO*7~AK2*850*0001~AK3*N1*5**8~AK4*2*93*1~AK2*850*0002~AK5*A~AK9*P*2*2*1~',
			),
		);
		expect(items.map((item) => [(item.acknowledged as Json).transactionSet, item.status])).toEqual([
			[{ code: '850', controlNumber: '0001' }, 'partiallyAccepted'],
			[{ code: '850', controlNumber: '0002' }, 'accepted'],
		]);
		expect((items[0].errors as Json[]).map((error) => error.code)).toEqual(['8', '1', 'AK5']);
		expect(notes(items[0])).toEqual([
			'The 997 gives set 850 0001 no AK5: only the group’s verdict (AK9) is known for it',
		]);
	});

	it('says so when the AK9 is missing: the group’s verdict is not known', () => {
		const items = readAcknowledgments(functionalAck('997', 'AK1*PO*7~AK2*850*0001~AK5*A~'));
		expect(items).toHaveLength(1);
		expect(items[0].status).toBe('accepted');
		expect((items[0].acknowledged as Json).group).toEqual({
			functionalId: 'PO',
			controlNumber: '7',
		});
		expect(notes(items[0])).toEqual([
			'The 997 has no AK9 for group PO 7: the group’s verdict and counts are not known',
		]);
	});

	it('says so when the AK1 is missing, or when a 999 holds no group at all', () => {
		const [noAk1] = readAcknowledgments(functionalAck('997', 'AK2*850*0001~AK5*A~AK9*A*1*1*1~'));
		expect(notes(noAk1)).toEqual(['The 997 has no AK1: which group it answers is not known']);
		const [blank] = readAcknowledgments(functionalAck('997', 'AK1~AK2*850*0001~AK5*A~'));
		expect(notes(blank)).toEqual([
			'The 997 has no AK9 for its group: the group’s verdict and counts are not known',
		]);
		const [empty] = readAcknowledgments(functionalAck('999', ''));
		expect(empty.status).toBe('rejected');
		expect(notes(empty)).toEqual(['The 999 holds no AK1 … AK9: it acknowledges no group']);
	});

	it('says where the AK9 contradicts itself or the sets it lists', () => {
		const items = readAcknowledgments(
			functionalAck('997', 'AK1*PO*7~AK2*850*0001~AK5*R*5~AK2*850*0002~AK5*R*5~AK9*A*5*1*3~'),
		);
		expect(items.map((item) => item.status)).toEqual(['rejected', 'rejected']);
		expect(notes(items[0])).toEqual([
			'AK9 says 3 sets accepted of 1 received',
			'AK9 says 1 set received, the 997 lists 2',
			'AK9 says the group is accepted, the 997 rejects 2 of its sets',
		]);
	});

	it('says so when the acknowledgment’s own counts are wrong (SE01)', () => {
		const text = functionalAck('997', 'AK1*PO*7~AK2*850*0001~AK5*A~AK9*A*1*1*1~').replace(
			'SE*6*0001',
			'SE*9*0001',
		);
		const [item] = readAcknowledgments(text);
		expect(item.status).toBe('accepted');
		expect(notes(item)).toEqual([
			'The 997 itself is damaged: SE01 says 9 segments, the set holds 6 (ST to SE)',
		]);
	});
});
