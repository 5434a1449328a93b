import { readAcknowledgments } from '../../../nodes/shared/edi';

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
