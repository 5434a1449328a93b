import { SessionGate } from '../../nodes/EcGridOs/transport/sessionGate';

describe('SessionGate', () => {
	it('refreshes once when several calls meet the same expired session', async () => {
		const gate = new SessionGate();
		const sentAt = gate.currentGeneration;
		const forced: boolean[] = [];
		const retry = async (force: boolean) => {
			forced.push(force);
			await new Promise((resolve) => setTimeout(resolve, 5));
			return force;
		};
		await Promise.all([1, 2, 3].map(() => gate.refreshAndRetry(sentAt, retry)));
		expect(forced).toEqual([true, false, false]);
	});

	it('refreshes again for a call sent after the last refresh', async () => {
		const gate = new SessionGate();
		await gate.refreshAndRetry(gate.currentGeneration, async () => undefined);
		const forced: boolean[] = [];
		await gate.refreshAndRetry(gate.currentGeneration, async (force) => void forced.push(force));
		expect(forced).toEqual([true]);
	});

	it('stops every later call after a failed login', async () => {
		const gate = new SessionGate();
		gate.recordLoginFailure(new Error('Access denied.'));
		expect(() => gate.throwIfLoginFailed()).toThrow('Access denied.');
		await expect(gate.refreshAndRetry(0, async () => 'called')).rejects.toThrow('Access denied.');
	});
});
