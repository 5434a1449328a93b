import { BINDINGS } from '../../nodes/EcGridOs/soap';
import { readCall, readExpectedRequest } from '../support/fixtures';
import { apiKeyCredential, generateWorkflow, run, useSimulator } from '../support/workflows';

const sim = useSimulator();
const FIXTURE = 'GenerateAPIKey__returns_new_key';
const GOLDEN_ENDPOINT = 'https://os.ecgrid.io/v4.1/prod/ECGridOS.asmx';

/**
 * The golden requests are what the protocol layer builds; these tests check that n8n's request
 * helpers put exactly those bytes on a real socket (no re-encoding, no extra Content-Type).
 */
describe.each(BINDINGS)('what reaches the server over %s', (binding) => {
	it('is byte for byte the golden request', async () => {
		const call = readCall(FIXTURE)!;
		const golden = readExpectedRequest(FIXTURE, binding)!;
		await run(
			generateWorkflow({ options: { binding } }, { onError: 'continueRegularOutput' }),
			[{ userId: call.parameters.UserID }],
			[apiKeyCredential(sim(), call.sessionId!)],
		);

		const [received] = sim().requests;
		const goldenUrl = new URL(golden.url.replace(GOLDEN_ENDPOINT, sim().url));
		expect(received.method).toBe(golden.method);
		expect(received.path).toBe(goldenUrl.pathname);
		expect(received.query).toBe(goldenUrl.search.replace(/^\?/, ''));
		expect(received.body).toBe(golden.body ?? '');
		expect(received.headers['content-type']).toBe(golden.headers['Content-Type']);
		expect(received.headers.soapaction).toBe(golden.headers.SOAPAction);
	});
});
