import { runReceiveDemo } from '../../scripts/demo-receive';
import { ADMIN, apiKeyCredential, useSimulator } from '../support/workflows';

const sim = useSimulator({ demoParcels: false });

describe('npm run demo: the receive flow', () => {
	it('shows the orders reaching the ERP, the broken ones the alert, and each 997 and CONTRL in Globex’s InBox', async () => {
		const printed: string[] = [];
		const log = jest.spyOn(console, 'log').mockImplementation((line: string) => {
			printed.push(line);
		});
		try {
			const ok = await runReceiveDemo(
				sim(),
				apiKeyCredential(sim(), sim().world.apiKeyOf(ADMIN.userId)!),
			);
			expect(ok).toBe(true);
		} finally {
			log.mockRestore();
		}
		expect(printed.slice(1)).toEqual([
			'ERP got ORDERS (no 850 fields to map)',
			'ERP got order PO-4711: 24 CA ACME-OAT-500, 12 CA ACME-RYE-750',
			expect.stringMatching(
				/^alert: Invalid EDI from GLOBEXRETAIL in parcel \d+: 850 0001 is rejected \(Mandatory segment BEG is missing before position 2; 1 segment\(s\) of set 850 0001 are in error\)$/,
			),
			expect.stringMatching(
				/^alert: Invalid EDI from GLOBEXRETAIL in parcel \d+: ORDERS 1 is rejected \(Mandatory segment BGM is missing before position 2\)$/,
			),
			expect.stringMatching(
				/^in Globex's InBox: 997-\d+\.x12: ACMEFOODS → GLOBEXRETAIL, answers group 101: accepted$/,
			),
			expect.stringMatching(
				/^in Globex's InBox: 997-\d+\.x12: ACMEFOODS → GLOBEXRETAIL, answers group 102: rejected$/,
			),
			expect.stringMatching(
				/^in Globex's InBox: contrl-\d+\.edi: ACMEFOODS → GLOBEXRETAIL, answers interchange GX000301: accepted$/,
			),
			expect.stringMatching(
				/^in Globex's InBox: contrl-\d+\.edi: ACMEFOODS → GLOBEXRETAIL, answers interchange GX000302: rejected$/,
			),
			"all 4 parcels confirmed after their runs succeeded; Acme's InBox now holds 0",
		]);
	});
});
