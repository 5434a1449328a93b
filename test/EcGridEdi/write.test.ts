import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { readEdi, readItems, type Json } from '../../nodes/shared/edi';
import { corpusFile, corpusFiles, writtenAgain } from '../edi/engine/corpus';
import { invoice, shipNotice } from '../edi/engine/write.support';
import { runWorkflow, type WorkflowJson } from '../harness';
import { EDI_NODE, ediWorkflow, fileItem, readThenWrite, runEdi } from './support';

const PARTNERS = {
	senderQualifier: 'ZZ',
	senderId: 'ACMESUPPLY',
	receiverQualifier: 'ZZ',
	receiverId: 'GLOBEXRETAIL',
};

const WRITE = { operation: 'write', ...PARTNERS };

const fileText = (item: INodeExecutionData) =>
	Buffer.from(item.binary!.data.data, 'base64').toString('utf8');

const asItems = (list: unknown[]) => list.map((json) => ({ json: json as IDataObject }));

describe('ECGrid EDI: Write', () => {
	it('writes a file Read has read back byte for byte, in one workflow, keeping its envelope', async () => {
		const original = corpusFile('valid', 'x12-005010-ship-notices-and-shipping-orders.x12');
		const result = await runWorkflow(
			readThenWrite({ ...WRITE, writeOptions: { keepEnvelope: true } }),
			{ inputs: [fileItem(original)], executionId: '77' },
		);
		expect(result.error).toBeUndefined();
		const [file] = result.outputOf('Write');
		expect(fileText(file)).toBe(original.toString('utf8'));
		expect(file.json).toMatchObject({
			fileName: '856-940-000000202.x12',
			interchangeControlNumber: '000000202',
			groupControlNumbers: ['10', '11'],
			setControlNumbers: ['0001', '0002', '0001'],
		});
		expect(file.pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it.each(corpusFiles('valid'))(
		'writes %s back byte-identical after Read, keeping its envelope',
		async (name) => {
			const standard = name.startsWith('x12') ? 'X12' : 'EDIFACT';
			const result = await runWorkflow(
				readThenWrite({ ...WRITE, standard, writeOptions: { keepEnvelope: true } }),
				{ inputs: [fileItem(corpusFile('valid', name))], executionId: '78' },
			);
			expect(result.error).toBeUndefined();
			const files = result.outputOf('Write');
			const bytes = Buffer.concat(
				files.map((file) => Buffer.from(file.binary!.data.data, 'base64')),
			);
			const expected = writtenAgain(name, files.length);
			expect(bytes.toString('latin1')).toBe(expected.toString('latin1'));
			expect(bytes.equals(expected)).toBe(true);
		},
	);

	it('writes a changed 850 after Read, with new control numbers and the partner turned around', async () => {
		const read = await runEdi({ operation: 'read' }, [
			fileItem(corpusFile('valid', 'x12-004010-orders-and-invoices.x12')),
		]);
		const [order] = read.outputs[0];
		// What an Edit Fields node does: one value changed by path.
		const json = structuredClone(order.json) as Json;
		((json.segments as Json).BEG as Json).BEG03 = 'PO-2002';
		const result = await runEdi(
			{
				...WRITE,
				senderId: 'GLOBEXRETAIL',
				receiverId: 'ACMESUPPLY',
				controlNumber: 4711,
			},
			[{ json: json as IDataObject }],
		);
		expect(result.error).toBeUndefined();
		const [file] = result.outputs[0];
		const [again] = readItems(readEdi(fileText(file)), 'set');
		expect(again).toMatchObject({
			status: 'accepted',
			transactionSet: { code: '850', controlNumber: '0001' },
			interchange: {
				sender: { qualifier: 'ZZ', id: 'GLOBEXRETAIL' },
				receiver: { qualifier: 'ZZ', id: 'ACMESUPPLY' },
				controlNumber: '000004711',
			},
			group: { functionalId: 'PO', controlNumber: '4711', version: '004010' },
		});
		expect(((again.segments as Json).BEG as Json).BEG03).toBe('PO-2002');
		expect(again.segments).toEqual({
			...(json.segments as Json),
			ST: { ST01: '850', ST02: '0001' },
			SE: { SE01: '12', SE02: '0001' },
		});
	});

	it('builds an 810 and an 856 from plain JSON orders into one file for Parcel → Upload', async () => {
		const inputs = asItems([
			invoice('INV-1', [
				[120, 'AS-1001', 4.25],
				[48, 'AS-2040', 12.5],
			]),
			shipNotice('SHP-1', ['AS-1001', 'AS-2040']),
		]);
		const result = await runEdi({ ...WRITE, usage: 'T', requestAcknowledgment: true }, inputs, {
			executionId: '123',
		});
		expect(result.error).toBeUndefined();
		const [[file]] = result.outputs;
		expect(file.pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		expect(file.binary!.data).toMatchObject({
			fileName: '810-856-000000123.x12',
			mimeType: 'application/edi-x12',
		});
		expect(file.json).toEqual({
			standard: 'X12',
			fileName: '810-856-000000123.x12',
			sender: { qualifier: 'ZZ', id: 'ACMESUPPLY' },
			receiver: { qualifier: 'ZZ', id: 'GLOBEXRETAIL' },
			partner: 'ZZ:GLOBEXRETAIL',
			interchangeControlNumber: '000000123',
			groups: [
				{
					functionalId: 'IN',
					controlNumber: '123',
					version: '004010',
					sets: [{ code: '810', controlNumber: '0001' }],
				},
				{
					functionalId: 'SH',
					controlNumber: '100000123',
					version: '004010',
					sets: [{ code: '856', controlNumber: '0001' }],
				},
			],
			groupControlNumbers: ['123', '100000123'],
			setControlNumbers: ['0001', '0001'],
			setCodes: ['810', '856'],
			segmentCount: 25,
			createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
		});
		const text = fileText(file);
		expect(text).toMatch(
			/^ISA\*00\*.{10}\*00\*.{10}\*ZZ\*ACMESUPPLY {5}\*ZZ\*GLOBEXRETAIL {3}\*\d{6}\*\d{4}\*U\*00401\*000000123\*1\*T\*:~/,
		);
		expect(readItems(readEdi(text), 'set').map((item) => item.status)).toEqual([
			'accepted',
			'accepted',
		]);
	});

	it('writes EDIFACT with a file name of its own and one file per item when asked', async () => {
		const orders = (number: string) => ({
			transactionSet: { code: 'ORDERS', version: 'D', release: '96A', agency: 'UN' },
			segments: {
				BGM: { BGM01: '220', BGM02: number, BGM03: '9' },
				DTM: [{ DTM01: '137', DTM01_02: '20261207', DTM01_03: '102' }],
				UNS: { UNS01: 'S' },
			},
		});
		const result = await runEdi(
			{
				...WRITE,
				standard: 'EDIFACT',
				batching: 'item',
				controlNumber: '={{ 500 + $itemIndex }}',
				writeOptions: { fileName: '={{ "orders-" + $json.segments.BGM.BGM02 + ".edi" }}' },
			},
			asItems([orders('PO-1'), orders('PO-2')]),
		);
		expect(result.error).toBeUndefined();
		const files = result.outputs[0];
		expect(
			files.map((file) => [file.json.fileName, file.binary!.data.mimeType, file.pairedItem]),
		).toEqual([
			['orders-PO-1.edi', 'application/edifact', [{ item: 0 }]],
			['orders-PO-2.edi', 'application/edifact', [{ item: 1 }]],
		]);
		expect(fileText(files[1]).startsWith('UNB+UNOC:3+ACMESUPPLY:ZZ+GLOBEXRETAIL:ZZ+')).toBe(true);
		expect(fileText(files[1])).toContain("+501'UNH+1+ORDERS:D:96A:UN'BGM+220+PO-2+9'DTM+137");
	});
});

describe('ECGrid EDI: Write, bad input', () => {
	const good = () => invoice('INV-1', [[1, 'AS-1', 2]]);
	/** An 810 whose invoice number an expression left empty: BIG02 is mandatory. */
	const withoutInvoiceNumber = () => {
		const item = good();
		item.segments.BIG.BIG02 = '';
		return item;
	};
	const bad = () => {
		const item = good();
		item.segments.N1_loop[0].N1.N102 = 'ACME * SUPPLY';
		return item;
	};

	it.each([
		[{}, bad(), "Item 1: N102 holds the element separator '*'"],
		[{ senderId: '={{ "" }}' }, good(), 'Item 0: has no sender ID'],
		[
			{ senderId: 'A-VERY-LONG-SENDER-ID' },
			good(),
			'Item 0: ISA06 "A-VERY-LONG-SENDER-ID" is 21 characters long; it takes 1 to 15',
		],
		[{}, { transactionSet: { code: '810' }, segments: {} }, 'Item 1: set 810 has no segments'],
		[{}, withoutInvoiceNumber(), 'Item 1: segments.BIG has no BIG02, which is mandatory'],
		[
			{ controlNumber: 'abc' },
			good(),
			'The input of item 0 has no usable control number: The control number must be a whole number from 1 to 999999999, not "abc"',
		],
	])(
		'fails the run naming the item, segment and element: %j',
		async (parameters, item, message) => {
			const result = await runEdi({ ...WRITE, ...parameters }, asItems([good(), item]), {
				executionId: '5',
			});
			expect(result.error).toMatchObject({ message });
		},
	);

	it('writes a set that leaves a mandatory element out when Validate Structure is off', async () => {
		const result = await runEdi(
			{ ...WRITE, writeOptions: { validateStructure: false } },
			asItems([good(), withoutInvoiceNumber()]),
			{ executionId: '6' },
		);
		expect(result.error).toBeUndefined();
		const [file] = result.outputs[0];
		expect(fileText(file)).toContain('~BIG*20261207***PO-1001~');
		expect(file.pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('keeps the good items and reports the bad one under Continue On Fail, with batching for all items', async () => {
		const result = await runEdi(WRITE, asItems([good(), bad(), good()]), {
			executionId: '9',
			settings: { onError: 'continueRegularOutput' },
		});
		expect(result.error).toBeUndefined();
		const [file, error] = result.outputs[0];
		expect(file.pairedItem).toEqual([{ item: 0 }, { item: 2 }]);
		expect(file.json.setControlNumbers).toEqual(['0001', '0002']);
		expect(error).toEqual({
			json: {
				error: "Item 1: N102 holds the element separator '*'",
				description:
					'X12 cannot escape separators: remove the character from the value, or choose other delimiters in Options.',
				item: 1,
			},
			pairedItem: { item: 1 },
		});
	});

	it('fails an item nested 20,000 loops deep alone, naming it and where, under Continue On Fail', async () => {
		const deep = good() as unknown as { segments: IDataObject };
		let loop: IDataObject = { N1: { N101: 'ST' } };
		for (let level = 1; level < 20000; level++) loop = { N1: { N101: 'ST' }, N1_loop: [loop] };
		deep.segments.N1_loop = [loop];
		const result = await runEdi(WRITE, asItems([good(), deep, good()]), {
			executionId: '11',
			settings: { onError: 'continueRegularOutput' },
		});
		expect(result.error).toBeUndefined();
		const [file, error] = result.outputs[0];
		expect(file.pairedItem).toEqual([{ item: 0 }, { item: 2 }]);
		expect(error.json).toMatchObject({
			error:
				'Item 1: segments.N1_loop[0].N1_loop[0].N1_loop[0].….N1_loop[0] nests loops 33 deep, where no set nests more than 32',
			item: 1,
		});
	});

	it('sends a bad item to n8n’s error output when the node has one', async () => {
		const result = await runEdi(WRITE, asItems([bad(), good()]), {
			executionId: '10',
			settings: { onError: 'continueErrorOutput' },
		});
		const [files, errors] = result.outputs;
		expect(files.map((file) => file.pairedItem)).toEqual([[{ item: 1 }]]);
		expect(errors.map((error) => error.json.error)).toEqual([
			"Item 0: N102 holds the element separator '*'",
		]);
	});
});

/** Start → Read → Edit Fields (`segments` set by an expression) → Write, as a user filters lines. */
function readEditWrite(segments: string, write: INodeParameters): WorkflowJson {
	const workflow = readThenWrite(write);
	workflow.nodes.push({
		parameters: {
			includeOtherFields: true,
			assignments: {
				assignments: [{ id: 's', name: 'segments', value: segments, type: 'object' }],
			},
			options: {},
		},
		id: 'edi-edit',
		name: 'Edit Fields',
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [330, 0],
	});
	const connections = workflow.connections as IDataObject;
	connections['ECGrid EDI'] = { main: [[{ node: 'Edit Fields', type: 'main', index: 0 }], []] };
	connections['Edit Fields'] = { main: [[{ node: 'Write', type: 'main', index: 0 }]] };
	return workflow;
}

describe('ECGrid EDI: Write, the number of line items (CTT01)', () => {
	const orders = () => fileItem(corpusFile('valid', 'x12-004010-orders-and-invoices.x12'));
	/** Keeps the first line of each 850, as a Filter on the lines would. */
	const firstLineOnly = (ctt: string) =>
		`={{ $json.transactionSet.code === '850' ? { ...$json.segments, PO1_loop: $json.segments.PO1_loop.slice(0, 1)${ctt} } : $json.segments }}`;

	it('refuses an order whose lines a filter removed but whose CTT01 still counts them', async () => {
		const result = await runWorkflow(readEditWrite(firstLineOnly(''), WRITE), {
			inputs: [orders()],
			executionId: '31',
		});
		expect(result.error).toMatchObject({
			message:
				'Item 0: segments.CTT_loop[0].CTT.CTT01 is 2, but the set has 1 PO1 segment, which CTT01 counts',
			description: expect.stringMatching(/^Leave CTT01 empty to have Write count the PO1 segments/),
		});
	});

	it('counts the lines that are left when CTT01 is emptied, and Read accepts the file', async () => {
		const result = await runWorkflow(
			readEditWrite(firstLineOnly(", CTT_loop: { CTT: { CTT01: '' } }"), WRITE),
			{ inputs: [orders()], executionId: '32' },
		);
		expect(result.error).toBeUndefined();
		const [file] = result.outputOf('Write');
		const text = fileText(file);
		expect(text.match(/~CTT\*[^~]*~/g)).toEqual(['~CTT*1~', '~CTT*1~', '~CTT*1~', '~CTT*1~']);
		const again = readItems(readEdi(text), 'set');
		expect(again.map((item) => item.status)).toEqual([
			'accepted',
			'accepted',
			'accepted',
			'accepted',
		]);
	});
});

describe('ECGrid EDI: Write, dates an expression gives', () => {
	it('writes an n8n DateTime and an ISO date-time as CCYYMMDD and HHMM', async () => {
		const workflow = ediWorkflow(WRITE);
		workflow.nodes.splice(1, 0, {
			parameters: {
				assignments: {
					assignments: [
						{ id: 'c', name: 'transactionSet', value: '={{ { code: "856" } }}', type: 'object' },
						{
							id: 's',
							name: 'segments',
							value:
								"={{ { BSN: { BSN01: '00', BSN02: 'SN-1', BSN03: DateTime.fromISO('2026-12-07T23:30:00-05:00'), BSN04: '2026-12-07T23:30:00-05:00' }, HL_loop: [{ HL: { HL01: '1', HL03: 'S' } }], CTT: {} } }}",
							type: 'object',
						},
					],
				},
				options: {},
			},
			id: 'edi-edit',
			name: 'Edit Fields',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [110, 0],
		});
		workflow.connections = {
			Start: { main: [[{ node: 'Edit Fields', type: 'main', index: 0 }]] },
			'Edit Fields': { main: [[{ node: EDI_NODE, type: 'main', index: 0 }]] },
		};
		const result = await runWorkflow(workflow, { inputs: [{ json: {} }], executionId: '41' });
		expect(result.error).toBeUndefined();
		const [file] = result.outputOf(EDI_NODE);
		expect(fileText(file)).toContain('~BSN*00*SN-1*20261207*2330~HL*1**S~CTT*1~');
	});
});

describe('ECGrid EDI: Write, control numbers', () => {
	it('never writes one control number twice across many concurrent runs', async () => {
		const runs = await Promise.all(
			Array.from({ length: 16 }, (_, index) =>
				runEdi(WRITE, asItems([invoice(`INV-${index}`, [[1, 'AS-1', 2]])]), {
					executionId: String(3000 + index),
				}),
			),
		);
		const numbers = runs.map((run) => run.outputs[0][0].json.interchangeControlNumber);
		expect(new Set(numbers).size).toBe(16);
		expect(numbers).toEqual(Array.from({ length: 16 }, (_, index) => `00000${3000 + index}`));
	});

	it('refuses one control number for two files to one partner in a run, and takes one per item', async () => {
		const items = asItems([good(), good()]);
		const twice = await runEdi({ ...WRITE, batching: 'item' }, items, { executionId: '41' });
		expect(twice.error).toMatchObject({
			message: 'Control number 41 of item 1 was already used by item 0 in this run',
		});
		const perItem = await runEdi(
			{ ...WRITE, batching: 'item', controlNumber: '={{ $execution.id * 100 + $itemIndex }}' },
			items,
			{ executionId: '41' },
		);
		expect(perItem.outputs[0].map((file) => file.json.interchangeControlNumber)).toEqual([
			'000004100',
			'000004101',
		]);
		const otherPartner = await runEdi(
			{ ...WRITE, batching: 'item', receiverId: '={{ $itemIndex ? "OTHER" : "GLOBEXRETAIL" }}' },
			items,
			{ executionId: '41' },
		);
		expect(
			otherPartner.outputs[0].map((file) => [
				file.json.partner,
				file.json.interchangeControlNumber,
			]),
		).toEqual([
			['ZZ:GLOBEXRETAIL', '000000041'],
			['ZZ:OTHER', '000000041'],
		]);
	});

	it('refuses a control number an earlier run of the node in the execution used for the partner', async () => {
		/** Start → If (an 810?) → both outputs into Write: Write runs once per branch. */
		const twoBranches = (controlNumber?: string): WorkflowJson => {
			const workflow = ediWorkflow({
				...WRITE,
				...(controlNumber !== undefined && { controlNumber }),
			});
			workflow.nodes.splice(1, 0, {
				parameters: {
					conditions: {
						options: { caseSensitive: true, leftValue: '', typeValidation: 'strict' },
						conditions: [
							{
								id: 'is-invoice',
								leftValue: '={{ $json.transactionSet.code }}',
								rightValue: '810',
								operator: { type: 'string', operation: 'equals' },
							},
						],
						combinator: 'and',
					},
					options: {},
				},
				id: 'edi-if',
				name: 'Invoice?',
				type: 'n8n-nodes-base.if',
				typeVersion: 2.2,
				position: [110, 0],
			});
			const toWrite = [{ node: EDI_NODE, type: 'main' as const, index: 0 }];
			workflow.connections = {
				Start: { main: [[{ node: 'Invoice?', type: 'main', index: 0 }]] },
				'Invoice?': { main: [toWrite, toWrite] },
			};
			return workflow;
		};
		const inputs = asItems([good(), shipNotice('SHIP-1', ['AS-1'])]);
		const runsOf = (result: Awaited<ReturnType<typeof runWorkflow>>) =>
			result.run.data.resultData.runData[EDI_NODE].map(
				(run) =>
					run.error?.message ??
					run.data!.main[0]!.map((file) => [file.json.fileName, file.json.partner]),
			);
		const same = await runWorkflow(twoBranches(), { inputs, executionId: '43' });
		expect(runsOf(same)).toEqual([
			[['856-000000043.x12', 'ZZ:GLOBEXRETAIL']],
			'Control number 43 of item 0 was already used in this execution, by an earlier run of the node "ECGrid EDI"',
		]);
		const perRun = await runWorkflow(twoBranches('={{ $execution.id * 100 + $runIndex }}'), {
			inputs,
			executionId: '43',
		});
		expect(perRun.error).toBeUndefined();
		expect(runsOf(perRun)).toEqual([
			[['856-000004300.x12', 'ZZ:GLOBEXRETAIL']],
			[['810-000004301.x12', 'ZZ:GLOBEXRETAIL']],
		]);
	});

	describe('an interchange of two versions, read as one item', () => {
		const ISA =
			'ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*GLOBEXRETAIL   *261201*0930*U*00401*000000101*0*P*>~';
		const group = (number: number, version: string) =>
			`GS*IN*ACMESUPPLY*GLOBEXRETAIL*20261201*0930*${number}*X*${version}~ST*810*0001~BIG*20261201*INV-${number}~TDS*100~SE*4*0001~GE*1*${number}~`;
		const file = `${ISA}${group(1, '004010')}${group(2, '005010X222A1')}IEA*2*000000101~`;
		const WRITE_EACH = {
			...WRITE,
			version: 'item',
			controlNumber: '={{ $itemIndex + 5 }}',
		};

		async function readAs(splitBy: string) {
			const read = await runEdi({ operation: 'read', splitBy }, [fileItem(Buffer.from(file))]);
			expect(read.outputs[1]).toEqual([]);
			return read.outputs[0].map(({ json }) => ({ json }));
		}

		it.each(['all', 'item'])(
			'is refused rather than sent twice under one control number (batching %s)',
			async (batching) => {
				const [interchange] = await readAs('interchange');
				const alone = { json: { ...good(), group: { version: '004010' } } as IDataObject };
				const result = await runEdi({ ...WRITE_EACH, batching }, [interchange, alone], {
					settings: { onError: 'continueRegularOutput' },
				});
				expect(result.error).toBeUndefined();
				const [file, refused] = result.outputs[0];
				expect([file.pairedItem, file.json.interchangeControlNumber]).toEqual([
					[{ item: 1 }],
					'000000006',
				]);
				expect(refused).toEqual({
					json: {
						error:
							'Item 0: its sets need 2 interchanges to ZZ:GLOBEXRETAIL (ISA12 00401, 00501), which would both carry the control number 000000005',
						description:
							'Read the file with Output One Item Per = Group or Set, so that each item needs one interchange, and give each item its own control number, e.g. {{ $execution.id * 100 + $itemIndex }}.',
						item: 0,
					},
					pairedItem: { item: 0 },
				});
				const stopped = await runEdi({ ...WRITE_EACH, batching }, [interchange]);
				expect(stopped.error).toMatchObject({
					message: expect.stringMatching(/^Item 0: its sets need 2 interchanges/),
				});
			},
		);

		it('is written as two files under two numbers when read per group', async () => {
			const groups = await readAs('group');
			const result = await runEdi({ ...WRITE_EACH, batching: 'all' }, groups);
			expect(
				result.outputs[0].map((written) => [
					written.pairedItem,
					written.json.interchangeControlNumber,
					readItems(readEdi(fileText(written)), 'set').map((set) => set.status),
				]),
			).toEqual([
				[[{ item: 0 }], '000000005', ['accepted']],
				[[{ item: 1 }], '000000006', ['accepted']],
			]);
		});
	});

	function good() {
		return invoice('INV-1', [[1, 'AS-1', 2]]);
	}
});
