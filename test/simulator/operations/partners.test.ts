import { startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { call, items, plain, refusal } from './call';

let sim: Simulator;
beforeEach(async () => {
	sim = await startSimulator({ port: 0 });
});
afterEach(() => sim.close());

test('TPAdd then TPInfo and TPSearch; TPUpdateDescription and TPTerminate change it', async () => {
	const ecGridId = Number(
		(
			await call(
				sim,
				'TPAdd',
				{ Qualifier: 'zz', ID: 'acmebakery', Description: 'Acme Bakery' },
				{ as: 'mbx.admin' },
			)
		).text,
	);
	const info = plain(
		await call(sim, 'TPInfo', { ECGridID: ecGridId }, { as: 'foreign.user' }),
	) as Record<string, string>;
	expect(info).toMatchObject({
		Qualifier: 'ZZ',
		ID: 'ACMEBAKERY',
		MailboxID: '10',
		MailboxName: 'Acme Foods',
		Status: 'Active',
	});
	const found = items(await call(sim, 'TPSearch', { Qualifier: 'ZZ', ID: 'bakery' }));
	expect(found.map((tp) => tp.ECGridID)).toEqual([String(ecGridId)]);

	await call(sim, 'TPUpdateDescription', { ECGridID: ecGridId, Description: 'Bakery' });
	await call(sim, 'TPTerminate', { ECGridID: ecGridId });
	expect(plain(await call(sim, 'TPInfo', { ECGridID: ecGridId }))).toMatchObject({
		Description: 'Bakery',
		Status: 'Terminated',
	});
	expect(items(await call(sim, 'TPSearch', { Qualifier: 'ZZ', ID: 'bakery' }))).toEqual([]);
	expect(
		items(await call(sim, 'TPSearch', { Qualifier: 'ZZ', ID: 'bakery', ShowInactive: 'true' })),
	).toHaveLength(1);
});

test('TPAdd refuses a duplicate and a caller outside the mailbox', async () => {
	expect((await refusal(sim, 'TPAdd', { Qualifier: 'ZZ', ID: 'ACMEFOODS' })).ErrorCode).toBe('5');
	expect(
		(await refusal(sim, 'TPAdd', { Qualifier: 'ZZ', ID: 'X' }, { as: 'mbx.user' })).ErrorCode,
	).toBe('2');
	expect((await refusal(sim, 'TPSuspend', { ECGridID: 100004 })).ErrorCode).toBe('2');
});

test('TPListExPaged pages 1-based with the paging fields filled in', async () => {
	// Mailbox 10 has three partners of its own: with four more, seven in all.
	for (let i = 0; i < 4; i++) {
		await call(sim, 'TPAdd', { Qualifier: 'ZZ', ID: `PAGED${i}`, Description: `Paged ${i}` });
	}
	const page = async (PageNumber: number) =>
		plain(
			await call(sim, 'TPListExPaged', { NetworkID: 1, MailboxID: 10, PageSize: 3, PageNumber }),
		) as Record<string, unknown>;
	const first = await page(1);
	expect(first).toMatchObject({
		PageSize: '3',
		PageNumber: '1',
		Count: '3',
		TotalRecords: '7',
		TotalPages: '3',
	});
	const third = await page(3);
	expect(third).toMatchObject({ Count: '1' });
	const list = (third.ECGridIDInfoList as Record<string, unknown>).ECGridIDInfo as Record<
		string,
		string
	>;
	expect(list.ID).toBe('PAGED3');
	expect(await page(4)).toMatchObject({ Count: '0', TotalRecords: '7' });
});
