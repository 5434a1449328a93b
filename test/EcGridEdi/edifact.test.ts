import type { INodeExecutionData } from 'n8n-workflow';

import { runWorkflow } from '../harness';
import { fileItem, readThenWrite, runEdi } from './support';

// Shaped segments are walked by path, as an expression in n8n would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const PARTNERS = {
	senderQualifier: '14',
	senderId: 'ACMESUPPLY',
	receiverQualifier: '14',
	receiverId: 'GLOBEXRETAIL',
};

const fileText = (item: INodeExecutionData) =>
	Buffer.from(item.binary!.data.data, 'base64').toString('latin1');

describe('ECGrid EDI: EDIFACT as European partners send it', () => {
	it('reads an ORDERS wrapped at 80 columns and writes it back, values free of line breaks', async () => {
		const flat =
			"UNA:+.? 'UNB+UNOC:3+ACMESUPPLY:14+GLOBEXRETAIL:14+261201:0930+EF0401'" +
			"UNH+1+ORDERS:D:96A:UN:EAN008'BGM+220+PO-4711+9'DTM+137:20261201:102'" +
			"NAD+BY+5412345000013::9'NAD+SU+4012345500004::9'LIN+1++4000862141404:SRS'" +
			"QTY+21:48'UNS+S'CNT+2:1'UNT+10+1'UNZ+1+EF0401'";
		const wrapped = flat.match(/.{1,80}/g)!.join('\r\n');
		const result = await runWorkflow(
			readThenWrite({
				operation: 'write',
				standard: 'EDIFACT',
				...PARTNERS,
				writeOptions: { keepEnvelope: true },
			}),
			{ inputs: [fileItem(Buffer.from(wrapped, 'latin1'), 'orders.edi')] },
		);
		expect(result.error).toBeUndefined();
		const [order] = result.outputOf('ECGrid EDI');
		expect(order.json).toMatchObject({ status: 'accepted', valid: true });
		const segments = order.json.segments as Json;
		expect(order.json.transactionSet).toMatchObject({ version: 'D', release: '96A' });
		expect(segments.NAD_loop[0].NAD).toMatchObject({ NAD02: '5412345000013', NAD02_02: '' });
		// Write refuses a value holding a line break: read as data, the wrap would stop the file here.
		const [file] = result.outputOf('Write');
		expect(fileText(file)).toBe(flat);
	});

	it('refuses a repetition separator under syntax version 3, naming the item, under Continue On Fail', async () => {
		const order = {
			transactionSet: { code: 'ORDERS', version: 'D', release: '96A', agency: 'UN' },
			segments: {
				BGM: { BGM01: '220', BGM02: ['PO-1', 'PO-2'], BGM03: '9' },
				DTM: [{ DTM01: '137', DTM01_02: '20261201', DTM01_03: '102' }],
				UNS: { UNS01: 'S' },
			},
		};
		const result = await runEdi(
			{
				operation: 'write',
				standard: 'EDIFACT',
				syntax: 'UNOC:3',
				...PARTNERS,
				controlNumber: 7,
				writeOptions: { repetition: '^' },
			},
			[{ json: order }],
			{ settings: { continueOnFail: true } },
		);
		expect(result.error).toBeUndefined();
		expect(result.outputs[0]).toHaveLength(1);
		expect(result.outputs[0][0].json.error).toBe(
			`Item 0: the repetition separator '^' needs syntax version 4, not UNB01 "UNOC:3": versions 1 to 3 have no repetitions`,
		);
	});

	it('answers an interchange that holds no message with a CONTRL rejecting it (32), which Read Acknowledgment reads as such', async () => {
		const empty = "UNB+UNOC:3+GLOBEXRETAIL:14+ACMESUPPLY:14+261201:0930+EF0601'UNZ+0+EF0601'";
		const created = await runEdi({ operation: 'createAcknowledgment', controlNumber: 61 }, [
			fileItem(Buffer.from(empty), 'empty.edi'),
		]);
		expect(created.error).toBeUndefined();
		const [contrl] = created.outputs[0];
		expect(fileText(contrl)).toContain("UCI+EF0601+GLOBEXRETAIL:14+ACMESUPPLY:14+4+32'");
		expect(contrl.json).toMatchObject({
			acknowledges: [{ controlNumber: 'EF0601', status: 'rejected', groups: [] }],
		});
		const read = await runEdi({ operation: 'readAcknowledgment' }, created.outputs[0]);
		expect(read.outputs[0].map((item) => item.json)).toMatchObject([
			{
				acknowledgment: 'CONTRL',
				status: 'rejected',
				acknowledged: { interchange: { controlReference: 'EF0601' } },
				errors: [{ code: '32' }],
			},
		]);
	});
});
