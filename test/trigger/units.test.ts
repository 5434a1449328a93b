import { cronFor } from '../../nodes/EcGridOsTrigger/schedule';
import { leaseMsFor } from '../../nodes/EcGridOsTrigger/settings';
import { actionAfterRun, outcomeOf } from '../../nodes/EcGridOsTrigger/settle';
import type { IRun } from 'n8n-workflow';

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
		await expect(inbox.confirm(1)).rejects.toThrow(LoginFailedError);
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
		await expect(inbox.reset(1)).rejects.toThrow(EcGridOsFault);
		await expect(inbox.list(0)).rejects.toThrow(EcGridOsFault);
		expect(clients).toHaveLength(1);
	});
});
