import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';

import { FrameworkFault } from '../../simulator';
import { PARCEL_HANDLERS } from '../../simulator/operations/parcels';
import { CredentialStore } from '../harness';
import {
	ADMIN,
	apiKeyCredential,
	loginCredential,
	requestsFor,
	useSimulator,
} from '../support/workflows';
import { dropParcels, ownerCredential, OWNER, useTriggers } from './support';

const sim = useSimulator({ demoParcels: false });
const activate = useTriggers(sim);

/** What the trigger writes to n8n's log at warn level, for the length of a test. */
function captureWarnings(): string[] {
	const warnings: string[] = [];
	jest
		.spyOn(Container.get(Logger), 'warn')
		.mockImplementation((message: string) => void warnings.push(message));
	return warnings;
}

afterEach(() => jest.restoreAllMocks());

describe('ECGridOS Trigger: secrets', () => {
	it('keeps a key out of the log when a confirm fails after the credential was switched to another key', async () => {
		const warnings = captureWarnings();
		const store = new CredentialStore([ownerCredential(sim())]);
		const oldKey = sim().world.apiKeyOf(OWNER.userId)!;
		// The credential is switched to another (valid) key right after the poll that lists the
		// parcel: that poll's confirm still goes out with the old key, which the server echoes.
		let switched = false;
		sim().register('ParcelInBoxEx', async (context) => {
			const listing = await PARCEL_HANDLERS.ParcelInBoxEx(context);
			if (!switched && sim().inBox().length > 0) {
				switched = true;
				const { id, name, type, data } = apiKeyCredential(
					sim(),
					sim().world.apiKeyOf(ADMIN.userId)!,
				);
				store.set({ id, name }, type, data);
			}
			return listing;
		});
		sim().register('ParcelDownloadConfirm', ({ params }) => {
			throw new FrameworkFault('Server', `Rejected key ${String(params.SessionID)}`);
		});
		const trigger = await activate({ trigger: { confirmWhen: 'workflowFinishes' } }, OWNER, store);
		dropParcels(sim(), 1);
		await trigger.waitFor(
			() => warnings.some((warning) => /could not confirm/.test(warning)),
			15000,
			'a failed confirm',
		);

		expect(JSON.stringify(requestsFor(sim(), 'ParcelDownloadConfirm')[0])).toContain(oldKey);
		expect(warnings.join('\n')).toMatch(
			/could not confirm parcel \d+ \(try 1\).*Rejected key \[redacted\]/,
		);
		expect(warnings.join('\n')).not.toContain(oldKey);
	});

	it('keeps a mistyped password out of the log after it was corrected, while the failed Login still stands', async () => {
		const warnings = captureWarnings();
		const mistyped = 'net-admin-pazz-2024';
		sim().register('Login', ({ params }) => {
			throw new FrameworkFault('Server', `No user with password ${String(params.Password)}`);
		});
		const store = new CredentialStore([loginCredential(sim(), OWNER.loginName, mistyped)]);
		const trigger = await activate({ login: true }, OWNER, store);
		await trigger.waitFor(() => warnings.length >= 1, 15000, 'the failed poll');
		// Corrected in n8n; the trigger does not log in again for a while (lockout), and each poll
		// reports the Login that failed.
		const { id, name, type, data } = loginCredential(sim(), OWNER.loginName, OWNER.password);
		store.set({ id, name }, type, data);
		await trigger.waitFor(() => warnings.length >= 2, 15000, 'the next poll');

		expect(requestsFor(sim(), 'Login')).toHaveLength(1);
		expect(warnings[1]).toMatch(/poll failed: ECGridOS refused the login.*\[redacted\]/);
		expect(warnings.join('\n')).not.toContain(mistyped);
		expect(JSON.stringify(trigger.failedExecutions)).not.toContain(mistyped);
	});
});
