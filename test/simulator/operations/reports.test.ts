import { startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { BINDINGS } from '../client';
import type { Node } from '../client';
import { call, plain } from './call';

let sim: Simulator;
beforeEach(async () => {
	sim = await startSimulator({ port: 0 });
});
afterEach(() => sim.close());

function tables(result: Node): { schema: string[]; rows: Record<string, unknown>[] } {
	const [schema, diffgram] = result.children;
	const choice = schema.children[0].children[0].children[0];
	return {
		schema: choice.children.map((t) => t.attributes.name),
		rows: (diffgram.children[0]?.children ?? []).map((r) => ({
			table: r.local,
			...(plain(r) as object),
		})),
	};
}

test.each(BINDINGS)(
	'ReportMailboxStats on %s: inline schema + diffgram, rows from the world',
	async (binding) => {
		const result = await call(sim, 'ReportMailboxStats', {}, { binding });
		const [schema, diffgram] = result.children;
		expect([schema.local, schema.uri]).toEqual(['schema', 'http://www.w3.org/2001/XMLSchema']);
		expect(schema.children[0].attributes.IsDataSet).toBe('true');
		expect([diffgram.local, diffgram.uri]).toEqual([
			'diffgram',
			'urn:schemas-microsoft-com:xml-diffgram-v1',
		]);
		const { schema: names, rows } = tables(result);
		expect(names).toEqual(['MailboxStats', 'Totals']);
		expect(
			rows
				.filter((r) => r.table === 'MailboxStats')
				.map((r) => [r.MailboxID, r.InBoxReady, r.OutBoxErrors]),
		).toEqual([
			['10', '2', '1'],
			['11', '0', '0'],
		]);
		expect(rows.find((r) => r.table === 'Totals')).toMatchObject({ Mailboxes: '2' });
	},
);

test('InterconnectCount counts the world’s interconnects by status', async () => {
	const { rows } = tables(await call(sim, 'InterconnectCount', { MaxDays: 0 }, { as: 'root.ops' }));
	const count = Object.fromEntries(rows.map((r) => [r.Status, r.Count]));
	expect(count).toMatchObject({ Completed: '4', Pending: '1', Canceled: '0' });
});

test('a downloaded parcel moves from InBoxReady to InBoxTransferred in the report', async () => {
	await call(sim, 'ParcelDownload', { ParcelID: sim.inBox(10)[0].parcelId }, { as: 'mbx.user' });
	const { rows } = tables(await call(sim, 'ReportMailboxStatsEx', { NetworkID: 1, MailboxID: 10 }));
	expect(rows[0]).toMatchObject({ MailboxID: '10', InBoxReady: '1', InBoxTransferred: '1' });
});

test('generated replies are the same for the same seed', async () => {
	const other = await startSimulator({ port: 0 });
	try {
		const a = plain(await call(sim, 'CallBackPendingList'));
		const b = plain(await call(other, 'CallBackPendingList'));
		expect(a).toEqual(b);
		expect(JSON.stringify(a)).toContain('CallBackQueueID');
	} finally {
		await other.close();
	}
});
