import { join } from 'node:path';

import { sample } from '../../simulator';
import { loadWorkflowFile, runWorkflow } from '../harness';
import { formatParcel } from '../../scripts/demo-edi';
import { apiKeyCredential, ADMIN, useSimulator } from '../support/workflows';

const sim = useSimulator({ demoParcels: false });

describe('examples/process-inbox.workflow.json', () => {
	it('downloads, summarises and confirms every parcel of the InBox', async () => {
		const files = ['x12-850-purchase-order.edi', 'edifact-invoic.edi'];
		const parcels = files.map((fileName) =>
			sim().dropParcel({ fileName, content: sample(fileName) }),
		);
		const workflow = loadWorkflowFile(
			join(__dirname, '..', '..', 'examples', 'process-inbox.workflow.json'),
		);
		const credential = {
			...apiKeyCredential(sim(), sim().world.apiKeyOf(ADMIN.userId)!),
			id: 'ecgridosDemoKey',
		};

		const result = await runWorkflow(workflow, { credentials: [credential] });

		expect(result.error).toBeUndefined();
		const downloads = result.outputOf('Download');
		expect(downloads.map((item) => item.json.parcelId)).toEqual(
			parcels.map((parcel) => parcel.parcelId),
		);
		expect(downloads.map((item) => Buffer.from(item.binary!.data.data, 'base64'))).toEqual(
			files.map((file) => sample(file)),
		);
		expect(formatParcel(downloads[0].json)).toMatch(
			/^parcel \d+ x12-850-purchase-order\.edi: X12 .+ → .+, 1× 850$/,
		);
		expect(result.outputOf('Confirm Download').map((item) => item.json.success)).toEqual([
			true,
			true,
		]);
		expect(sim().inBox()).toEqual([]);
		for (const parcel of parcels)
			expect(sim().parcel(parcel.parcelId)!.counters).toMatchObject({ downloads: 1, confirms: 1 });
	});
});
