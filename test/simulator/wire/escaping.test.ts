import { startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import {
	BINDINGS,
	ECGRID_NS,
	SOAP11_NS,
	envelopeXml,
	callOperation,
	fields,
	postSoap11,
	readResult,
} from '../client';

/** Every character XML treats specially, plus a CDATA terminator. */
const NASTY = `k<e>y&"'; ]]> &amp; end`;

let sim: Simulator;

beforeEach(async () => {
	sim = await startSimulator({ port: 0 });
	sim.world.addUser({
		userId: 3001,
		loginName: 'odd&user',
		password: NASTY,
		authLevel: 'MailboxUser',
		networkId: 3,
		mailboxId: 30,
		firstName: '<First>',
		lastName: 'O\'Brien & "Sons"',
		company: ']]>',
		email: 'odd@example.test',
		phone: '',
		apiKey: NASTY,
	});
});

afterEach(async () => {
	await sim.close();
});

describe.each(BINDINGS)('%s', (binding) => {
	test('a key with < > & " \' ]]> is unescaped once in and escaped once out', async () => {
		const reply = await callOperation(binding, sim.url, 'WhoAmI', { SessionID: NASTY });
		expect(reply.status).toBe(200);
		const info = fields(await readResult(binding, reply, 'WhoAmI'));
		expect(info.SessionID).toBe(NASTY);
		expect(info.UserID).toBe('3001');
		expect(info.FirstName).toBe('<First>');
		expect(info.LastName).toBe('O\'Brien & "Sons"');
		expect(info.Company).toBe(']]>');
	});

	test('a password with special characters logs in', async () => {
		const reply = await callOperation(binding, sim.url, 'Login', {
			LoginName: 'odd&user',
			Password: NASTY,
		});
		expect(reply.status).toBe(200);
	});

	test('the doubly-escaped key is a different key', async () => {
		const doubled = NASTY.replace(/&/g, '&amp;');
		const reply = await callOperation(binding, sim.url, 'WhoAmI', { SessionID: doubled });
		expect(reply.status).toBe(500);
	});
});

test('CDATA and character references are read as text', async () => {
	const body = envelopeXml(
		SOAP11_NS,
		`<WhoAmI xmlns="${ECGRID_NS}"><SessionID><![CDATA[k<e>y&"'; ]]>]]&gt;<![CDATA[ &amp; end]]></SessionID></WhoAmI>`,
	);
	const reply = await postSoap11(sim.url, 'WhoAmI', body);
	expect(reply.status).toBe(200);
	const info = fields(await readResult('soap11', reply, 'WhoAmI'));
	expect(info.SessionID).toBe(NASTY);
});

test('the raw request body is recorded exactly as sent', async () => {
	await callOperation('soap11', sim.url, 'WhoAmI', { SessionID: NASTY });
	expect(sim.requests[0].body).toContain(
		'<SessionID>k&lt;e&gt;y&amp;"\'; ]]&gt; &amp;amp; end</SessionID>',
	);
});
