import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../harness';
import { corpusFile } from '../edi/engine/corpus';
import { manyRejectedOrders } from '../edi/engine/bigFiles';
import { EDI_NODE, ediWorkflow, fileItem, runEdi } from './support';

const READ = { operation: 'read' };

// Shaped segments are walked by path, as an expression in n8n would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

describe('ECGrid EDI: Read', () => {
	it('gives one item per set on the Valid output, paired to its file, ready for expressions', async () => {
		const result = await runEdi(READ, [
			fileItem(corpusFile('valid', 'x12-004010-orders-and-invoices.x12'), 'orders.x12'),
		]);
		expect(result.error).toBeUndefined();
		const [valid, invalid] = result.outputs;
		expect(invalid).toEqual([]);
		expect(valid.map((item) => (item.json.transactionSet as Json).code)).toEqual([
			'850',
			'850',
			'855',
			'810',
		]);
		expect(valid.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
		expect((valid[0].json.segments as Json).BEG.BEG03).toBe('PO-1001');
		expect(valid[0].json).toMatchObject({ status: 'accepted', valid: true, standard: 'X12' });
	});

	it('sends a set with an impossible date or time to the Invalid output, saying which and why', async () => {
		const result = await runEdi(READ, [
			fileItem(corpusFile('defects', 'x12-850-bad-date-and-time.x12')),
		]);
		const [valid, invalid] = result.outputs;
		expect(valid).toEqual([]);
		expect(invalid).toHaveLength(1);
		expect(invalid[0].json).toMatchObject({ status: 'rejected', valid: false });
		expect(
			(invalid[0].json.errors as Json[])
				.filter((error) => error.level === 'element')
				.map((error) => error.message),
		).toEqual([
			'BEG05 (segment BEG at position 2) is 20261332, which is not a date (CCYYMMDD)',
			'DTM02 (segment DTM at position 4) is 20260229, which is not a date (CCYYMMDD)',
			'DTM03 (segment DTM at position 4) is 2561, which is not a time (HHMM, HHMMSS, HHMMSSd or HHMMSSdd)',
		]);
	});

	it('sends rejected sets to the Invalid output and keeps accepted ones of the same file valid', async () => {
		const result = await runEdi(READ, [
			fileItem(corpusFile('valid', 'x12-crlf-after-terminators.x12')),
			fileItem(corpusFile('defects', 'x12-se01-segment-count-wrong.x12')),
		]);
		const [valid, invalid] = result.outputs;
		expect(
			valid.map((item) => [item.pairedItem, (item.json.transactionSet as Json).controlNumber]),
		).toEqual([
			[{ item: 0 }, '0001'],
			[{ item: 0 }, '0002'],
			[{ item: 1 }, '0002'],
		]);
		expect(invalid).toHaveLength(1);
		expect(invalid[0]).toMatchObject({
			pairedItem: { item: 1 },
			json: {
				status: 'rejected',
				valid: false,
				errors: [
					{
						level: 'set',
						code: '4',
						segment: 'SE',
						message: 'SE01 says 5 segments, the set holds 12 (ST to SE)',
					},
				],
			},
		});
	});

	it('reads EDI text and splits by group or interchange on request', async () => {
		const text = corpusFile('valid', 'edifact-desadv-in-groups.edi').toString('utf8');
		const byGroup = await runEdi(
			{ ...READ, inputSource: 'text', ediText: text, splitBy: 'group' },
			[{ json: {} }],
		);
		expect(byGroup.outputs[0].map((item) => item.json.controlNumber)).toEqual(['G1', 'G2']);
		const byInterchange = await runEdi(
			{ ...READ, inputSource: 'text', ediText: text, splitBy: 'interchange' },
			[{ json: {} }],
		);
		expect(byInterchange.outputs[0]).toHaveLength(1);
		expect((byInterchange.outputs[0][0].json.interchange as Json).controlReference).toBe('EF0002');
	});

	it('leaves structure checks out when asked, envelope checks stay', async () => {
		const file = corpusFile('defects', 'x12-850-unknown-segment.x12');
		const unchecked = await runEdi({ ...READ, readOptions: { validateStructure: false } }, [
			fileItem(file),
		]);
		expect(unchecked.outputs[0]).toHaveLength(1);
		const checked = await runEdi(READ, [fileItem(file)]);
		expect(checked.outputs[1]).toHaveLength(1);
	});

	it('fails on a file that is not EDI, naming the item and what the file starts with', async () => {
		const result = await runEdi(READ, [
			fileItem(corpusFile('valid', 'x12-crlf-after-terminators.x12')),
			fileItem(Buffer.from('Dear partner, please find attached...')),
		]);
		expect(result.error).toMatchObject({
			message:
				'The input of item 1 is not EDI: The content is neither X12 (which starts with ISA) nor EDIFACT (which starts with UNA or UNB); it starts with "Dear partner"',
		});
	});

	it('puts an error item in place of a bad input under Continue On Fail, the other files still read', async () => {
		const result = await runEdi(
			READ,
			[
				fileItem(Buffer.from('%PDF-1.7')),
				{ json: {} },
				fileItem(corpusFile('valid', 'x12-crlf-after-terminators.x12')),
			],
			{ settings: { onError: 'continueRegularOutput' } },
		);
		expect(result.error).toBeUndefined();
		const [valid, invalid] = result.outputs;
		expect(valid.map((item) => item.pairedItem)).toEqual([{ item: 2 }, { item: 2 }]);
		expect(invalid.map((item) => [item.pairedItem, item.json.item])).toEqual([
			[{ item: 0 }, 0],
			[{ item: 1 }, 1],
		]);
		expect(invalid[0].json.error).toMatch(/^The input of item 0 is not EDI/);
		expect(invalid[1].json.error).toBe('Item 1 has no binary field "data"');
	});

	it('says which text input maps nothing and which maps no text, each in its place under Continue On Fail', async () => {
		const text = corpusFile('valid', 'x12-crlf-after-terminators.x12').toString('utf8');
		const result = await runEdi(
			{ ...READ, inputSource: 'text', ediText: '={{ $json.edi }}' },
			[{ json: { edi: text } }, { json: { body: text } }, { json: { edi: 42 } }],
			{ settings: { onError: 'continueRegularOutput' } },
		);
		expect(result.error).toBeUndefined();
		const [valid, invalid] = result.outputs;
		expect(valid.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(
			invalid.map((item) => [item.pairedItem, item.json.error, item.json.description]),
		).toEqual([
			[
				{ item: 1 },
				'The EDI text of item 1 is empty: its expression gives undefined',
				'EDI Text maps nothing: check that the field its expression names exists in the item.',
			],
			[
				{ item: 2 },
				'The EDI text of item 2 is not text',
				'EDI Text must be a string: map a text field, not an object or a number.',
			],
		]);
	});

	it('sends a bad input to n8n’s error output when the node has one', async () => {
		const result = await runEdi(
			READ,
			[
				fileItem(Buffer.from('%PDF-1.7'), 'scan.pdf', { parcelId: 12 }),
				fileItem(corpusFile('valid', 'x12-crlf-after-terminators.x12')),
			],
			{ settings: { onError: 'continueErrorOutput' } },
		);
		const [valid, invalid, errors] = result.outputs;
		expect(valid).toHaveLength(2);
		expect(invalid).toEqual([]);
		expect(errors).toHaveLength(1);
		expect(errors[0].json).toMatchObject({
			parcelId: 12,
			error: expect.stringMatching(/^The input of item 0 is not EDI/),
		});
	});

	it('reads a file a Windows tool saved as UTF-16 ("Unicode") as the same file in UTF-8', async () => {
		const utf8 = corpusFile('valid', 'x12-004010-orders-and-invoices.x12');
		const utf16 = Buffer.from(`\ufeff${utf8.toString('utf8')}`, 'utf16le');
		const [fromUtf8, fromUtf16] = await Promise.all(
			[utf8, utf16].map((bytes) => runEdi(READ, [fileItem(bytes, 'orders.x12')])),
		);
		expect(fromUtf16.error).toBeUndefined();
		expect(fromUtf16.outputs[0].map((item) => item.json)).toEqual(
			fromUtf8.outputs[0].map((item) => item.json),
		);
		expect(fromUtf16.outputs[0]).toHaveLength(4);
	});

	it('never loses a file: one that holds no set, or cannot be read past its ISA, gives an item on Invalid', async () => {
		const isa = (terminator: string) =>
			`ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*GLOBEXRETAIL   *261201*0930*U*00401*000000412*0*P*>${terminator}`;
		const result = await runEdi(READ, [
			fileItem(Buffer.from(`${isa('~')}TA1*000000900*261130*1200*A*000~IEA*0*000000412~`)),
			fileItem(Buffer.from(`${isa('*')}GS*PO*A*B*20261201*0930*1*X*004010~IEA*1*000000412~`)),
		]);
		expect(result.error).toBeUndefined();
		const [valid, invalid] = result.outputs;
		expect(valid).toEqual([]);
		expect(
			invalid.map((item) => [
				item.pairedItem,
				item.json.status,
				(item.json.errors as Json[])[0].message,
			]),
		).toEqual([
			[
				{ item: 0 },
				'accepted',
				'The interchange holds no transaction set (message): only its envelope is given',
			],
			[{ item: 1 }, 'rejected', 'The segment terminator "*" after ISA16 is not a usable delimiter'],
		]);
	});

	it('gives every set of a file of 150,000 its item', async () => {
		const result = await runEdi(READ, [fileItem(Buffer.from(manyRejectedOrders(150_000)))]);
		expect(result.error).toBeUndefined();
		expect(result.outputs.map((output) => output.length)).toEqual([0, 150_000]);
		expect(result.outputs[1][149_999].json.transactionSet).toMatchObject({
			controlNumber: '000150000',
		});
	});

	it('feeds Split Out: one item per purchase order line, without a Code node', async () => {
		const workflow = ediWorkflow(READ);
		workflow.nodes.push({
			parameters: { fieldToSplitOut: 'segments.PO1_loop', include: 'noOtherFields' },
			id: 'split',
			name: 'Split Out',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [440, 0],
		});
		workflow.connections[EDI_NODE] = {
			main: [[{ node: 'Split Out', type: 'main', index: 0 }], []],
		};
		const result = await runWorkflow(workflow, {
			inputs: [fileItem(corpusFile('valid', 'x12-isa-and-iea-in-data.x12'))],
		});
		expect(result.error).toBeUndefined();
		const lines = result.outputOf('Split Out').map((item) => item.json as IDataObject);
		expect(lines.map((line) => (line.PO1 as Json).PO107)).toEqual(['AS-1001', 'AS-2040']);
	});
});
