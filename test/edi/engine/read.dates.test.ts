import { readAcknowledgments, readEdi, readItems, type Json } from '../../../nodes/shared/edi';
import { isX12Date, isX12Time } from '../../../nodes/shared/edi/structure';
import { acknowledge } from './acknowledgment.support';

/** One 850 in a group of `version`, with the segments given between BEG and CTT. */
function order(beg: string, body: string[], version = '004010'): string {
	const segments = ['ST*850*0001', beg, ...body, 'PO1*1*1*EA*1.00**VN*A-1', 'CTT*1'];
	return (
		'ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*GLOBEXRETAIL   *261201*0930*U*00401*000000501*0*P*>~' +
		`GS*PO*ACMESUPPLY*GLOBEXRETAIL*20261201*0930*7*X*${version}~` +
		segments.join('~') +
		`~SE*${segments.length + 1}*0001~GE*1*7~IEA*1*000000501~`
	);
}

const BEG = (date: string) => `BEG*00*SA*PO-1**${date}`;

function errorsOf(text: string): Json[] {
	const [item] = readItems(readEdi(text), 'set');
	return item.errors as Json[];
}

describe('X12 date and time elements (AK4 / IK4 codes 8 and 9)', () => {
	it('accepts real dates in CCYYMMDD and times of four to eight digits', () => {
		const text = order(BEG('20240229'), [
			'DTM*002*20261231*0000',
			'DTM*010*20000229*235959',
			'DTM*011*20261201*2359591',
			'DTM*017*20261201*23595999',
			'DTM*018**0930',
		]);
		const [item] = readItems(readEdi(text), 'set');
		expect(item.errors).toEqual([]);
		expect(item.status).toBe('accepted');
	});

	it('rejects a date that is not one, naming the element, copying the value, in a sentence', () => {
		const [item] = readItems(readEdi(order(BEG('20261332'), [])), 'set');
		expect(item).toMatchObject({ status: 'rejected', valid: false });
		expect(item.errors).toEqual([
			{
				level: 'segment',
				code: '8',
				segment: 'BEG',
				position: 2,
				message: 'Segment BEG at position 2 has element errors',
			},
			{
				level: 'element',
				code: '8',
				segment: 'BEG',
				position: 2,
				element: 5,
				reference: 'BEG05',
				data: '20261332',
				message: 'BEG05 (segment BEG at position 2) is 20261332, which is not a date (CCYYMMDD)',
			},
			expect.objectContaining({ level: 'set', code: '5' }),
		]);
	});

	it.each([
		['20260229', 'no 29 February in 2026'],
		['19000229', '1900 is no leap year'],
		['20260431', 'April has 30 days'],
		['20260001', 'no month 0'],
		['20261200', 'no day 0'],
		['261201', 'six digits (YYMMDD) from 004010 on'],
		['2026121', 'seven digits'],
		['2026-12-01', 'ISO, not X12'],
		['ABCDEFGH', 'no digits'],
	])('rejects the date %s (%s)', (date) => {
		expect(errorsOf(order(BEG(date), [])).map((error) => [error.code, error.data])).toEqual([
			['8', undefined],
			['8', date],
			['5', undefined],
		]);
	});

	it.each([
		['2400', 'no hour 24'],
		['0960', 'no minute 60'],
		['093060', 'no second 60'],
		['093', 'three digits'],
		['093015123', 'nine digits'],
		['09:30', 'ISO, not X12'],
	])('rejects the time %s (%s) with code 9', (time) => {
		const errors = errorsOf(order(BEG('20261201'), [`DTM*002*20261201*${time}`]));
		expect(errors.filter((error) => error.level === 'element')).toEqual([
			{
				level: 'element',
				code: '9',
				segment: 'DTM',
				position: 3,
				element: 3,
				reference: 'DTM03',
				data: time,
				message: `DTM03 (segment DTM at position 3) is ${time}, which is not a time (HHMM, HHMMSS, HHMMSSd or HHMMSSdd)`,
			},
		]);
	});

	it('lists a mandatory element missing and a bad date of one segment in element order', () => {
		const errors = errorsOf(order('BEG*00*SA***20261301', []));
		expect(errors.map((error) => [error.level, error.code, error.element])).toEqual([
			['segment', '8', undefined],
			['element', '1', 3],
			['element', '8', 5],
			['set', '5', undefined],
		]);
	});

	it('checks dates inside loops too, and leaves an empty date or time alone', () => {
		const errors = errorsOf(
			order(BEG('20261201'), ['DTM*002**1261', 'N9*ZZ*1', 'DTM*002*20261301', 'N1*ST*DC 4']),
		);
		expect(
			errors
				.filter((error) => error.level === 'element')
				.map((error) => [error.reference, error.position, error.code]),
		).toEqual([
			['DTM03', 3, '9'],
			['DTM02', 5, '8'],
		]);
	});

	it('does not hold a group before 004010 (six-digit dates) to eight-digit dates', () => {
		const [item] = readItems(readEdi(order(BEG('261201'), ['DTM*002*261215'], '003040')), 'set');
		expect(item.errors).toEqual([]);
		expect(item.status).toBe('accepted');
	});

	it('gives the codes, reference numbers and bad values back through a 997 and a 999', () => {
		const [interchange] = readEdi(order(BEG('20261332'), ['DTM*002*20261201*2500']));
		for (const kind of ['997', '999'] as const) {
			const ack = acknowledge(interchange, kind)!.text;
			const letter = kind === '997' ? 'AK' : 'IK';
			expect(ack).toContain(`~${letter}3*BEG*2**8~${letter}4*5*373*8*20261332~`);
			expect(ack).toContain(`~${letter}3*DTM*3**8~${letter}4*3*337*9*2500~`);
			const [item] = readAcknowledgments(ack).filter((each) => each.acknowledgment === kind);
			expect(item.status).toBe('rejected');
			expect(
				(item.errors as Json[])
					.filter((error) => error.level === 'element')
					.map((error) => [error.reference, error.referenceNumber, error.code, error.data]),
			).toEqual([
				['BEG05', '373', '8', '20261332'],
				['DTM03', '337', '9', '2500'],
			]);
		}
	});
});

describe('the X12 date and time forms', () => {
	it('knows leap years and month lengths', () => {
		expect(['20000229', '20240229', '20261231', '20260930'].map(isX12Date)).toEqual([
			true,
			true,
			true,
			true,
		]);
		expect(['21000229', '20260931', '20261232', ''].map(isX12Date)).toEqual([
			false,
			false,
			false,
			false,
		]);
	});

	it('takes HHMM with seconds and up to two decimal places', () => {
		expect(['0000', '2359', '235959', '2359599', '23595999'].map(isX12Time)).toEqual([
			true,
			true,
			true,
			true,
			true,
		]);
		expect(['', '235', '2360', '235960', '235959999', '-100'].map(isX12Time)).toEqual([
			false,
			false,
			false,
			false,
			false,
			false,
		]);
	});
});
