/**
 * ParcelIDs are xs:long: past 2^53 a JS number cannot hold them. The simulator adds 2^53 to
 * every ParcelID on the wire, so neighbouring parcels differ in digits a number would lose.
 */
import { BINDINGS } from '../../nodes/EcGridOs/soap';
import { runOperation } from '../support/operations';
import { useSimulator } from '../support/workflows';

const BASE = 2n ** 53n;
const sim = useSimulator({ demoParcels: false, parcelIdBase: BASE });
const wireId = (parcelId: number) => (BASE + BigInt(parcelId)).toString();
const content = (name: string) => Buffer.from(`ISA*file ${name}~`);

describe('ParcelIDs past 2^53', () => {
	it.each(BINDINGS)(
		'come out as their exact text and go back in by expression unchanged over %s',
		async (binding) => {
			const parcels = ['a', 'b', 'c'].map((name) =>
				sim().dropParcel({ fileName: `${name}.edi`, content: content(name) }),
			);
			const options = { binding };
			const inBox = await runOperation(sim(), {
				resource: 'parcel',
				operation: 'getManyInInBox',
				returnAll: true,
				options,
			});
			expect(inBox.error).toBeUndefined();
			expect(inBox.items.map((item) => item.parcelId)).toEqual(
				parcels.map((parcel) => wireId(parcel.parcelId)),
			);

			const byExpression = { parcelId: '={{ $json.parcelId }}', options };
			const downloaded = await runOperation(
				sim(),
				{ resource: 'parcel', operation: 'download', ...byExpression },
				inBox.outputs.map((item) => ({ json: item.json })),
			);
			expect(downloaded.error).toBeUndefined();
			expect(downloaded.items.map((item) => [item.parcelId, item.fileName])).toEqual(
				parcels.map((parcel) => [wireId(parcel.parcelId), parcel.fileName]),
			);
			expect(
				downloaded.outputs.map((item) => Buffer.from(item.binary!.data.data, 'base64').toString()),
			).toEqual(['a', 'b', 'c'].map((name) => content(name).toString()));

			const confirmed = await runOperation(
				sim(),
				{ resource: 'parcel', operation: 'confirmDownload', ...byExpression },
				downloaded.outputs.map((item) => ({ json: item.json })),
			);
			expect(confirmed.error).toBeUndefined();
			expect(confirmed.items).toEqual(
				parcels.map((parcel) => ({ parcelId: wireId(parcel.parcelId), success: true })),
			);
			for (const parcel of parcels)
				expect(sim().parcel(parcel.parcelId)!.counters).toMatchObject({
					downloads: 1,
					confirms: 1,
				});
		},
	);

	it('refuses a number past 2^53, which has already lost digits, naming the field and item', async () => {
		const parcel = sim().dropParcel({ fileName: 'a.edi', content: content('a') });
		const result = await runOperation(
			sim(),
			{ resource: 'parcel', operation: 'confirmDownload', parcelId: '={{ $json.parcelId }}' },
			[{ json: { parcelId: Number(wireId(parcel.parcelId)) } }],
		);
		const error = result.error as { message: string; description: string };
		expect(error.message).toMatch(/^Invalid Parcel ID in item 0/);
		expect(error.description).toMatch(/lost its last digits: give the ID as text/);
		expect(sim().parcel(parcel.parcelId)!.counters.confirms).toBe(0);
	});
});
