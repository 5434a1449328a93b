import { cronFor } from '../../nodes/EcGridOsTrigger/schedule';
import { leaseMsFor } from '../../nodes/EcGridOsTrigger/settings';
import { Leases } from '../../nodes/EcGridOsTrigger/leases';
import {
	actionAfterRun,
	isFinalRefusal,
	MAX_RETRY_MS,
	outcomeOf,
	outcomeOfRejection,
	retryDelayMs,
} from '../../nodes/EcGridOsTrigger/settle';
import {
	ManualExecutionCancelledError,
	SystemShutdownExecutionCancelledError,
	TimeoutExecutionCancelledError,
	type IRun,
} from 'n8n-workflow';

import { EcGridOsFault } from '../../nodes/EcGridOs/soap';
import type { EcGridOsClient } from '../../nodes/EcGridOs/transport/ecgridosClient';
import { LoginFailedError } from '../../nodes/EcGridOs/transport/loginFailedError';
import { InBox, LOGIN_RETRY_MS } from '../../nodes/EcGridOsTrigger/inbox';

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

	it('takes a run n8n stopped (timeout, Stop) as ended without success, anything else as not run', () => {
		expect(outcomeOfRejection(new TimeoutExecutionCancelledError('1'))).toBe('failed');
		expect(outcomeOfRejection(new ManualExecutionCancelledError('1'))).toBe('failed');
		expect(outcomeOfRejection(new SystemShutdownExecutionCancelledError('1'))).toBe('notRun');
		expect(outcomeOfRejection(new Error('Could not find execution'))).toBe('notRun');
		expect(outcomeOfRejection(undefined)).toBe('notRun');
	});
});

describe('ECGridOS Trigger: settling a parcel', () => {
	const fault = (errorCode: number | string) =>
		new EcGridOsFault(
			{ errorCode, errorString: 'x', errorItem: '', errorMessage: '' },
			'soap:Server',
			500,
			'x',
		);

	it('takes only NotFound, InvalidID and AccessDenied as final', () => {
		expect([2, 3, 4].map((code) => isFinalRefusal(fault(code)))).toEqual([true, true, true]);
		expect([-1, 1, 9, 10, 11, ''].map((code) => isFinalRefusal(fault(code)))).toEqual([
			false,
			false,
			false,
			false,
			false,
			false,
		]);
		expect(isFinalRefusal(new Error('connection refused'))).toBe(false);
	});

	it('waits 2 s before the second try, doubling up to a minute', () => {
		expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([2000, 4000, 8000, 16000]);
		expect(retryDelayMs(30)).toBe(MAX_RETRY_MS);
		expect(MAX_RETRY_MS).toBe(60_000);
	});

	it('reads leases saved by the earlier version (a bare expiry) and skips what is not a lease', () => {
		const leases = new Leases({
			parcelLeases: { 7: 1234, 8: 'x', 9: { until: 5, settle: 'reset' } },
		});
		expect(leases.entries()).toEqual([
			['7', { until: 1234 }],
			['9', { until: 5, settle: 'reset' }],
		]);
		expect(leases.isHeld('9', Date.now())).toBe(true);
	});
});

describe('ECGridOS Trigger: logging in again', () => {
	it('renews its client only once LOGIN_RETRY_MS have passed since a failed Login', async () => {
		let clock = 0;
		const clients: string[] = [];
		const newClient = () => {
			clients.push(`client ${clients.length + 1}`);
			return {
				call: async () => {
					throw new LoginFailedError('mbx.admin', new Error('Access denied'));
				},
			} as unknown as EcGridOsClient;
		};
		const inbox = new InBox(
			newClient,
			{ binding: 'soap11', timeout: 1000 },
			undefined,
			() => clock,
		);
		await expect(inbox.list(0)).rejects.toThrow(LoginFailedError);
		clock += LOGIN_RETRY_MS - 1;
		await expect(inbox.confirm('1')).rejects.toThrow(LoginFailedError);
		expect(clients).toHaveLength(1);
		clock += 1;
		await expect(inbox.list(0)).rejects.toThrow(LoginFailedError);
		expect(clients).toHaveLength(2);
	});

	it('keeps its client through other failures', async () => {
		const clients: number[] = [];
		const inbox = new InBox(
			() => {
				clients.push(1);
				return {
					call: async () => {
						throw new EcGridOsFault(
							{ errorCode: 3, errorString: 'Not found', errorItem: 'ParcelID', errorMessage: '' },
							'soap:Client',
							500,
							'Not found',
						);
					},
				} as unknown as EcGridOsClient;
			},
			{ binding: 'soap11', timeout: 1000 },
			{ networkId: 1, mailboxId: 10 },
		);
		await expect(inbox.reset('1')).rejects.toThrow(EcGridOsFault);
		await expect(inbox.list(0)).rejects.toThrow(EcGridOsFault);
		expect(clients).toHaveLength(1);
	});
});
