/** Values as a no-code user gives them by expression, each read as its WSDL type. */
import { runOperation } from '../support/operations';
import { useSimulator } from '../support/workflows';

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
