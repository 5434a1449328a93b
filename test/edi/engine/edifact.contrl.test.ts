import { createContrl, readAcknowledgments, readEdi, readItems } from '../../../nodes/shared/edi';

const NOW = new Date('2026-12-01T10:00:00Z');
const UNB = "UNB+UNOC:3+ACMESUPPLY:14+GLOBEXRETAIL:14+261201:0930+EF0502'";
const ORDERS = "UNH+1+ORDERS:D:96A:UN'BGM+220+PO-1+9'DTM+137:20261201:102'UNS+S'UNT+5+1'";
const ung = (reference: string) =>
	`UNG+ORDERS+ACMESUPPLY:14+GLOBEXRETAIL:14+261201:0930+${reference}+UN+D:96A'`;

/** The CONTRL's segments from UCI on, as written. */
const contrlOf = (text: string) =>
	createContrl(readEdi(text), { acceptedSets: true, controlNumber: 9, now: NOW })!
		.text.split("'")
		.filter((line) => /^UC/.test(line));

describe('EDIFACT CONTRL from a partner: every syntax error code in words', () => {
	it('says what codes this engine never writes mean (0085: 22, 23, 37, 45…), not "Code 23"', () => {
		const contrl =
			"UNB+UNOC:3+GLOBEXRETAIL:14+ACMESUPPLY:14+261201:0945+7001'" +
			"UNH+1+CONTRL:D:3:UN'UCI+EF0501+ACMESUPPLY:14+GLOBEXRETAIL:14+4+23+UNB+2'" +
			"UCM+1+ORDERS:D:96A:UN+4+45+BGM'UCS+4'UCD+37+2:1'UCS+6+22'UNT+7+1'UNZ+1+7001'";
		const [item] = readAcknowledgments(contrl);
		expect(item).toMatchObject({ acknowledgment: 'CONTRL', status: 'rejected' });
		expect((item.errors as Array<{ message: string }>).map((error) => error.message)).toEqual([
			'The interchange sender is unknown (UNB)',
			'A separator stands right before a segment terminator or another separator (trailing separator) (BGM)',
			'A character is of the wrong type (a letter in a numeric element, or a digit in an alphabetic one): element 2:1 of the segment at position 4',
			'A service character is not the one the UNA declares, or not a default one: segment at position 6',
		]);
	});
});

describe('EDIFACT: an interchange or group that holds no message (0085 code 32)', () => {
	it('rejects an empty interchange, and its CONTRL says so (UCI 4, 32), as Read Acknowledgment reads back', () => {
		const text = `${UNB}UNZ+0+EF0502'`;
		const [item] = readItems(readEdi(text), 'set');
		expect(item).toMatchObject({ status: 'rejected', valid: false });
		expect(item.errors).toContainEqual({
			level: 'interchange',
			code: '32',
			message: 'Interchange EF0502 holds no message',
		});
		expect(contrlOf(text)).toEqual(['UCI+EF0502+ACMESUPPLY:14+GLOBEXRETAIL:14+4+32']);
		const [ack] = readAcknowledgments(
			createContrl(readEdi(text), { acceptedSets: true, controlNumber: 9, now: NOW })!.text,
		);
		expect(ack).toMatchObject({
			status: 'rejected',
			acknowledged: { interchange: { controlReference: 'EF0502', status: 'rejected' } },
			errors: [{ level: 'interchange', code: '32' }],
		});
	});

	it('rejects an empty UNG group beside a full one, whose message stays accepted', () => {
		const text = `${UNB}${ung('G1')}${ORDERS}UNE+1+G1'${ung('G2')}UNE+0+G2'UNZ+2+EF0502'`;
		const groups = readItems(readEdi(text), 'group');
		expect(groups.map((group) => [group.controlNumber, group.status])).toEqual([
			['G1', 'accepted'],
			['G2', 'rejected'],
		]);
		expect(contrlOf(text)).toEqual([
			'UCI+EF0502+ACMESUPPLY:14+GLOBEXRETAIL:14+7',
			'UCF+G1+ACMESUPPLY:14+GLOBEXRETAIL:14+7',
			'UCM+1+ORDERS:D:96A:UN+7',
			'UCF+G2+ACMESUPPLY:14+GLOBEXRETAIL:14+4+32',
		]);
	});
});

describe('EDIFACT CONTRL: the service characters it is written in', () => {
	it('writes the UNA of a version 4 interchange that declared no repetition separator, so a * echoed stays whole', () => {
		const text =
			"UNA:+.? 'UNB+UNOC:4+ACME*EU:14+GLOBEXRETAIL:14+20261201:0930+EF*0503'" +
			`${ORDERS}UNZ+1+EF*0503'`;
		const contrl = createContrl(readEdi(text), {
			acceptedSets: false,
			controlNumber: 9,
			now: NOW,
		})!.text;
		expect(contrl.startsWith("UNA:+.? 'UNB+UNOC:4+GLOBEXRETAIL:14+ACME*EU:14+")).toBe(true);
		expect(readAcknowledgments(contrl)).toMatchObject([
			{
				status: 'accepted',
				acknowledged: { interchange: { controlReference: 'EF*0503', sender: 'ACME*EU' } },
			},
		]);
	});
});
