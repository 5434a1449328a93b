import { sample } from '../../../simulator';
import { detectStandard, readEnvelopes } from '../../../simulator/world/edi';

test('standards are detected from the first bytes', () => {
	expect(detectStandard(sample('x12-850-purchase-order.edi'))).toBe('X12');
	expect(detectStandard(sample('edifact-orders.edi'))).toBe('EDIFACT');
	expect(detectStandard(sample('edifact-invoic.edi'))).toBe('EDIFACT');
	expect(detectStandard(Buffer.from('  <?xml version="1.0"?><a/>'))).toBe('XML');
	expect(detectStandard(Buffer.from('plain notes\n'))).toBe('TXT');
	expect(detectStandard(Buffer.from([0xff, 0xfe, 0x00, 0x01]))).toBe('Binary');
});

test('X12 envelopes: sender, receiver, ISA13 as the raw string, first ST code', () => {
	expect(readEnvelopes(sample('x12-850-purchase-order.edi'))).toEqual([
		expect.objectContaining({
			standard: 'X12',
			senderQualifier: 'ZZ',
			senderId: 'GLOBEXRETAIL',
			receiverQualifier: 'ZZ',
			receiverId: 'ACMEFOODS',
			controlId: '000000101',
			documentType: '850',
		}),
	]);
});

test('X12 with non-default delimiters (| ^ and newline segments)', () => {
	const [envelope] = readEnvelopes(sample('x12-856-ship-notice.edi'));
	expect(envelope).toMatchObject({
		senderId: 'ACMEFOODS',
		controlId: '000000203',
		documentType: '856',
	});
});

test('EDIFACT with and without UNA', () => {
	expect(readEnvelopes(sample('edifact-orders.edi'))[0]).toMatchObject({
		senderId: 'GLOBEXRETAIL',
		receiverId: 'ACMEFOODS',
		receiverQualifier: 'ZZ',
		controlId: 'GX000301',
		documentType: 'ORDERS',
	});
	expect(readEnvelopes(sample('edifact-invoic.edi'))[0]).toMatchObject({
		senderId: 'ACMEFOODS',
		controlId: 'AC000401',
		documentType: 'INVOIC',
	});
});

test('a truncated ISA, or something that is not EDI, has no envelope', () => {
	expect(readEnvelopes(sample('x12-850-purchase-order.edi').subarray(0, 80))).toEqual([]);
	expect(readEnvelopes(Buffer.from('hello'))).toEqual([]);
});

test('two interchanges in one file are two envelopes', () => {
	const two = Buffer.concat([sample('x12-810-invoice.edi'), sample('x12-997-acknowledgment.edi')]);
	expect(readEnvelopes(two).map((e) => e.controlId)).toEqual(['000000202', '000000204']);
});
