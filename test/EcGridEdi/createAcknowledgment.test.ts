import type { INodeExecutionData } from 'n8n-workflow';

import { corpusFile } from '../edi/engine/corpus';
import { manyMiscountedEdifactOrders, manyRejectedOrders } from '../edi/engine/bigFiles';
import { fileItem, runEdi } from './support';

const CREATE = { operation: 'createAcknowledgment' };

const ackText = (item: INodeExecutionData) =>
	Buffer.from(item.binary!.data.data, 'base64').toString('utf8');

/** ISA13 and GS06 of an X12 acknowledgment. */
function controlNumbers(text: string): [string, string] {
	const segments = text.split('~');
	return [
		segments[0].split('*')[13],
		segments.find((segment) => segment.startsWith('GS*'))!.split('*')[6],
	];
}

describe('ECGrid EDI: Create Acknowledgment', () => {
	it('writes the 997 as a binary file ready for Parcel → Upload, with the control number handed in', async () => {
		const result = await runEdi({ ...CREATE, controlNumber: 4711, acceptedSets: true }, [
			fileItem(corpusFile('valid', 'x12-005010-ship-notices-and-shipping-orders.x12')),
		]);
		expect(result.error).toBeUndefined();
		const [[item]] = result.outputs;
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.binary!.data).toMatchObject({
			fileName: '997-4711.x12',
			mimeType: 'application/edi-x12',
		});
		expect(item.json).toMatchObject({
			acknowledgment: '997',
			controlNumber: 4711,
			ta1: false,
			sender: { qualifier: 'ZZ', id: 'GLOBEXRETAIL' },
			receiver: { qualifier: 'ZZ', id: 'ACMESUPPLY' },
			acknowledges: [
				{
					controlNumber: '000000202',
					status: 'accepted',
					groups: [
						{ controlNumber: '10', status: 'accepted', sets: 2, accepted: 2 },
						{ controlNumber: '11', status: 'accepted', sets: 1, accepted: 1 },
					],
				},
			],
		});
		const text = ackText(item);
		expect(controlNumbers(text)).toEqual(['000004711', '4711']);
		expect(text).toContain('AK1*SH*10*005010~AK2*856*0001*005010~AK5*A~');
	});

	it('answers an impossible date with AK4 code 8 and a bad time with 9, the values copied', async () => {
		const result = await runEdi({ ...CREATE, controlNumber: 12 }, [
			fileItem(corpusFile('defects', 'x12-850-bad-date-and-time.x12')),
		]);
		expect(result.error).toBeUndefined();
		expect(ackText(result.outputs[0][0])).toContain(
			'~AK2*850*0001~AK3*BEG*2**8~AK4*5*373*8*20261332~AK3*DTM*4**8~AK4*2*373*8*20260229~AK4*3*337*9*2561~AK5*R*5~AK9*R*1*1*0~',
		);
	});

	it('takes the execution ID by default: n8n’s database never hands it out twice', async () => {
		const runs = await Promise.all(
			Array.from({ length: 12 }, (_, index) =>
				runEdi(CREATE, [fileItem(corpusFile('valid', 'x12-crlf-after-terminators.x12'))], {
					executionId: String(900 + index),
				}),
			),
		);
		const numbers = runs.map((run) => controlNumbers(ackText(run.outputs[0][0])));
		expect(numbers.map(([isa13]) => isa13)).toEqual(
			Array.from({ length: 12 }, (_, index) => `000000${900 + index}`),
		);
		expect(new Set(numbers.map(([, gs06]) => gs06)).size).toBe(12);
	});

	it('refuses a control number used twice in one run, naming both items', async () => {
		const file = fileItem(corpusFile('valid', 'x12-crlf-after-terminators.x12'));
		const failed = await runEdi({ ...CREATE, controlNumber: 7 }, [file, file]);
		expect(failed.error).toMatchObject({
			message: 'Control number 7 of item 1 was already used by item 0 in this run',
		});
		const distinct = await runEdi({ ...CREATE, controlNumber: '={{ 70 + $itemIndex }}' }, [
			file,
			file,
		]);
		expect(distinct.outputs[0].map((item) => item.json.controlNumber)).toEqual([70, 71]);
	});

	it('refuses a control number that is not a whole number from 1 to 999999999', async () => {
		for (const controlNumber of ['={{ "12abc" }}', 0, 1_000_000_000]) {
			const result = await runEdi(
				{ ...CREATE, controlNumber },
				[fileItem(corpusFile('valid', 'x12-crlf-after-terminators.x12'))],
				{ executionId: 'not-a-number' },
			);
			expect(result.error).toMatchObject({
				message: expect.stringMatching(
					/^The input of item 0 has no usable control number: The control number must be a whole number from 1 to 999999999/,
				),
			});
		}
	});

	it('adds a TA1 when the interchange asks for one (ISA14 = 1), or always, or never', async () => {
		const requested = fileItem(corpusFile('valid', 'x12-004010-orders-and-invoices.x12'));
		const notRequested = fileItem(corpusFile('valid', 'x12-crlf-after-terminators.x12'));
		const hasTa1 = async (ta1: string, item: INodeExecutionData) =>
			ackText((await runEdi({ ...CREATE, controlNumber: 1, ta1 }, [item])).outputs[0][0]).includes(
				'~TA1*',
			);
		expect(await hasTa1('whenRequested', requested)).toBe(true);
		expect(await hasTa1('whenRequested', notRequested)).toBe(false);
		expect(await hasTa1('always', notRequested)).toBe(true);
		expect(await hasTa1('never', requested)).toBe(false);
	});

	it('writes a 999 on request, and never says "accepted" for a broken set', async () => {
		const result = await runEdi({ ...CREATE, controlNumber: 3, x12Acknowledgment: '999' }, [
			fileItem(corpusFile('defects', 'x12-850-missing-beg.x12')),
		]);
		const text = ackText(result.outputs[0][0]);
		expect(text).toContain(
			'~ST*999*0001*005010X231A1~AK1*PO*1*004010~AK2*850*0001~IK3*BEG*2**3~IK5*R*5~AK9*R*1*1*0~',
		);
		expect(result.outputs[0][0].json.acknowledges).toEqual([
			{
				controlNumber: '000000413',
				status: 'accepted',
				groups: [{ controlNumber: '1', status: 'rejected', sets: 1, accepted: 0 }],
			},
		]);
	});

	it('says no set of a rejected group is accepted: AK5 R and AK904 0, also when accepted sets are listed', async () => {
		// GE02 differs from GS06: the group is rejected, and with it its one sound 850.
		const file = fileItem(corpusFile('defects', 'x12-ge02-control-number-mismatch.x12'));
		for (const [kind, trailer] of [
			['997', 'AK5'],
			['999', 'IK5'],
		]) {
			const result = await runEdi(
				{ ...CREATE, controlNumber: 5, acceptedSets: true, x12Acknowledgment: kind },
				[file],
			);
			const [item] = result.outputs[0];
			expect(ackText(item)).toContain(`~AK2*850*0001~${trailer}*R~AK9*R*1*1*0*4~`);
			expect(item.json.acknowledges).toEqual([
				{
					controlNumber: '000000404',
					status: 'accepted',
					groups: [{ controlNumber: '1', status: 'rejected', sets: 1, accepted: 0 }],
				},
			]);
		}
	});

	it('answers EDIFACT with a CONTRL', async () => {
		const result = await runEdi({ ...CREATE, controlNumber: 55 }, [
			fileItem(corpusFile('defects', 'edifact-unt01-segment-count-wrong.edi')),
		]);
		const [[item]] = result.outputs;
		expect(item.binary!.data).toMatchObject({
			fileName: 'contrl-55.edi',
			mimeType: 'application/edifact',
		});
		expect(ackText(item)).toMatch(
			/^UNB\+UNOC:3\+GLOBEXRETAIL:ZZ\+ACMESUPPLY:ZZ\+\d{6}:\d{4}\+55'UNH\+1\+CONTRL:D:3:UN'UCI\+EF0101\+ACMESUPPLY:ZZ\+GLOBEXRETAIL:ZZ\+7'UCM\+1\+ORDERS:D:96A:UN\+4\+29\+UNT\+1'UNT\+4\+1'UNZ\+1\+55'$/,
		);
	});

	it('acknowledges a file of 150,000 sets, every one in error, with one AK2 loop each', async () => {
		const result = await runEdi({ ...CREATE, controlNumber: 12 }, [
			fileItem(Buffer.from(manyRejectedOrders(150_000))),
		]);
		expect(result.error).toBeUndefined();
		const text = ackText(result.outputs[0][0]);
		expect(text.match(/~AK5\*R\*5~/g)).toHaveLength(150_000);
		expect(text).toContain('~AK9*R*150000*150000*0~');
		const contrl = await runEdi({ ...CREATE, controlNumber: 13 }, [
			fileItem(Buffer.from(manyMiscountedEdifactOrders(150_000))),
		]);
		expect(contrl.error).toBeUndefined();
		expect(
			ackText(contrl.outputs[0][0]).match(/'UCM\+\d+\+ORDERS:D:96A:UN\+4\+29\+UNT\+1'/g),
		).toHaveLength(150_000);
	});

	it('gives no item for an acknowledgment: acknowledgments are never acknowledged, not even by a TA1', async () => {
		for (const ta1 of ['whenRequested', 'always']) {
			const ack = await runEdi({ ...CREATE, controlNumber: 9, ta1 }, [
				fileItem(corpusFile('valid', 'x12-004010-orders-and-invoices.x12')),
			]);
			expect(ackText(ack.outputs[0][0])).toContain('~TA1*');
			// Its 997 and TA1, then a TA1 on its own: two partners answering everything stop here.
			const again = await runEdi({ ...CREATE, controlNumber: 10, ta1 }, [ack.outputs[0][0]]);
			expect(again.error).toBeUndefined();
			expect(again.outputs[0]).toEqual([]);
			const ta1Only = Buffer.from(
				ackText(ack.outputs[0][0])
					.replace(/~GS\*.*~GE\*[^~]*~/, '~')
					.replace('~IEA*1*', '~IEA*0*'),
			);
			expect(ta1Only.toString()).toMatch(/^ISA[^~]*~TA1\*[^~]*~IEA\*0\*\d{9}~$/);
			const ta1Answer = await runEdi({ ...CREATE, controlNumber: 11, ta1 }, [fileItem(ta1Only)]);
			expect(ta1Answer.error).toBeUndefined();
			expect(ta1Answer.outputs[0]).toEqual([]);
		}
	});

	it('names a file holding only TA1s after them: an interchange with no group gets its TA1 alone', async () => {
		const empty = Buffer.from(
			'ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*GLOBEXRETAIL   *261207*1200*U*00401*000000502*1*P*>~IEA*0*000000502~',
		);
		const result = await runEdi({ ...CREATE, controlNumber: 14 }, [fileItem(empty)]);
		const [[item]] = result.outputs;
		expect(item.json).toMatchObject({ acknowledgment: 'TA1', ta1: true, fileName: 'ta1-14.x12' });
		expect(ackText(item)).toMatch(/~TA1\*000000502\*261207\*1200\*A\*000~IEA\*0\*000000014~$/);
	});

	it('answers a file of single-byte characters in the same bytes, so what it echoes still matches', async () => {
		const bytes = (item: INodeExecutionData) => Buffer.from(item.binary!.data.data, 'base64');
		const edifact = Buffer.from(
			"UNB+UNOC:3+MÜLLER:ZZ+GLOBEX:ZZ+261207:1827+RÉF1'UNH+1+ORDERS:D:96A:UN'BGM+220+PO-1+9'UNT+9+1'UNZ+1+RÉF1'",
			'latin1',
		);
		const contrl = bytes(
			(await runEdi({ ...CREATE, controlNumber: 15 }, [fileItem(edifact)])).outputs[0][0],
		);
		expect(contrl.toString('latin1')).toMatch(
			/^UNB\+UNOC:3\+GLOBEX:ZZ\+MÜLLER:ZZ\+.*'UCI\+RÉF1\+MÜLLER:ZZ\+/,
		);
		expect(contrl.includes(Buffer.from('MÜLLER', 'latin1'))).toBe(true);
		const x12 = Buffer.from(
			corpusFile('valid', 'x12-crlf-after-terminators.x12')
				.toString('latin1')
				.replace(/ACMESUPPLY/g, 'ACMESÜPPLY'),
			'latin1',
		);
		const ack = bytes(
			(await runEdi({ ...CREATE, controlNumber: 16 }, [fileItem(x12)])).outputs[0][0],
		);
		// The ISA's fixed width holds in bytes, as the partner's translator counts it.
		expect(ack.indexOf('~')).toBe(105);
		expect(ack.toString('latin1')).toContain('*ZZ*ACMESÜPPLY     *');
		// A file in UTF-8 is answered in UTF-8.
		const utf8 = Buffer.from(edifact.toString('latin1').replace('UNOC', 'UNOW'), 'utf8');
		const answer = bytes(
			(await runEdi({ ...CREATE, controlNumber: 17 }, [fileItem(utf8)])).outputs[0][0],
		);
		expect(answer.toString('utf8')).toContain('UCI+RÉF1+MÜLLER:ZZ+');
	});

	it('puts an error item in place of a file that is not EDI under Continue On Fail', async () => {
		const result = await runEdi(
			{ ...CREATE, controlNumber: '={{ 20 + $itemIndex }}' },
			[
				fileItem(Buffer.from('<html>')),
				fileItem(corpusFile('valid', 'x12-crlf-after-terminators.x12')),
			],
			{ settings: { onError: 'continueRegularOutput' } },
		);
		expect(
			result.outputs[0].map((item) => [item.pairedItem, item.json.item ?? item.json.controlNumber]),
		).toEqual([
			[{ item: 0 }, 0],
			[{ item: 1 }, 21],
		]);
		expect(result.outputs[0][0].json.error).toMatch(/^The input of item 0 is not EDI/);
	});
	it('answers a file of interchanges from several partners with one acknowledgment per partner, each addressed to its own', async () => {
		const two = corpusFile('valid', 'x12-two-interchanges.x12').toString('latin1');
		const second = two.indexOf('ISA', 10);
		const fromInitech = two
			.slice(second)
			.replace('ACMESUPPLY     ', 'INITECHSTORES  ')
			.replace('*ACMESUPPLY*', '*INITECHSTORES*');
		const edifact = corpusFile('valid', 'edifact-two-interchanges.edi')
			.toString('latin1')
			.replace(
				"ACMESUPPLY:ZZ+GLOBEXRETAIL:ZZ+261201:0930+EF0005'",
				"INITECHSTORES:ZZ+GLOBEXRETAIL:ZZ+261201:0930+EF0005'",
			);
		const result = await runEdi({ ...CREATE, controlNumber: '={{ 77 + $itemIndex }}' }, [
			fileItem(Buffer.from(two.slice(0, second) + fromInitech, 'latin1')),
			fileItem(Buffer.from(edifact, 'latin1')),
		]);
		expect(result.error).toBeUndefined();
		const [items] = result.outputs;
		expect(
			items.map((item) => [
				item.pairedItem,
				item.json.acknowledgment,
				(item.json.receiver as { id: string }).id,
				(item.json.acknowledges as Array<{ controlNumber: string }>).map(
					(each) => each.controlNumber,
				),
				item.binary!.data.fileName,
			]),
		).toEqual([
			[{ item: 0 }, '997', 'ACMESUPPLY', ['000000307'], '997-77.x12'],
			[{ item: 0 }, '997', 'INITECHSTORES', ['000000308'], '997-77-2.x12'],
			[{ item: 1 }, 'CONTRL', 'ACMESUPPLY', ['EF0004'], 'contrl-78.edi'],
			[{ item: 1 }, 'CONTRL', 'INITECHSTORES', ['EF0005'], 'contrl-78-2.edi'],
		]);
		// Each file is addressed to the partner whose interchange it answers.
		expect(ackText(items[1])).toContain('*ZZ*GLOBEXRETAIL   *ZZ*INITECHSTORES  *');
		expect(ackText(items[1])).toContain('AK1*IN*8~');
		expect(ackText(items[3])).toContain('+GLOBEXRETAIL:ZZ+INITECHSTORES:ZZ+');
	});
});
