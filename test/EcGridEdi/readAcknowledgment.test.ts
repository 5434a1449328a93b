import { corpusFile } from '../edi/engine/corpus';
import { fileItem, runEdi } from './support';

describe('ECGrid EDI: Read Acknowledgment', () => {
	it('reads back what Create Acknowledgment wrote: one item per acknowledged set, with its verdict', async () => {
		const created = await runEdi(
			{ operation: 'createAcknowledgment', controlNumber: 31, acceptedSets: true, ta1: 'always' },
			[fileItem(corpusFile('defects', 'x12-se01-segment-count-wrong.x12'))],
		);
		const result = await runEdi({ operation: 'readAcknowledgment' }, created.outputs[0]);
		expect(result.error).toBeUndefined();
		expect(
			result.outputs[0].map((item) => [
				item.json.acknowledgment,
				item.json.status,
				item.pairedItem,
			]),
		).toEqual([
			['TA1', 'accepted', { item: 0 }],
			['997', 'rejected', { item: 0 }],
			['997', 'accepted', { item: 0 }],
		]);
		expect(result.outputs[0][1].json).toMatchObject({
			acknowledged: {
				group: { functionalId: 'PO', controlNumber: '1', status: 'partiallyAccepted' },
				transactionSet: { code: '850', controlNumber: '0001' },
			},
			errors: [{ level: 'set', code: '4', message: 'SE01 does not match the number of segments' }],
			from: {
				sender: { id: 'GLOBEXRETAIL' },
				receiver: { id: 'ACMESUPPLY' },
				controlNumber: '000000031',
			},
		});
	});

	it('keeps envelope values as data from Read through a CONTRL and back, release characters honoured', async () => {
		const file = fileItem(corpusFile('valid', 'edifact-released-characters-in-envelope.edi'));
		const read = await runEdi({ operation: 'read' }, [file]);
		expect(read.outputs[0][0].json).toMatchObject({
			interchange: { sender: { id: 'ACME+CO' }, controlReference: 'EF+0002' },
			transactionSet: { controlNumber: 'M:1' },
		});
		const created = await runEdi(
			{ operation: 'createAcknowledgment', controlNumber: 32, acceptedSets: true },
			[file],
		);
		const result = await runEdi({ operation: 'readAcknowledgment' }, created.outputs[0]);
		const [contrl, ...others] = result.outputs[0].map((item) => item.json);
		expect(others).toEqual([]);
		expect(contrl).toMatchObject({
			acknowledgment: 'CONTRL',
			status: 'accepted',
			acknowledged: {
				interchange: { controlReference: 'EF+0002', sender: 'ACME+CO' },
				transactionSet: { code: 'ORDERS', controlNumber: 'M:1' },
			},
		});
	});

	it('reads a CONTRL from text', async () => {
		const contrl =
			"UNB+UNOC:3+GLOBEXRETAIL:ZZ+ACMESUPPLY:ZZ+261207:1030+77'UNH+1+CONTRL:D:3:UN'UCI+EF0001+ACMESUPPLY:ZZ+GLOBEXRETAIL:ZZ+7'UCM+1+ORDERS:D:96A:UN+4'UCS+11+15'UNT+5+1'UNZ+1+77'";
		const result = await runEdi(
			{ operation: 'readAcknowledgment', inputSource: 'text', ediText: contrl },
			[{ json: {} }],
		);
		expect(result.outputs[0].map((item) => item.json)).toEqual([
			expect.objectContaining({
				acknowledgment: 'CONTRL',
				status: 'rejected',
				acknowledged: expect.objectContaining({
					transactionSet: expect.objectContaining({ code: 'ORDERS', controlNumber: '1' }),
				}),
				errors: [
					{
						level: 'segment',
						code: '15',
						position: 11,
						message: 'The segment is not supported in this position: segment at position 11',
					},
				],
			}),
		]);
	});

	it('fails on a file that holds no acknowledgment, naming the item', async () => {
		const result = await runEdi({ operation: 'readAcknowledgment' }, [
			fileItem(corpusFile('valid', 'x12-crlf-after-terminators.x12')),
		]);
		expect(result.error).toMatchObject({
			message:
				'The input of item 0 is not an acknowledgment: The file holds no 997, 999, TA1 or CONTRL acknowledgment',
		});
	});
});
