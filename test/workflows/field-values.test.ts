/** Values as a no-code user gives them by expression, each read as its WSDL type. */
import { PARCEL_HANDLERS } from '../../simulator/operations/parcels';
import { runOperation } from '../support/operations';
import { requestsFor, useSimulator } from '../support/workflows';

const sim = useSimulator({ demoParcels: false });

describe('boolean fields by expression', () => {
	it.each([
		[1, 'InBoxReady'],
		['1', 'InBoxReady'],
		[' TRUE ', 'InBoxReady'],
		[0, 'InBoxTransferred'],
		['0', 'InBoxTransferred'],
		['False', 'InBoxTransferred'],
	])('read %j as xs:boolean reads it', async (given, status) => {
		const parcel = sim().dropParcel({ fileName: 'a.edi', content: Buffer.from('ISA~') });
		const result = await runOperation(
			sim(),
			{
				resource: 'parcel',
				operation: 'setStatus',
				parcelId: String(parcel.parcelId),
				parcelStatus: 'InBoxTransferred',
				transLogOnly: '={{ $json.flag }}',
			},
			[{ json: { flag: given } }],
		);
		expect(result.error).toBeUndefined();
		expect(sim().parcel(parcel.parcelId)!.status).toBe(status);
	});

	it('refuses anything else, naming the field and item', async () => {
		const parcel = sim().dropParcel({ fileName: 'a.edi', content: Buffer.from('ISA~') });
		const result = await runOperation(sim(), {
			resource: 'parcel',
			operation: 'setStatus',
			parcelId: String(parcel.parcelId),
			parcelStatus: 'InBoxTransferred',
			transLogOnly: '={{ "yes" }}',
		});
		expect((result.error as { message: string }).message).toMatch(
			/^Invalid Transaction Log Only in item 0/,
		);
	});
});

describe('dateTime results', () => {
	// [I] XmlSerializer writes a DateTime read from SQL Server (DateTimeKind.Unspecified) without
	// a zone; ECGridOS times are UTC. Either reading must give the same instant.
	const zoneless = (date: unknown) => (date as Date).toISOString().replace(/\.\d+Z$/, '');
	it.each([
		['with Z', (date: unknown) => date, '2026-03-04T05:06:07Z'],
		['without a zone', zoneless, '2026-03-04T05:06:07Z'],
		[
			'with fractions, without a zone',
			(date: unknown) => `${zoneless(date)}.1234567`,
			'2026-03-04T05:06:07.1234567Z',
		],
		['with an offset', () => '2026-03-04T00:06:07-05:00', '2026-03-04T00:06:07-05:00'],
	])('say they are UTC when ECGridOS sends them %s', async (_how, write, expected) => {
		const parcel = sim().dropParcel({
			fileName: 'a.edi',
			content: Buffer.from('ISA~'),
		});
		sim().register('ParcelInfo', (context) => {
			const record = PARCEL_HANDLERS.ParcelInfo(context) as Record<string, unknown>;
			return { ...record, ParcelDate: write(new Date('2026-03-04T05:06:07Z')) };
		});
		const result = await runOperation(sim(), {
			resource: 'parcel',
			operation: 'get',
			parcelId: String(parcel.parcelId),
			simplify: false,
		});
		expect(result.error).toBeUndefined();
		const { parcelDate } = result.items[0] as { parcelDate: string };
		expect(parcelDate).toBe(expected);
		expect(Date.parse(parcelDate)).toBe(
			Date.parse('2026-03-04T05:06:07Z') + (expected.includes('.1') ? 123 : 0),
		);
	});
});

describe('enum fields by expression', () => {
	it('take the WSDL name in any case, with blanks around it, and send it as the WSDL spells it', async () => {
		const parcel = sim().dropParcel({ fileName: 'a.edi', content: Buffer.from('ISA~') });
		const result = await runOperation(
			sim(),
			{
				resource: 'parcel',
				operation: 'setStatus',
				parcelId: String(parcel.parcelId),
				parcelStatus: '={{ $json.status }}',
				transLogOnly: false,
			},
			[{ json: { status: ' inboxtransferred ' } }],
		);
		expect(result.error).toBeUndefined();
		expect(sim().parcel(parcel.parcelId)!.status).toBe('InBoxTransferred');
	});

	it('refuses a name the WSDL lacks, naming the field and item', async () => {
		const parcel = sim().dropParcel({ fileName: 'a.edi', content: Buffer.from('ISA~') });
		const result = await runOperation(sim(), {
			resource: 'parcel',
			operation: 'setStatus',
			parcelId: String(parcel.parcelId),
			parcelStatus: '={{ "Transferred" }}',
			transLogOnly: false,
		});
		expect((result.error as { message: string }).message).toMatch(/^Invalid Status in item 0/);
		expect(sim().parcel(parcel.parcelId)!.status).toBe('InBoxReady');
	});
});

describe('dateTime fields by expression', () => {
	// n8n's server in another zone than UTC: a time read as local time would be hours off.
	const zone = process.env.TZ;
	beforeAll(() => (process.env.TZ = 'America/New_York'));
	afterAll(() => (process.env.TZ = zone));
	const sent = async (beginDate: unknown) => {
		const result = await runOperation(
			sim(),
			{
				resource: 'parcel',
				operation: 'searchInBoxArchive',
				beginDate: '={{ $json.beginDate }}',
				endDate: '2026-12-31T00:00:00Z',
				returnAll: true,
				options: { binding: 'httpGet' },
			},
			[{ json: { beginDate } as never }],
		);
		expect(result.error).toBeUndefined();
		const [request] = requestsFor(sim(), 'ParcelInBoxArchive');
		return new URLSearchParams(request.query).get('BeginDate');
	};

	it.each([
		['an ISO time without a zone, read as UTC', '2026-12-01T09:30:00', '2026-12-01T09:30:00.000Z'],
		['an ISO time with a space and no zone', '2026-12-01 09:30', '2026-12-01T09:30:00.000Z'],
		['a date alone', '2026-12-01', '2026-12-01T00:00:00.000Z'],
		['an offset', '2026-12-01T09:30:00+01:00', '2026-12-01T08:30:00.000Z'],
		[
			'a US date and time without a zone, read as UTC',
			'12/01/2026 09:30',
			'2026-12-01T09:30:00.000Z',
		],
		["JavaScript's UTC text", 'Tue, 01 Dec 2026 09:30:00 GMT', '2026-12-01T09:30:00.000Z'],
		[
			"JavaScript's Date text, whose zone is in the middle",
			'Tue Dec 01 2026 09:30:00 GMT+0100 (Central European Standard Time)',
			'2026-12-01T08:30:00.000Z',
		],
	])('send %s as that UTC instant', async (_what, given, expected) => {
		expect(await sent(given)).toBe(expected);
	});
});
