/** The receive flow of issue 18 without a Code node: Download → Read → route; Create Acknowledgment → Upload. */
import type { INode } from 'n8n-workflow';

import { runWorkflow, type WorkflowJson } from '../harness';
import { corpusFile } from '../edi/engine/corpus';
import { ROOT } from '../support/operations';
import { apiKeyCredential, useSimulator } from '../support/workflows';

const sim = useSimulator({ demoParcels: false });

const ECGRIDOS_CREDENTIALS = { ecGridOsApi: { id: 'apiKeyCredential', name: 'ECGridOS API key' } };

function node(
	name: string,
	type: string,
	parameters: INode['parameters'],
	extra: Partial<INode> = {},
): INode {
	return { id: name, name, type, typeVersion: 1, position: [0, 0], parameters, ...extra } as INode;
}

const receiveFlow: WorkflowJson = {
	name: 'Receive EDI: read, route, acknowledge',
	nodes: [
		node('Start', 'n8n-nodes-base.manualTrigger', {}),
		node(
			'Download',
			'n8n-nodes-ecgridos.ecGridOs',
			{ resource: 'parcel', operation: 'download', parcelId: '={{ $json.parcelId }}' },
			{ typeVersion: 2, credentials: ECGRIDOS_CREDENTIALS },
		),
		node('Read', 'n8n-nodes-ecgridos.ecGridEdi', { operation: 'read' }),
		node('Order Lines', 'n8n-nodes-base.splitOut', {
			fieldToSplitOut: 'segments.PO1_loop',
			include: 'noOtherFields',
		}),
		node('Alert', 'n8n-nodes-base.noOp', {}),
		node('Acknowledge', 'n8n-nodes-ecgridos.ecGridEdi', {
			operation: 'createAcknowledgment',
			acceptedSets: true,
		}),
		node(
			'Send Acknowledgment',
			'n8n-nodes-ecgridos.ecGridOs',
			{ resource: 'parcel', operation: 'upload' },
			{ typeVersion: 2, credentials: ECGRIDOS_CREDENTIALS },
		),
	],
	connections: {
		Start: { main: [[{ node: 'Download', type: 'main', index: 0 }]] },
		Download: {
			main: [
				[
					{ node: 'Read', type: 'main', index: 0 },
					{ node: 'Acknowledge', type: 'main', index: 0 },
				],
			],
		},
		Read: {
			main: [
				[{ node: 'Order Lines', type: 'main', index: 0 }],
				[{ node: 'Alert', type: 'main', index: 0 }],
			],
		},
		Acknowledge: { main: [[{ node: 'Send Acknowledgment', type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
	id: 'receiveEdiFlow',
} as WorkflowJson;

async function receive(content: Buffer, executionId: string) {
	const parcel = sim().dropParcel({ fileName: 'in.x12', content });
	const result = await runWorkflow(receiveFlow, {
		credentials: [apiKeyCredential(sim(), sim().world.apiKeyOf(ROOT.userId)!)],
		items: [{ parcelId: parcel.parcelId }],
		executionId,
	});
	expect(result.error).toBeUndefined();
	const ran = (name: string) => result.run.data.resultData.runData[name] !== undefined;
	const uploaded = result.outputOf('Send Acknowledgment')[0].json as { parcelId: number };
	return {
		lines: ran('Order Lines') ? result.outputOf('Order Lines').map((item) => item.json) : [],
		alerts: ran('Alert') ? result.outputOf('Alert').map((item) => item.json) : [],
		acknowledgment: sim().parcelContent(uploaded.parcelId)!.toString('utf8'),
	};
}

describe('Receive EDI without a Code node', () => {
	it('maps the order lines of a good file and sends an accepting 997 with the run’s control number', async () => {
		const { lines, alerts, acknowledgment } = await receive(
			corpusFile('valid', 'x12-isa-and-iea-in-data.x12'),
			'4242',
		);
		expect(lines.map((line) => (line.PO1 as { PO107: string }).PO107)).toEqual([
			'AS-1001',
			'AS-2040',
		]);
		expect(alerts).toEqual([]);
		expect(acknowledgment).toMatch(
			/^ISA\*00\*.{10}\*00\*.{10}\*ZZ\*GLOBEXRETAIL {3}\*ZZ\*ACMESUPPLY {5}\*\d{6}\*\d{4}\*U\*00401\*000004242\*0\*P\*>~/,
		);
		expect(acknowledgment).toContain('~AK1*PO*5~AK2*850*0001~AK5*A~AK9*A*1*1*1~');
	});

	it('routes a broken set to the alert and rejects it in the 997', async () => {
		const { lines, alerts, acknowledgment } = await receive(
			corpusFile('defects', 'x12-850-missing-beg.x12'),
			'4243',
		);
		expect(alerts).toEqual([
			expect.objectContaining({
				status: 'rejected',
				transactionSet: { code: '850', controlNumber: '0001' },
			}),
		]);
		expect(lines).toEqual([]);
		expect(acknowledgment).toContain('~AK2*850*0001~AK3*BEG*2**3~AK5*R*5~AK9*R*1*1*0~');
	});
});
