/**
 * Generated from the metadata: every operation refuses a request that breaks its WSDL (a missing
 * parameter, parameters out of order, a value of the wrong type, an out-of-range number, an
 * unknown enum name), before any ECGridOS code runs.
 */
import { ENUM_TYPES, OPERATIONS } from '../../../nodes/EcGridOs/soap/wsdl/operations.generated';
import { startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { callOperation, envelopeXml, postSoap11, readSoap, SOAP11_NS } from '../client';
import type { Params } from '../client';
import { validParams } from '../operations/requests';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());

const BAD_VALUE: Record<string, string> = {
	int: '2147483648',
	short: '32768',
	long: '1.5',
	unsignedByte: '256',
	boolean: 'yes',
	dateTime: 'tomorrow',
	base64Binary: '***',
};

function badValueFor(type: string): string | undefined {
	if (ENUM_TYPES[type]) return 'NotAName';
	return BAD_VALUE[type];
}

async function expectFramework(reply: { status: number; body: string }, operation: string) {
	expect(reply.status).toBe(500);
	const outcome = await readSoap(reply.body, operation);
	expect(outcome.fault?.code).toBe('soap:Client');
	expect(outcome.fault?.errorInfo).toBeUndefined();
	return outcome.fault!.message;
}

const NAMES = Object.keys(OPERATIONS).sort();

test.each(NAMES)('%s refuses requests that break its WSDL', async (name) => {
	const operation = OPERATIONS[name];
	const valid = validParams(name, sim);
	for (const field of operation.parameters) {
		const missing: Params = { ...valid };
		delete missing[field.name];
		expect(
			await expectFramework(await callOperation('soap11', sim.url, name, missing), name),
		).toContain(`Missing parameter: ${field.name}`);
		const bad = badValueFor(field.type);
		if (bad !== undefined) {
			const reply = await callOperation('soap11', sim.url, name, { ...valid, [field.name]: bad });
			expect(await expectFramework(reply, name)).toContain(`element ${field.name}`);
			expect(reply.body).not.toContain(bad === '***' ? '***' : `>${bad}<`);
			const get = await callOperation('httpGet', sim.url, name, { ...valid, [field.name]: bad });
			expect(get.status).toBe(500);
			expect(get.body).toContain(`Cannot convert the value of ${field.name}`);
		}
	}
	if (operation.parameters.length >= 2) {
		const [first, second] = operation.parameters;
		const swapped: Params = { [second.name]: valid[second.name], [first.name]: valid[first.name] };
		for (const field of operation.parameters.slice(2)) swapped[field.name] = valid[field.name];
		expect(
			await expectFramework(await callOperation('soap11', sim.url, name, swapped), name),
		).toContain('WSDL order');
	}
	const extra = envelopeXml(
		SOAP11_NS,
		`<${name} xmlns="https://os.ecgrid.io/"><NotAParameter>1</NotAParameter></${name}>`,
	);
	expect(await expectFramework(await postSoap11(sim.url, name, extra), name)).toContain(
		'was not expected',
	);
});
