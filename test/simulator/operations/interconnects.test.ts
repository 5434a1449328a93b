import { startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { call, items, plain, refusal } from './call';

let sim: Simulator;
beforeEach(async () => {
	sim = await startSimulator({ port: 0 });
});
afterEach(() => sim.close());

test('InterconnectAdd then Info and lists; a note; cancel', async () => {
	const added = plain(
		await call(sim, 'InterconnectAdd', {
			ECGridID1: 100002,
			ECGridID2: 100005,
			Reference: 'R-1',
			Note: 'Please confirm',
		}),
	) as Record<string, unknown>;
	expect(added).toMatchObject({ Status: 'Pending', Reference1: 'R-1' });
	const id = Number(added.InterconnectID);
	expect((added.TP2 as Record<string, string>).ID).toBe('5012345000009');

	const byPair = items(
		await call(sim, 'InterconnectListByECGridID', { ECGridID1: 100005, ECGridID2: 100002 }),
	);
	expect(byPair.map((ic) => ic.InterconnectID)).toEqual([String(id)]);
	const notes = items(await call(sim, 'InterconnectNoteList', { InterconnectID: id }));
	expect(notes.map((n) => n.Note)).toEqual(['Please confirm']);
	// The other side sees it too.
	expect(
		plain(await call(sim, 'InterconnectInfo', { InterconnectID: id }, { as: 'foreign.user' })),
	).toMatchObject({ Status: 'Pending' });

	await call(sim, 'InterconnectCancel', { InterconnectID: id, Note: 'Not needed' });
	expect(plain(await call(sim, 'InterconnectInfo', { InterconnectID: id }))).toMatchObject({
		Status: 'Canceled',
	});
	const pending = items(
		await call(sim, 'InterconnectListByStatus', { Status: 'Pending', ECGridID: 0, MaxDays: 0 }),
	);
	expect(pending.map((ic) => ic.InterconnectID)).toEqual(['500003']);
});

test('a duplicate interconnect is refused; one outside the scope is not visible', async () => {
	expect(
		(await refusal(sim, 'InterconnectAdd', { ECGridID1: 100001, ECGridID2: 100004 })).ErrorCode,
	).toBe('5');
	expect(
		(await refusal(sim, 'InterconnectInfo', { InterconnectID: 500002 }, { as: 'foreign.user' }))
			.ErrorCode,
	).toBe('2');
});
