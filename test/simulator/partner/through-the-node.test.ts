/**
 * The simulated partner seen from n8n: Parcel → Upload through an n8n-core workflow run over a
 * real socket; then a second run lists Acme's InBox, downloads what came back and reads it with
 * the EDI node's Read Acknowledgment.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { runWorkflow, type WorkflowJson } from '../../harness';
import { readSample } from '../../edi/samples';
import { fileItem, ROOT, runOperation } from '../../support/operations';
import { apiKeyCredential, useSimulator } from '../../support/workflows';

const sim = useSimulator({ demoParcels: false });
const GLOBEX = 'ZZ:GLOBEXRETAIL';
const CREDENTIALS = { ecGridOsApi: { id: 'apiKeyCredential', name: 'ECGridOS API key' } };

const node = (name: string, type: string, parameters: INode['parameters'], typeVersion = 1) =>
	({ id: name, name, type, typeVersion, position: [0, 0], parameters }) as INode;

const collectAcknowledgments: WorkflowJson = {
	name: 'Partner test: read what came back',
	nodes: [
		node('Start', 'n8n-nodes-base.manualTrigger', {}),
		{
			...node(
				'InBox',
				'n8n-nodes-ecgridos.ecGridOs',
				{ resource: 'parcel', operation: 'getManyInInBox', returnAll: true },
				2,
			),
			credentials: CREDENTIALS,
		},
		{
			...node(
				'Download',
				'n8n-nodes-ecgridos.ecGridOs',
				{ resource: 'parcel', operation: 'download', parcelId: '={{ $json.parcelId }}' },
				2,
			),
			credentials: CREDENTIALS,
		},
		node('Read Acknowledgment', 'n8n-nodes-ecgridos.ecGridEdi', {
			operation: 'readAcknowledgment',
		}),
	],
	connections: {
		Start: { main: [[{ node: 'InBox', type: 'main', index: 0 }]] },
		InBox: { main: [[{ node: 'Download', type: 'main', index: 0 }]] },
		Download: { main: [[{ node: 'Read Acknowledgment', type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
	id: 'partnerCollectAcks',
} as WorkflowJson;

const credential = () => apiKeyCredential(sim(), sim().world.apiKeyOf(ROOT.userId)!);

/** Acme (mailbox 10, the root user's) uploads the file through the node. */
async function upload(content: Buffer, binding = 'soap11') {
	const result = await runOperation(
		sim(),
		{ resource: 'parcel', operation: 'upload', options: { binding } },
		[fileItem(content, 'to-globex.edi')],
		{ credential: credential() },
	);
	expect(result.error).toBeUndefined();
	return result.items[0] as { parcelId: number };
}

/** Every acknowledgment in Acme's InBox, as Read Acknowledgment gives it. */
async function acknowledgments(): Promise<IDataObject[]> {
	const result = await runWorkflow(collectAcknowledgments, { credentials: [credential()] });
	expect(result.error).toBeUndefined();
	if (!result.run.data.resultData.runData['Read Acknowledgment']) return [];
	return result.outputOf('Read Acknowledgment').map((item) => item.json);
}

const summary = (item: IDataObject) => {
	const acknowledged = item.acknowledged as {
		group?: { functionalId: string; controlNumber: string };
		transactionSet?: { code: string; controlNumber: string };
	};
	return {
		acknowledgment: item.acknowledgment,
		status: item.status,
		group: acknowledged.group?.controlNumber,
		set: `${acknowledged.transactionSet?.code} ${acknowledged.transactionSet?.controlNumber}`,
		errors: (item.errors as Array<{ code: string }>).map((error) => error.code),
	};
};

describe('a partner answering what n8n uploads', () => {
	it.each(['soap11', 'soap12', 'httpPost', 'httpGet'])(
		'Globex accepts the invoice uploaded over %s with a 997 in Acme’s InBox',
		async (binding) => {
			await upload(readSample('x12-810-invoice.edi'), binding);
			expect((await acknowledgments()).map(summary)).toEqual([
				{ acknowledgment: '997', status: 'accepted', group: '203', set: '810 0001', errors: [] },
			]);
		},
	);

	it('rejects a broken invoice as the validation found it', async () => {
		const broken = readSample('x12-810-invoice.edi')
			.toString('latin1')
			.replace(/SE\*\d+\*/, 'SE*2*');
		await upload(Buffer.from(broken, 'latin1'));
		expect((await acknowledgments()).map(summary)).toEqual([
			{ acknowledgment: '997', status: 'rejected', group: '203', set: '810 0001', errors: ['4'] },
		]);
	});

	it('rejects by the rule injected for the test, and answers EDIFACT with a CONTRL', async () => {
		sim().inject({ partner: GLOBEX, answer: 'reject', reject: { sets: ['856'] } });
		await upload(readSample('x12-two-groups-invoices-and-ship-notices.edi'));
		await upload(readSample('edifact-invoic.edi'));
		expect((await acknowledgments()).map(summary)).toEqual([
			{ acknowledgment: '997', status: 'accepted', group: '204', set: '810 0001', errors: [] },
			{ acknowledgment: '997', status: 'accepted', group: '204', set: '810 0002', errors: [] },
			{ acknowledgment: '997', status: 'rejected', group: '205', set: '856 0001', errors: ['1'] },
			{ acknowledgment: '997', status: 'rejected', group: '205', set: '856 0002', errors: ['1'] },
			{
				acknowledgment: 'CONTRL',
				status: 'accepted',
				group: undefined,
				set: 'INVOIC 1',
				errors: [],
			},
			{
				acknowledgment: 'CONTRL',
				status: 'accepted',
				group: undefined,
				set: 'INVOIC 2',
				errors: [],
			},
		]);
	});

	it('a late answer is not there before its delay, and is after', async () => {
		sim().inject({ partner: GLOBEX, answer: 'late', delayMs: 1500 });
		await upload(readSample('x12-810-invoice.edi'));
		const due = sim().answers[0].dueAt!.getTime();
		expect(await acknowledgments()).toEqual([]);
		expect(Date.now()).toBeLessThan(due);
		await new Promise((resolve) => setTimeout(resolve, due - Date.now() + 50));
		expect((await acknowledgments()).map(summary)).toEqual([
			{ acknowledgment: '997', status: 'accepted', group: '203', set: '810 0001', errors: [] },
		]);
	});

	it('never: no answer comes', async () => {
		sim().inject({ partner: GLOBEX, answer: 'never' });
		await upload(readSample('x12-810-invoice.edi'));
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(await acknowledgments()).toEqual([]);
		expect(sim().answers.map((answer) => answer.answer)).toEqual(['never']);
	});
});
