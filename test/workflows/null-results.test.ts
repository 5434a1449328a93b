/** A null result: ASMX leaves it out of a SOAP response and sends xsi:nil over HTTP. */
import { BINDINGS } from '../../nodes/EcGridOs/soap';
import { runOperation } from '../support/operations';
import { useSimulator } from '../support/workflows';

const sim = useSimulator({ demoParcels: false });

describe('a null result', () => {
	it.each(BINDINGS)('gives the item every binding gives, over %s', async (binding) => {
		const parcel = sim().dropParcel({ fileName: 'a.edi', content: Buffer.from('ISA~') });
		sim().register('ParcelInfo', () => null);
		const result = await runOperation(sim(), {
			resource: 'parcel',
			operation: 'get',
			parcelId: String(parcel.parcelId),
			options: { binding },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([{ parcelId: parcel.parcelId }]);
	});
});
