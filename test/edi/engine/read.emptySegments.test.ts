import { readAcknowledgments, readEdi, readItems, type Json } from '../../../nodes/shared/edi';
import { acknowledge } from './acknowledgment.support';

/** One set of `code` in an 004010 group, with `body` between ST and SE. */
function interchange(code: string, body: string[]): string {
	const segments = [`ST*${code}*0001`, ...body];
	return (
		'ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*GLOBEXRETAIL   *261201*0930*U*00401*000000601*0*P*>~' +
		'GS*PO*ACMESUPPLY*GLOBEXRETAIL*20261201*0930*8*X*004010~' +
		segments.join('~') +
		`~SE*${segments.length + 1}*0001~GE*1*8~IEA*1*000000601~`
	);
}

const order = (...lines: string[]) =>
	interchange('850', ['BEG*00*SA*PO-1**20261201', 'PO1*1*1*EA*1.00**VN*A-1', ...lines, 'CTT*1']);

function segmentErrors(text: string): unknown[][] {
	const [item] = readItems(readEdi(text), 'set');
	return (item.errors as Json[])
		.filter((error) => error.level !== 'set')
		.map((error) => [error.code, error.segment, error.position, error.element]);
}

describe('X12 segments with no data (AK3 / IK3 code 8)', () => {
	it.each(['PID', 'PID*', 'PID***', 'PID**>'])(
		'rejects %s~ in a known set, in a sentence, with its loop',
		(segment) => {
			const [item] = readItems(readEdi(order(segment)), 'set');
			expect(item).toMatchObject({ status: 'rejected', valid: false });
			expect(item.errors).toEqual([
				{
					level: 'segment',
					code: '8',
					segment: 'PID',
					position: 4,
					loop: 'PID',
					message:
						'Segment PID at position 4 holds no data: X12 allows no segment without a value in at least one element',
				},
				expect.objectContaining({ level: 'set', code: '5' }),
			]);
		},
	);

	it('names the mandatory elements it knows an empty segment lacks, once', () => {
		expect(
			segmentErrors(interchange('850', ['BEG*00*SA*PO-1**20261201', 'N1', 'PO1*1', 'CTT*1'])),
		).toEqual([
			['8', 'N1', 3, undefined],
			['1', 'N1', 3, 1],
		]);
	});

	it('rejects an empty segment in a set whose structure it does not know', () => {
		const text = interchange('864', ['BMG*00*NOTICE', 'MIT*1', 'MSG*', 'MSG*HELLO']);
		expect(readItems(readEdi(text), 'set')[0].status).toBe('rejected');
		expect(segmentErrors(text)).toEqual([['8', 'MSG', 4, undefined]]);
	});

	it('accepts segments that hold a value anywhere, and leaves a set unchecked on request', () => {
		expect(segmentErrors(order('PID*F****WIDGET', 'PID***>X'))).toEqual([]);
		const text = interchange('864', ['BMG*00*NOTICE', 'MSG']);
		const [item] = readItems(readEdi(text, { validateStructure: false }), 'set');
		expect(item.errors).toEqual([]);
	});

	it('says so in a 997 and a 999, and Read Acknowledgment reads it back', () => {
		const [read] = readEdi(order('PID'));
		for (const kind of ['997', '999'] as const) {
			const ack = acknowledge(read, kind)!.text;
			const letter = kind === '997' ? 'AK' : 'IK';
			expect(ack).toContain(`~${letter}3*PID*4*PID*8~${letter}5*R*5~`);
			const [item] = readAcknowledgments(ack).filter((each) => each.acknowledgment === kind);
			expect(item.status).toBe('rejected');
			expect(item.errors).toContainEqual(
				expect.objectContaining({ level: 'segment', code: '8', segment: 'PID', position: 4 }),
			);
		}
	});
});
