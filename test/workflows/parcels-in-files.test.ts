/** Parcels when n8n keeps binary data in files, as an n8n 2 instance does by default. */
import { binaryBytes, storeBinaryDataInFiles } from '../harness';
import { runOperation } from '../support/operations';
import { useSimulator } from '../support/workflows';

const sim = useSimulator({ demoParcels: false });

beforeAll(storeBinaryDataInFiles);

describe('Parcel binary data in filesystem mode', () => {
	it('stores a downloaded parcel as a file, and uploads it again from that file', async () => {
		const content = Buffer.concat([
			Buffer.from('ISA*00*          *00*          *ZZ*GLOBEX         *ZZ*ACME           *'),
			Buffer.from([0xff, 0x00, 0xe9]),
		]);
		const { parcelId } = sim().dropParcel({ fileName: 'in.edi', content });
		const downloaded = await runOperation(sim(), {
			resource: 'parcel',
			operation: 'download',
			parcelId,
		});
		expect(downloaded.error).toBeUndefined();
		const [item] = downloaded.outputs;
		// A stored binary is a reference, not base64 in the item.
		expect(item.binary!.data).toMatchObject({ id: expect.any(String), fileName: 'in.edi' });
		expect(item.binary!.data.data).not.toBe(content.toString('base64'));
		expect((await binaryBytes(item.binary!.data)).equals(content)).toBe(true);

		const uploaded = await runOperation(sim(), { resource: 'parcel', operation: 'upload' }, [item]);
		expect(uploaded.error).toBeUndefined();
		const sent = sim().parcelContent((uploaded.items[0] as { parcelId: number }).parcelId);
		expect(sent!.equals(content)).toBe(true);
	});

	it('stores a parcel named with Windows folders under its last part', async () => {
		const { parcelId } = sim().dropParcel({
			fileName: '..\\..\\in\\po.x12',
			content: Buffer.from('ISA*00*'),
		});
		const [item] = (
			await runOperation(sim(), { resource: 'parcel', operation: 'download', parcelId })
		).outputs;
		expect(item.binary!.data).toMatchObject({
			id: expect.any(String),
			fileName: 'po.x12',
			directory: '..\\..\\in',
		});
		expect(item.json.fileName).toBe('po.x12');
		expect((await binaryBytes(item.binary!.data)).toString()).toBe('ISA*00*');
	});
});
