import { BINDINGS, type Binding } from '../../nodes/EcGridOs/soap';
import { generateWorkflow, run, visibleText } from '../support/workflows';
import type { HarnessCredential } from '../harness';
import { HOSTILE_REPLIES, SECRET, type HostileReply } from './corpus';
import { isSoap, send, sendFault, spell } from './replies';
import { startHostileServer, type HostileServer } from './server';

/**
 * Undoes every encoding a server might have applied (percent, entities, JSON escapes), over and
 * over, so that a secret in any spelling shows up as itself.
 */
function decodeEverything(text: string, plusIsSpace = true): string {
	let previous = '';
	let current = text;
	while (current !== previous) {
		previous = current;
		current = current
			.replace(/%([0-9a-f]{2})/gi, (_m, hex: string) =>
				String.fromCharCode(Number.parseInt(hex, 16)),
			)
			.replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) =>
				String.fromCodePoint(Number.parseInt(hex, 16)),
			)
			.replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
			.replace(
				/&(lt|gt|quot|apos|amp);/g,
				(_m, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!,
			)
			.replace(/\\u([0-9a-f]{4})/gi, (_m, hex: string) =>
				String.fromCharCode(Number.parseInt(hex, 16)),
			)
			.replace(/\\+(["/\\])/g, '$1')
			.replace(/\+/g, plusIsSpace ? ' ' : '+');
	}
	return current;
}

/** Every run of base64 (either alphabet) in the text, decoded from each of its first four characters. */
function decodeBase64Runs(text: string): string {
	const runs = text.match(/[A-Za-z0-9+/_-]{8,}/g) ?? [];
	return runs
		.flatMap((run) =>
			[0, 1, 2, 3].map((start) => Buffer.from(run.slice(start), 'base64').toString('latin1')),
		)
		.join(' ');
}

/** The secret's distinctive core: every spelling of it still spells these letters. */
function expectNoSecret(text: string): void {
	const decoded = decodeEverything(text);
	// Base64 uses `+`, which form-decoding would have made a space.
	const base64 = decodeEverything(decodeBase64Runs(decodeEverything(text, false)));
	for (const seen of [decoded, base64]) {
		expect(seen).not.toMatch(/S3CRET/i);
		expect(seen).not.toMatch(/DEADBEEF/i);
	}
}

let server: HostileServer;
let foreign: HostileServer;

beforeAll(async () => {
	server = await startHostileServer();
	foreign = await startHostileServer();
	foreign.use((_request, response) => {
		response.end('<string xmlns="https://os.ecgrid.io/">stolen</string>');
	});
});
afterAll(async () => {
	await server.close();
	await foreign.close();
});

const credential = (): HarnessCredential => ({
	id: 'apiKeyCredential',
	name: 'ECGridOS API key',
	type: 'ecGridOsApi',
	data: { apiKey: SECRET, baseUrl: server.url },
});

function serve(entry: HostileReply): void {
	server.use((request, response) =>
		entry.reply(response, { binding: request.binding, request, foreignUrl: foreign.url }),
	);
}

const cases = HOSTILE_REPLIES.flatMap((entry) =>
	(entry.bindings ?? BINDINGS).map(
		(binding) =>
			[`${entry.point}: ${entry.name}`, binding, entry] as [string, Binding, HostileReply],
	),
);

describe('a hostile ECGridOS endpoint', () => {
	it('has at least 40 replies, covering every binding and every point', () => {
		expect(HOSTILE_REPLIES.length).toBeGreaterThanOrEqual(40);
		for (const binding of BINDINGS) {
			expect(cases.filter(([, b]) => b === binding).length).toBeGreaterThanOrEqual(30);
		}
		expect(new Set(HOSTILE_REPLIES.map((entry) => entry.point))).toEqual(
			new Set([1, 2, 3, 4, 5, 6, 7]),
		);
	});

	describe.each(cases)('%s over %s', (_name, binding, entry) => {
		const options = { ...entry.options, binding };

		it('stops the run with a clear NodeApiError and no secret', async () => {
			serve(entry);
			const sentBefore = server.requests.length;
			const result = await run(generateWorkflow({ options }), [{ userId: 1002 }], [credential()]);
			const error = result.error as {
				name: string;
				message: string;
				description?: string;
				httpCode?: string;
			};
			expect(error).toBeDefined();
			expect(error.name).toBe('NodeApiError');
			expect(error.message).toMatch(entry.expect.message);
			if (entry.expect.description) expect(error.description).toMatch(entry.expect.description);
			if (entry.expect.httpCode !== undefined)
				expect(error.httpCode).toMatch(entry.expect.httpCode);
			expectNoSecret(visibleText(result));
			// Not vacuous: the key did go out, in the spelling of the binding.
			expect(decodeEverything(JSON.stringify(server.requests.slice(sentBefore)))).toContain(
				'S3CRET',
			);
			expect(foreign.requests).toHaveLength(0);
		});

		it('under Continue On Fail, gives each item its error in place', async () => {
			serve(entry);
			const result = await run(
				generateWorkflow({ options }, { onError: 'continueRegularOutput' }),
				[{ userId: 1002 }, { userId: 1003 }],
				[credential()],
			);
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(2);
			for (const item of result.items) expect(String(item.error)).toMatch(entry.expect.message);
			const paired = result.outputOf('ECGridOS').map((item) => item.pairedItem);
			expect(paired).toEqual([{ item: 0 }, { item: 1 }]);
			expectNoSecret(visibleText(result));
			expect(foreign.requests).toHaveLength(0);
		});
	});

	it.each(BINDINGS)(
		'%s: scrubs a key saved with a newline or spaces around it, as it was sent (trimmed)',
		async (binding) => {
			server.use((request, response) => {
				const echoed = `${request.url} ${request.body}`;
				if (isSoap(binding))
					return sendFault(response, binding, {
						errorMessage: spell.xml(echoed),
						faultString: spell.xml(echoed),
					});
				send(response, 500, `System.InvalidOperationException: Request was ${echoed}`, {
					'Content-Type': 'text/plain',
				});
			});
			const pasted = { ...credential(), data: { apiKey: ` ${SECRET}\n`, baseUrl: server.url } };
			for (const onError of ['stopWorkflow', 'continueRegularOutput']) {
				const sentBefore = server.requests.length;
				const result = await run(
					generateWorkflow({ options: { binding } }, { onError }),
					[{ userId: 1002 }],
					[pasted],
				);
				expect(result.error ?? result.items[0]?.error).toBeDefined();
				expectNoSecret(visibleText(result));
				// Not vacuous: the key went out trimmed, and came back in the error before scrubbing.
				expect(decodeEverything(JSON.stringify(server.requests.slice(sentBefore)))).toMatch(
					/SessionID[>=]S3CRET/,
				);
			}
		},
	);

	it.each(BINDINGS)(
		'still reads a well-formed answer, comments and CDATA included (%s)',
		async (binding) => {
			server.use((request, response) => {
				const body = request.binding.startsWith('soap')
					? `<?xml version="1.0" encoding="utf-8"?><!-- proxy says hi --><s:Envelope xmlns:s="${request.binding === 'soap12' ? 'http://www.w3.org/2003/05/soap-envelope' : 'http://schemas.xmlsoap.org/soap/envelope/'}"><s:Body><GenerateAPIKeyResponse xmlns="https://os.ecgrid.io/"><GenerateAPIKeyResult><![CDATA[NEW<KEY>]]><!-- x --></GenerateAPIKeyResult></GenerateAPIKeyResponse></s:Body></s:Envelope>`
					: `<?xml version="1.0" encoding="utf-8"?>\n<string xmlns="https://os.ecgrid.io/"><![CDATA[NEW<KEY>]]><!-- x --></string>`;
				response.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
				response.end(body);
			});
			const result = await run(
				generateWorkflow({ options: { binding } }),
				[{ userId: 1002 }],
				[credential()],
			);
			expect(result.error).toBeUndefined();
			expect(result.items).toEqual([expect.objectContaining({ apiKey: 'NEW<KEY>' })]);
		},
	);
});
