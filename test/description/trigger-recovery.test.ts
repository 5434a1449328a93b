/** The editor tells a user what happens to a parcel a test run downloads and leaves unconfirmed. */
import { triggerProperties } from '../../nodes/EcGridOsTrigger/description';

describe('ECGridOS Trigger: recovery in the editor', () => {
	it('shows a notice under Confirm Download When in the modes that recover parcels', () => {
		const notice = triggerProperties.find((property) => property.name === 'recoveryNotice')!;
		expect(notice.type).toBe('notice');
		expect(notice.displayName).toMatch(/test run from the editor/);
		expect(notice.displayOptions?.show?.confirmWhen).toEqual([
			'workflowSucceeds',
			'workflowFinishes',
		]);
		const order = triggerProperties.map((property) => property.name);
		expect(order.indexOf('recoveryNotice')).toBe(order.indexOf('confirmWhen') + 1);
	});

	it('offers Recover Unconfirmed Parcels After under Options, 10 minutes by default', () => {
		const options = triggerProperties.find((property) => property.name === 'options')!;
		const recover = (options.options as Array<{ name: string; default?: unknown }>).find(
			(option) => option.name === 'recoverMinutes',
		);
		expect(recover?.default).toBe(10);
	});
});
