import { cronFor } from '../../nodes/EcGridOsTrigger/schedule';
import { leaseMsFor } from '../../nodes/EcGridOsTrigger/settings';
import { actionAfterRun, outcomeOf } from '../../nodes/EcGridOsTrigger/settle';
import type { IRun } from 'n8n-workflow';

describe('ECGridOS Trigger: schedule, lease and settle rules', () => {
	it.each([
		[1, '*/1 * * * * *'],
		[45, '*/45 * * * * *'],
		[60, '0 */1 * * * *'],
		[90, '0 */1 * * * *'],
		[300, '0 */5 * * * *'],
		[3600, '0 0 * * * *'],
		[0, '*/1 * * * * *'],
		[99999, '0 0 * * * *'],
	])('polls every %p s with the cron %p', (seconds, expression) => {
		expect(cronFor(seconds)).toBe(expression);
	});

	it("leases for the workflow's timeout plus a minute, else the option", () => {
		expect(leaseMsFor(300, 60)).toBe(360_000);
		expect(leaseMsFor(-1, 60)).toBe(3_600_000);
		expect(leaseMsFor(undefined, 0.05)).toBe(3_000);
		expect(leaseMsFor(undefined, undefined)).toBe(3_600_000);
	});

	const run = (status: IRun['status'], error?: object) =>
		({ status, data: { resultData: { runData: {}, error } } }) as unknown as IRun;

	it('confirms or resets by the mode and how the run ended', () => {
		expect(outcomeOf(run('success'))).toBe('succeeded');
		expect(outcomeOf(run('error', { message: 'x' }))).toBe('failed');
		expect(outcomeOf(run('waiting'))).toBe('failed');
		expect(outcomeOf(undefined)).toBe('notRun');
		expect(actionAfterRun('workflowSucceeds', 'succeeded')).toBe('confirm');
		expect(actionAfterRun('workflowSucceeds', 'failed')).toBe('reset');
		expect(actionAfterRun('workflowFinishes', 'failed')).toBe('confirm');
		expect(actionAfterRun('workflowFinishes', 'notRun')).toBe('reset');
		expect(actionAfterRun('immediately', 'failed')).toBe('none');
		expect(actionAfterRun('laterInWorkflow', 'succeeded')).toBe('none');
	});
});
