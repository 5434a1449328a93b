import {
	BINDINGS,
	buildRequest,
	EcGridOsError,
	parseResponse,
	type Binding,
} from '../../nodes/EcGridOs/soap';
import {
	fixtureNames,
	readCall,
	readExpected,
	readExpectedRequest,
	readResponse,
} from '../support/fixtures';

const DEFAULT_ENDPOINT = 'https://os.ecgrid.io/v4.1/prod/ECGridOS.asmx';

const cases = fixtureNames().flatMap((fixture) =>
	BINDINGS.map((binding) => [fixture, binding] as [string, Binding]),
);

describe.each(cases)('%s over %s', (fixture, binding) => {
	const call = readCall(fixture);
	const expectedRequest = readExpectedRequest(fixture, binding);
	const response = readResponse(fixture, binding);
	const expected = readExpected(fixture, binding);

	if (call && expectedRequest) {
		it('builds exactly the golden request', () => {
			const request = buildRequest(
				{ operation: call.operation, parameters: call.parameters },
				{ endpoint: call.endpoint ?? DEFAULT_ENDPOINT, binding, sessionId: call.sessionId },
			);
			expect(request).toEqual(expectedRequest);
		});
	}

	if (response && expected) {
		const operation = fixture.split('__')[0];
		if (expected.error) {
			it(`reads the reply as ${String(expected.error.type)}`, async () => {
				const error = await parseResponse(operation, binding, response).then(
					() => undefined,
					(thrown: unknown) => thrown,
				);
				expect(error).toBeInstanceOf(EcGridOsError);
				const { type, ...fields } = expected.error!;
				expect((error as Error).constructor.name).toBe(type);
				expect(error).toMatchObject(fields);
			});
		} else {
			it('reads the result', async () => {
				await expect(parseResponse(operation, binding, response)).resolves.toEqual(expected.result);
			});
		}
	}
});

it('covers every binding with at least one request and one reply fixture', () => {
	for (const binding of BINDINGS) {
		expect(fixtureNames().some((fixture) => readExpectedRequest(fixture, binding))).toBe(true);
		expect(fixtureNames().some((fixture) => readResponse(fixture, binding))).toBe(true);
	}
});
