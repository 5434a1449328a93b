/** EDI files end to end: parcels as binary data through real workflows against the simulator. */
import { readFileSync } from 'node:fs';
import { join, posix, win32 } from 'node:path';

import { BINDINGS } from '../../nodes/EcGridOs/soap';
import { PARCEL_HANDLERS } from '../../simulator/operations/parcels';
import { fileItem, ROOT, runOperation } from '../support/operations';
import { requestsFor, useSimulator } from '../support/workflows';

const sim = useSimulator({ demoParcels: false });
const EXAMPLES = join(__dirname, '..', '..', 'examples', 'edi');
const example = (name: string) => readFileSync(join(EXAMPLES, name));
const download = (parcelId: number, fields = {}) => ({
	resource: 'parcel',
	operation: 'download',
	parcelId,
	...fields,
});

describe('Parcel → Download', () => {
	it.each(BINDINGS)('gives the file byte for byte as binary data over %s', async (binding) => {
		// Bytes that are not UTF-8 must survive: EDI files are often Latin-1 or binary.
		const content = Buffer.concat([
			example('x12-850-purchase-order.edi'),
			Buffer.from([0xff, 0xfe, 0x00, 0xe9]),
		]);
		const parcel = sim().dropParcel({ fileName: 'po-4711.x12', content });
		const result = await runOperation(sim(), download(parcel.parcelId, { options: { binding } }));

		expect(result.error).toBeUndefined();
		const [item] = result.outputs;
		expect(Buffer.from(item.binary!.data.data, 'base64').equals(content)).toBe(true);
		// text/plain: the MIME type n8n's editor offers to view; the standard is in json.envelope.
		expect(item.binary!.data).toMatchObject({
			fileName: 'po-4711.x12',
			fileExtension: 'x12',
			mimeType: 'text/plain',
			fileType: 'text',
		});
		expect(item.json).toMatchObject({ parcelId: parcel.parcelId, fileName: 'po-4711.x12' });
		expect(item.json).not.toHaveProperty('content');
		expect(sim().parcel(parcel.parcelId)).toMatchObject({
			status: 'InBoxTransferred',
			counters: { downloads: 1 },
		});
	});

	it.each(BINDINGS.flatMap((binding) => [[binding, false] as const, [binding, true] as const]))(
		'gives a parcel of over a megabyte byte for byte over %s (base64 text call: %s)',
		async (binding, useBase64TextCall) => {
			// Large enough for the reply's base64 to stay bytes (replyText.ts), with every byte value.
			const content = Buffer.alloc(1536 * 1024);
			for (let index = 0; index < content.length; index++) content[index] = (index * 131) % 256;
			const parcel = sim().dropParcel({ fileName: 'big.bin', content });
			const result = await runOperation(
				sim(),
				download(parcel.parcelId, { options: { binding, useBase64TextCall } }),
			);
			expect(result.error).toBeUndefined();
			const data = result.outputs[0].binary!.data;
			expect(Buffer.from(data.data, 'base64').equals(content)).toBe(true);
			expect(
				requestsFor(sim(), useBase64TextCall ? 'ParcelDownloadA' : 'ParcelDownload'),
			).toHaveLength(1);
		},
	);

	it.each([
		[
			'x12-850-purchase-order.edi',
			'text/plain',
			{ standard: 'X12', controlNumber: '000000101', transactionSets: [{ code: '850', count: 1 }] },
		],
		[
			'x12-850-custom-delimiters.edi',
			'text/plain',
			{
				standard: 'X12',
				controlNumber: '000004711',
				delimiters: { element: '|', subElement: '^', segment: '~' },
			},
		],
		[
			'x12-two-groups-invoices-and-ship-notices.edi',
			'text/plain',
			{
				transactionSets: [
					{ code: '810', count: 2 },
					{ code: '856', count: 2 },
				],
			},
		],
		['edifact-orders.edi', 'text/plain', { standard: 'EDIFACT', controlReference: 'GR000731' }],
		[
			'edifact-invoic-custom-delimiters.edi',
			'text/plain',
			{ standard: 'EDIFACT', controlReference: 'AS000413' },
		],
	])('summarises the envelope of %s for routing', async (file, mimeType, envelope) => {
		const parcel = sim().dropParcel({ fileName: file, content: example(file) });
		const [item] = (await runOperation(sim(), download(parcel.parcelId))).outputs;
		expect(item.json.envelope).toMatchObject(envelope);
		expect(item.binary!.data.mimeType).toBe(mimeType);
	});

	it('reads a truncated ISA and a file that is not EDI without failing', async () => {
		const truncated = sim().dropParcel({
			fileName: 'cut.edi',
			content: Buffer.from('ISA*00*          *00*   '),
		});
		const text = sim().dropParcel({ fileName: '', content: Buffer.from('just some notes') });
		const [cut] = (await runOperation(sim(), download(truncated.parcelId))).outputs;
		expect(cut.json.envelope).toMatchObject({ standard: 'X12', warnings: expect.any(Array) });
		const [notes] = (await runOperation(sim(), download(text.parcelId))).outputs;
		expect(notes.json.envelope).toEqual({ standard: 'unknown' });
		expect(notes.binary!.data).toMatchObject({
			fileName: `parcel-${text.parcelId}.bin`,
			mimeType: 'application/octet-stream',
		});
	});

	it('with Mark as Downloaded off uses the NoUpdate call and changes nothing', async () => {
		const parcel = sim().dropParcel({ fileName: 'a.edi', content: example('x12-810-invoice.edi') });
		await runOperation(
			sim(),
			download(parcel.parcelId, {
				markAsDownloaded: false,
				options: { useBase64TextCall: true },
			}),
		);
		expect(requestsFor(sim(), 'ParcelDownloadNoUpdateA')).toHaveLength(1);
		expect(sim().parcel(parcel.parcelId)).toMatchObject({
			status: 'InBoxReady',
			counters: { downloads: 0 },
		});
	});

	it('keeps the binary properties the item already had, under another name', async () => {
		const parcel = sim().dropParcel({ fileName: 'a.edi', content: example('x12-810-invoice.edi') });
		const [item] = (
			await runOperation(sim(), download(parcel.parcelId, { binaryPropertyName: 'edi' }), [
				fileItem(Buffer.from('keep me'), 'keep.txt'),
			])
		).outputs;
		expect(Object.keys(item.binary!).sort()).toEqual(['data', 'edi']);
		expect(Buffer.from(item.binary!.data.data, 'base64').toString()).toBe('keep me');
	});
});

describe('Parcel → Download of a file name with folders or no name in it', () => {
	const x12 = () => example('x12-850-purchase-order.edi');
	/** Where a Read/Write Files from Disk node writing to `<folder>/{{ name }}` puts the file. */
	const writesWithin = (name: string) =>
		[posix.resolve('/data', name), win32.resolve('C:\\data', name)].every((target) =>
			/^(\/data\/|C:\\data\\)[^\\/]+$/.test(target),
		);

	it.each([
		['folders', 'in/2026/po.x12', 'po.x12', 'in/2026'],
		['Windows folders', 'C:\\in\\2026\\po.x12', 'po.x12', 'C:\\in\\2026'],
		['parent folders', '../../etc/cron.d/po', 'po', '../../etc/cron.d'],
		['Windows parent folders', '..\\..\\x.edi', 'x.edi', '..\\..'],
		['a line break and a tab', 'po\n4711\t.x12', 'po_4711_.x12', undefined],
		[
			'spaces and letters beyond ASCII',
			'  Bestellung Müller 日本.x12 ',
			'Bestellung Müller 日本.x12',
			undefined,
		],
	])('gives a name with %s as its last part', async (_what, given, fileName, directory) => {
		const parcel = sim().dropParcel({ fileName: given, content: x12() });
		const [item] = (await runOperation(sim(), download(parcel.parcelId))).outputs;
		const binary = item.binary!.data;
		expect(binary.fileName).toBe(fileName);
		expect(binary.directory).toBe(directory);
		expect(item.json.fileName).toBe(fileName);
		expect(writesWithin(binary.fileName!)).toBe(true);
		expect(writesWithin(item.json.fileName as string)).toBe(true);
	});

	it.each([['..'], ['.'], ['in/'], ['a\\..'], ['/']])(
		'names the file after the parcel when %s holds no file name',
		async (given) => {
			const parcel = sim().dropParcel({ fileName: given, content: x12() });
			const [item] = (await runOperation(sim(), download(parcel.parcelId))).outputs;
			const fileName = `parcel-${parcel.parcelId}.x12`;
			expect(item.binary!.data).toMatchObject({ fileName, fileExtension: 'x12' });
			expect(item.json.fileName).toBe(fileName);
		},
	);
});

describe('Parcel → Download of a damaged reply', () => {
	it.each([
		['a character outside base64', 'SVNB*DAw'],
		['a cut-off quad', 'SVNBKjA'],
	])('fails the item, naming it, when the content has %s', async (_what, content) => {
		const { parcelId } = sim().dropParcel({ fileName: 'a.edi', content: Buffer.from('ISA*00') });
		sim().register('ParcelDownload', (context) => ({
			...(PARCEL_HANDLERS.ParcelDownload(context) as object),
			Content: content,
		}));
		const result = await runOperation(sim(), download(parcelId), [{ json: {} }], {
			settings: { onError: 'continueRegularOutput' },
		});
		expect(result.items[0]).toMatchObject({
			error: expect.stringMatching(/not base64/),
		});
		expect(result.outputs[0].binary).toBeUndefined();
	});
});

describe('Parcel → Confirm / Reset Download', () => {
	it('confirm takes the parcel out of the InBox; reset offers it again', async () => {
		const first = sim().dropParcel({ fileName: 'a.edi', content: example('x12-810-invoice.edi') });
		const second = sim().dropParcel({
			fileName: 'b.edi',
			content: example('x12-856-ship-notice.edi'),
		});
		await runOperation(sim(), download(first.parcelId));
		await runOperation(sim(), download(second.parcelId));

		const confirmed = await runOperation(sim(), {
			resource: 'parcel',
			operation: 'confirmDownload',
			parcelId: first.parcelId,
		});
		expect(confirmed.items).toEqual([{ parcelId: first.parcelId, success: true }]);
		await runOperation(sim(), {
			resource: 'parcel',
			operation: 'resetDownload',
			parcelId: second.parcelId,
		});

		expect(sim().parcel(first.parcelId)).toMatchObject({
			inInBox: false,
			counters: { confirms: 1 },
		});
		expect(sim().parcel(second.parcelId)).toMatchObject({
			status: 'InBoxReady',
			counters: { resets: 1 },
		});
		const inBox = await runOperation(sim(), {
			resource: 'parcel',
			operation: 'getManyInInBox',
			returnAll: true,
		});
		expect(inBox.items.map((item) => item.parcelId)).toEqual([second.parcelId]);
	});
});

describe('Parcel → Get OutBox Errors', () => {
	it('says why ECGridOS could not deliver a parcel', async () => {
		const content = Buffer.from(
			example('x12-810-invoice.edi')
				.toString('latin1')
				.replace('GLOBEXRETAIL   ', 'NOBODY         '),
			'latin1',
		);
		const upload = await runOperation(sim(), { resource: 'parcel', operation: 'upload' }, [
			fileItem(content, 'to-nobody.edi'),
		]);
		const { parcelId } = upload.items[0] as { parcelId: number };
		const errors = await runOperation(sim(), {
			resource: 'parcel',
			operation: 'getOutBoxErrors',
			returnAll: true,
		});
		expect(errors.items).toEqual([
			expect.objectContaining({
				parcelId,
				statusCode: 'outboxDeliveryError',
				statusMessage: 'The interchange receiver is not a known trading partner.',
			}),
		]);
	});

	it('has nothing to report for the sample files, which the simulator delivers', async () => {
		await runOperation(sim(), { resource: 'parcel', operation: 'upload' }, [
			fileItem(example('x12-810-invoice.edi'), 'x12-810-invoice.edi'),
		]);
		const errors = await runOperation(sim(), {
			resource: 'parcel',
			operation: 'getOutBoxErrors',
			returnAll: true,
		});
		expect(errors.error).toBeUndefined();
		expect(errors.items).toEqual([]);
	});
});

describe('list outputs', () => {
	it.each([true, false])(
		'put the identifying fields first, where the Table view shows them (Simplify %s)',
		async (simplify) => {
			sim().dropParcel({ fileName: 'po.edi', content: example('x12-850-purchase-order.edi') });
			const inBox = await runOperation(sim(), {
				resource: 'parcel',
				operation: 'getManyInInBox',
				returnAll: true,
				simplify,
			});
			const columns = Object.keys(inBox.items[0]);
			expect(columns[0]).toBe('parcelId');
			const identifying = columns.filter((name) => /I[Dd](From|To)?$/.test(name));
			expect(columns.slice(0, identifying.length)).toEqual(identifying);
		},
	);
});

describe('Parcel → Upload', () => {
	it('sends the binary of the incoming item, named as the binary is, and it is delivered to the partner', async () => {
		const content = example('x12-850-purchase-order.edi');
		const result = await runOperation(sim(), { resource: 'parcel', operation: 'upload' }, [
			fileItem(content, 'po-101.edi'),
		]);
		const { parcelId } = result.items[0] as { parcelId: number };
		expect(result.items[0]).toMatchObject({
			parcelId,
			fileName: 'po-101.edi',
			bytes: content.length,
		});
		expect(sim().parcelContent(parcelId)!.equals(content)).toBe(true);
		const sent = requestsFor(sim(), 'ParcelUpload')[0];
		expect(sent.body).toContain(content.toString('base64'));
		expect(sent.body).toContain(`<Bytes>${content.length}</Bytes>`);
	});

	it.each([
		['soap11', 'ParcelUpload'],
		['soap12', 'ParcelUpload'],
		['httpPost', 'ParcelUpload'],
		['httpGet', 'ParcelUploadA'],
	] as const)('sends every byte value over %s, as %s', async (binding, call) => {
		const content = Buffer.from(Array.from({ length: 512 }, (_, index) => (index * 7) % 256));
		const result = await runOperation(
			sim(),
			{ resource: 'parcel', operation: 'upload', options: { binding } },
			[fileItem(content, 'all-bytes.bin')],
		);
		expect(result.error).toBeUndefined();
		const { parcelId } = result.items[0] as { parcelId: number };
		expect(sim().parcelContent(parcelId)!.equals(content)).toBe(true);
		expect(sim().requests.map((request) => request.operation)).toEqual([call]);
	});

	it('refuses an empty file over HTTP POST before sending, naming the item and the binding to use', async () => {
		const result = await runOperation(
			sim(),
			{ resource: 'parcel', operation: 'upload', options: { binding: 'httpPost' } },
			[fileItem(Buffer.from('ISA'), 'a.edi'), fileItem(Buffer.alloc(0), 'empty.edi')],
			{ settings: { onError: 'continueRegularOutput' } },
		);
		expect(result.items[1]).toMatchObject({
			error: 'Upload cannot send an empty file over HTTP POST in item 1',
			details: { description: expect.stringContaining('Choose SOAP 1.1 or SOAP 1.2') },
		});
		expect(requestsFor(sim(), 'ParcelUpload')).toHaveLength(1);
	});

	it.each([
		['Options', { options: { useBase64TextCall: true } }, 'ParcelUploadA'],
		[
			'the top level, as workflows saved before it moved',
			{ useBase64TextCall: true },
			'ParcelUploadA',
		],
		[
			'Options over the old top-level value',
			{ useBase64TextCall: true, options: { useBase64TextCall: false } },
			'ParcelUpload',
		],
	])('reads Use Base64 Text Call from %s', async (_where, parameters, call) => {
		const result = await runOperation(
			sim(),
			{ resource: 'parcel', operation: 'upload', ...parameters },
			[fileItem(example('x12-810-invoice.edi'), 'invoice.edi')],
		);
		expect(result.error).toBeUndefined();
		expect(sim().requests.map((request) => request.operation)).toEqual([call]);
	});

	it('takes the file name from the field when it is set, and the base64 text call on request', async () => {
		const result = await runOperation(
			sim(),
			{
				resource: 'parcel',
				operation: 'upload',
				fileName: 'renamed.edi',
				options: { useBase64TextCall: true },
			},
			[fileItem(example('x12-810-invoice.edi'), 'original.edi')],
		);
		expect(result.items[0]).toMatchObject({ fileName: 'renamed.edi' });
		expect(requestsFor(sim(), 'ParcelUploadA')).toHaveLength(1);
	});

	it.each([
		['a blank name', '  ', undefined, 'upload-0.edi'],
		['a name with spaces around it', ' po-101.edi ', undefined, 'po-101.edi'],
		['a blank File Name', 'po-101.edi', '   ', 'po-101.edi'],
		['a File Name with spaces around it', 'po-101.edi', ' renamed.edi  ', 'renamed.edi'],
	])(
		'sends a binary with %s under a name ECGridOS takes',
		async (_what, binaryName, fileName, sent) => {
			const content = example('x12-850-purchase-order.edi');
			const result = await runOperation(
				sim(),
				{ resource: 'parcel', operation: 'upload', ...(fileName !== undefined && { fileName }) },
				[fileItem(content, binaryName)],
			);
			expect(result.items[0]).toMatchObject({ fileName: sent, bytes: content.length });
			const { parcelId } = result.items[0] as { parcelId: number };
			expect(sim().parcel(parcelId)).toMatchObject({ fileName: sent });
			expect(requestsFor(sim(), 'ParcelUpload')[0].body).toContain(`<FileName>${sent}</FileName>`);
		},
	);

	it('names the item and the property when the item has no such binary', async () => {
		const result = await runOperation(
			sim(),
			{ resource: 'parcel', operation: 'upload', binaryPropertyName: 'edi' },
			[{ json: {} }, { json: {} }],
			{ settings: { onError: 'continueRegularOutput' } },
		);
		expect(result.items.map((item) => item.error)).toEqual([
			'Item 0 has no binary field "edi" to send',
			'Item 1 has no binary field "edi" to send',
		]);
		expect(requestsFor(sim(), 'ParcelUpload')).toHaveLength(0);
	});

	it.each(['drop', 'html', 'truncated'] as const)(
		'keeps the key out of the error item when the upload gets a %s answer',
		async (kind) => {
			sim().inject({ operation: 'ParcelUpload', kind });
			const result = await runOperation(
				sim(),
				{ resource: 'parcel', operation: 'upload' },
				[fileItem(example('x12-850-purchase-order.edi'), 'po.edi')],
				{ settings: { onError: 'continueRegularOutput' } },
			);
			expect(result.items[0]).toHaveProperty('error');
			const key = sim().world.apiKeyOf(ROOT.userId)!;
			const output = JSON.stringify(result.outputs);
			for (const spelling of [
				key,
				Buffer.from(key).toString('base64'),
				JSON.stringify([...Buffer.from(key)]).slice(1, -1),
			])
				expect(output).not.toContain(spelling);
		},
	);

	it('Upload Managed File sends non-EDI data between two ECGrid IDs', async () => {
		const result = await runOperation(
			sim(),
			{
				resource: 'parcel',
				operation: 'uploadManagedFile',
				ecgridIdFrom: { __rl: true, mode: 'id', value: '100001' },
				ecgridIdTo: { __rl: true, mode: 'id', value: '100004' },
			},
			[fileItem(Buffer.from('%PDF-1.7 catalogue'), 'catalogue.pdf')],
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0]).toMatchObject({
			parcelId: expect.any(Number),
			fileName: 'catalogue.pdf',
		});
	});
});
