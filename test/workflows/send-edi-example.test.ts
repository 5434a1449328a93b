import { readEdi } from '../../nodes/shared/edi';
import { runWorkflow } from '../harness';
import { ediTables } from '../support/receive-edi-example';
import { SEND_WEBHOOK_NODE, sendEdiExample, shippedOrder } from '../support/send-edi-example';
import { apiKeyCredential, demoUser, useSimulator } from '../support/workflows';

const sim = useSimulator({ demoParcels: false });
/** Owner of mailbox 10, Acme Foods (ZZ ACMEFOODS): the example's sender. */
const ACME = demoUser('mbx.admin');
const HOUR = 3_600_000;

describe('examples/send-edi.workflow.json', () => {
	const send = async (orders: unknown[], executionId: string) => {
		const tables = ediTables();
		const result = await runWorkflow(sendEdiExample(), {
			startNode: SEND_WEBHOOK_NODE,
			items: [{ headers: {}, params: {}, query: {}, body: { orders } }],
			executionId,
			dataTables: tables,
			credentials: [
				{
					...apiKeyCredential(sim(), sim().world.apiKeyOf(ACME.userId)!),
					id: 'ecgridosDemoKey',
				},
			],
		});
		return { result, tables };
	};

	it('turns two shipped orders into one interchange to Globex (two 810s, two 856s), uploads it and records each group sent', async () => {
		const { result, tables } = await send([shippedOrder(5001), shippedOrder(5002)], '42');
		expect(result.error).toBeUndefined();

		const [upload] = result.outputOf('Upload');
		const parcelId = Number(upload.json.parcelId);
		const text = sim().parcelContent(parcelId)!.toString('latin1');
		expect(text).toMatch(
			/^ISA\*00\*.{10}\*00\*.{10}\*ZZ\*ACMEFOODS {6}\*ZZ\*GLOBEXRETAIL {3}\*\d{6}\*\d{4}\*U\*00401\*000000042\*0\*P\*/,
		);
		const [interchange] = readEdi(Buffer.from(text, 'latin1'));
		expect(interchange.verdict).toBe('A');
		expect(
			interchange.groups.map((group) => [
				group.header?.elements[0],
				group.sets.map((set) => set.header.elements[0]),
			]),
		).toEqual([
			['IN', ['810', '810']],
			['SH', ['856', '856']],
		]);
		expect(text).toContain('~BIG*20261207*INV-5001*20261201*PO-5001~');
		expect(text).toContain('~IT1*2*12*CA*22**VN*ACME-RYE-750~');
		expect(text).toContain('~TDS*70800~');
		expect(text).toContain('~HL*3*2*I~LIN*1*VN*ACME-OAT-500~SN1*1*24*CA~');

		const rows = tables.byName('EDI sent').rows();
		expect(rows).toEqual([
			expect.objectContaining({
				partner: 'ZZ:GLOBEXRETAIL',
				standard: 'X12',
				interchangeControlNumber: '000000042',
				functionalId: 'IN',
				setCodes: '810, 810',
				setControlNumbers: '0001, 0002',
				parcelId,
				status: 'sent',
				acknowledgedAt: null,
				alertedAt: null,
			}),
			expect.objectContaining({ functionalId: 'SH', setCodes: '856, 856', parcelId }),
		]);
		expect(rows[0].groupControlNumber).not.toBe(rows[1].groupControlNumber);
		const due = Date.parse(String(rows[0].dueBy)) - Date.parse(String(rows[0].sentAt));
		expect(due).toBe(4 * HOUR);
		// Globex's simulated translator accepted what the workflow wrote.
		expect(sim().answers).toEqual([
			expect.objectContaining({
				partner: 'ZZ:GLOBEXRETAIL',
				sentParcelId: parcelId,
				answer: 'accept',
			}),
		]);
	});

	it('fails the run, recording nothing, for an order whose text holds the element separator', async () => {
		const order = { ...shippedOrder(5003), poNumber: 'PO*5003' };
		const { result, tables } = await send([order], '43');
		expect(result.error).toBeDefined();
		expect(JSON.stringify(result.error)).toMatch(/BIG04|PRF01/);
		expect(tables.byName('EDI sent').rows()).toEqual([]);
		expect(sim().answers).toEqual([]);
	});
});
