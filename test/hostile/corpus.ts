import type { ServerResponse } from 'node:http';

import type { INodeParameters } from 'n8n-workflow';

import type { Binding } from '../../nodes/EcGridOs/soap';
import {
	answer,
	envelope,
	gzipBomb,
	isSoap,
	send,
	sendFault,
	spell,
	SOAP11,
	SOAP12,
} from './replies';
import { drip, type SeenRequest } from './server';

/**
 * Recognisable, and full of characters that escaping and encoding change: `<&>"` for XML and
 * HTML, a space for `+`, `/` and `+` for URL encoding, `"` and `/` for JSON.
 */
export const SECRET = 'S3CRET<&>"KEY +/-4000-8000-DEADBEEF';

export interface HostileContext {
	binding: Binding;
	request: SeenRequest;
	/** A server of another origin: a redirect there must never be followed. */
	foreignUrl: string;
}

export interface HostileReply {
	name: string;
	/** The point of issue 10 the reply attacks. */
	point: number;
	bindings?: Binding[];
	options?: INodeParameters;
	reply: (response: ServerResponse, context: HostileContext) => void | Promise<void>;
	/** What the run shows: error message, description, the editor's "Error code" (httpCode). */
	expect: { message: RegExp; description?: RegExp; httpCode?: string | RegExp };
}

const SOAP: Binding[] = ['soap11', 'soap12'];
const PLAIN: Binding[] = ['httpPost', 'httpGet'];
const MB = 1024 * 1024;
const bombs = new Map<string, Promise<Buffer>>();
const bomb = (binding: Binding, bytes: number) => {
	const key = `${binding}:${bytes}`;
	if (!bombs.has(key)) bombs.set(key, gzipBomb(binding, bytes));
	return bombs.get(key)!;
};

const xml = { 'Content-Type': 'text/xml; charset=utf-8' };
const cannotRead = (reason: string) => new RegExp(`XML that cannot be read: ${reason}`);
const unexpected = (what: string) => new RegExp(`The ECGridOS reply has ${what}`);
const redirect = (status: number): HostileReply => ({
	name: `a ${status} redirect to another origin, with the key in the Location`,
	point: 5,
	reply: (response, { foreignUrl }) =>
		send(response, status, '', {
			Location: `${foreignUrl}/steal?SessionID=${encodeURIComponent(SECRET)}`,
		}),
	expect: {
		message: new RegExp(
			`redirect \\(HTTP ${status}\\) to http://127\\.0\\.0\\.1:\\d+/v4\\.1/prod/ECGridOS\\.asmx/steal\\?…$`,
		),
		description: /never redirects.*Endpoint URL/,
		httpCode: String(status),
	},
});

/** Fault texts that echo the key in one spelling or another. */
const echoInFault = (name: string, text: (secret: string) => string): HostileReply => ({
	name: `a fault echoing the key ${name}`,
	point: 1,
	reply: (response, { binding }) =>
		sendFault(response, binding, {
			errorCode: '9',
			errorString: 'Data error.',
			errorItem: `SessionID ${text(SECRET)}`,
			errorMessage: `Rejected key ${text(SECRET)}`,
			faultString: `Bad key ${text(SECRET)}`,
		}),
	expect: { message: /failed: Data error\./, httpCode: '9 (DataError)' },
});

export const HOSTILE_REPLIES: HostileReply[] = [
	// 1. No secret in anything the user sees.
	echoInFault('XML-escaped', spell.xml),
	echoInFault('as decimal character references', spell.decimal),
	echoInFault('as hex character references', spell.hex),
	echoInFault('doubly XML-escaped', (secret) => spell.xml(spell.xml(secret))),
	echoInFault('URL-encoded with lowercase hex and + (as .NET writes it)', spell.dotNetUrl),
	echoInFault('URL-encoded with uppercase hex', encodeURIComponent),
	echoInFault('with every byte percent-encoded', spell.allPercent),
	echoInFault('JSON-escaped', (secret) => spell.xml(spell.json(secret))),
	echoInFault('JSON-escaped twice', (secret) => spell.xml(spell.json(spell.json(secret)))),
	echoInFault('upper-cased', (secret) => spell.xml(secret.toUpperCase())),
	echoInFault('base64-encoded, at each alignment', (secret) =>
		['', 'a', 'ab'].map((before) => spell.base64(`${before}${secret}`)).join(' '),
	),
	echoInFault('upper-cased, then base64-encoded in the URL-safe alphabet', (secret) =>
		spell.base64(`SessionID=${secret.toUpperCase()}`).replace(/\+/g, '-').replace(/\//g, '_'),
	),
	{
		name: 'an HTML page with the key entity-encoded in its <title>',
		point: 1,
		reply: (response) =>
			send(
				response,
				502,
				`<!DOCTYPE html><html><head><title>Bad gateway for ${spell.decimal(SECRET)} &amp; co</title></head><body>${spell.xml(SECRET)}</body></html>`,
				{ 'Content-Type': 'text/html' },
			),
		expect: {
			message:
				/HTML page came back instead of an ECGridOS reply: "Bad gateway for \[redacted\] & co"/,
			description: /proxy, gateway or wrong URL/,
			httpCode: '502',
		},
	},
	{
		name: 'a server that echoes the whole request it was sent',
		point: 1,
		reply: (response, { binding, request }) => {
			const echoed = `${request.url} ${request.body}`;
			if (isSoap(binding)) return sendFault(response, binding, { faultString: spell.xml(echoed) });
			send(response, 500, `System.InvalidOperationException: Request was ${echoed}`, {
				'Content-Type': 'text/plain',
			});
		},
		expect: { message: /.+/ },
	},
	{
		// As sent: the key XML-escaped in a SOAP body, form-encoded in an HTTP POST body or GET URL.
		name: 'a server that echoes the whole request it was sent, base64-encoded',
		point: 1,
		reply: (response, { binding, request }) => {
			const echoed = spell.base64(`${request.url} ${request.body}`);
			if (isSoap(binding))
				return sendFault(response, binding, { errorMessage: echoed, faultString: echoed });
			send(response, 500, `System.InvalidOperationException: Request was ${echoed}`, {
				'Content-Type': 'text/plain',
			});
		},
		expect: { message: /.+/ },
	},
	{
		name: 'a fault code and SOAP 1.2 subcode carrying the key',
		point: 1,
		bindings: SOAP,
		reply: (response, { binding }) =>
			send(
				response,
				500,
				envelope(
					binding,
					binding === 'soap12'
						? `<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>${spell.xml(SECRET)}</s:Value></s:Subcode></s:Code><s:Reason><s:Text>no</s:Text></s:Reason></s:Fault>`
						: `<s:Fault><faultcode>${spell.hex(SECRET)}</faultcode><faultstring>no</faultstring></s:Fault>`,
				),
				xml,
			),
		expect: { message: /failed: no/, description: /fault code/ },
	},

	// 2. The Timeout is a deadline for the whole answer.
	{
		name: 'half an answer, then one byte every 250 ms',
		point: 2,
		options: { timeout: 800 },
		reply: (response, { binding }) => {
			response.writeHead(200, xml);
			response.write(answer(binding, 'x').slice(0, 60));
			drip(response, '          ', 250);
		},
		expect: { message: /did not answer in time: timed out after 800 ms/, description: /Timeout/ },
	},
	{
		name: 'headers, then silence',
		point: 2,
		options: { timeout: 500 },
		reply: (response) => {
			response.writeHead(200, xml);
			response.flushHeaders();
		},
		expect: { message: /timed out after 500 ms/, description: /Timeout option/ },
	},
	{
		name: 'silence before any header',
		point: 2,
		options: { timeout: 500 },
		reply: () => undefined,
		expect: { message: /timed out after 500 ms/ },
	},
	{
		name: 'headers dripped one byte every 100 ms',
		point: 2,
		options: { timeout: 700 },
		reply: (response) => {
			const socket = response.socket!;
			socket.write('HTTP/1.1 200 OK\r\n');
			const header = 'X-Slow: ' + 'a'.repeat(1000);
			let position = 0;
			const timer = setInterval(() => {
				if (socket.destroyed) return clearInterval(timer);
				socket.write(header[position++ % header.length]);
			}, 100);
			socket.on('close', () => clearInterval(timer));
		},
		expect: { message: /timed out after 700 ms/ },
	},

	// 3. Bounded memory and size.
	{
		name: 'a 3 MB answer over a 1 MB Max Reply Size',
		point: 3,
		options: { maxReplySize: 1 },
		reply: (response, { binding }) =>
			send(response, 200, answer(binding, 'x', 'A'.repeat(3 * MB)), xml),
		expect: {
			message: /larger than the Max Reply Size \(1 MB\)/,
			description: /Max Reply Size option/,
			httpCode: '200',
		},
	},
	{
		name: 'a gzip bomb inflating past the default cap (100 MB)',
		point: 3,
		reply: async (response, { binding }) =>
			send(response, 200, await bomb(binding, 110 * MB), {
				...xml,
				'Content-Encoding': 'gzip',
			}),
		expect: { message: /larger than the Max Reply Size \(100 MB\)/ },
	},
	{
		name: 'a gzip bomb under a 2 MB cap',
		point: 3,
		options: { maxReplySize: 2 },
		reply: async (response, { binding }) =>
			send(response, 200, await bomb(binding, 16 * MB), { ...xml, 'Content-Encoding': 'gzip' }),
		expect: { message: /larger than the Max Reply Size \(2 MB\)/ },
	},
	{
		name: 'a 2-million-character ErrorMessage, capped',
		point: 3,
		reply: (response, { binding }) =>
			sendFault(response, binding, { errorMessage: `${'x'.repeat(2_000_000)} tail` }),
		expect: { message: /Access denied/, description: /x… \(1999005 more characters\)/ },
	},
	{
		name: 'an attribute of 1 MB',
		point: 3,
		reply: (response, { binding }) =>
			send(response, 200, answer(binding, '').replace('<', `<x a="${'a'.repeat(MB)}"/><`), xml),
		expect: { message: cannotRead('it has a tag longer than 64 KB') },
	},

	// 4. Strict replies.
	{
		name: 'two root elements',
		point: 4,
		reply: (response, { binding }) =>
			send(response, 200, answer(binding, 'first') + answer(binding, 'second').slice(38), xml),
		expect: { message: cannotRead('it has two root elements') },
	},
	{
		name: 'junk after the root element',
		point: 4,
		reply: (response, { binding }) =>
			send(response, 200, `${answer(binding, 'k')} trailing junk`, xml),
		expect: { message: cannotRead('it has text after the root element') },
	},
	{
		name: 'a DOCTYPE',
		point: 4,
		reply: (response, { binding }) =>
			send(
				response,
				200,
				answer(binding, 'k').replace('?>', '?><!DOCTYPE string [<!ENTITY e "x">]>'),
				xml,
			),
		expect: { message: cannotRead('it has a DOCTYPE, which ECGridOS never sends') },
	},
	{
		name: 'a processing instruction',
		point: 4,
		reply: (response, { binding }) =>
			send(response, 200, answer(binding, 'k').replace('?>', '?><?xml-stylesheet href="x"?>'), xml),
		expect: { message: cannotRead('it has a processing instruction') },
	},
	{
		name: 'an envelope in the wrong namespace',
		point: 4,
		bindings: SOAP,
		reply: (response, { binding }) =>
			send(
				response,
				200,
				answer(binding, 'k').replace(binding === 'soap12' ? SOAP12 : SOAP11, 'urn:not-soap'),
				xml,
			),
		expect: { message: unexpected('a SOAP envelope in the wrong namespace') },
	},
	{
		name: 'an envelope of the other SOAP version',
		point: 4,
		bindings: SOAP,
		reply: (response, { binding }) =>
			send(
				response,
				200,
				answer(binding, 'k').replace(
					binding === 'soap12' ? SOAP12 : SOAP11,
					binding === 'soap12' ? SOAP11 : SOAP12,
				),
				xml,
			),
		expect: { message: unexpected('a SOAP envelope of the other SOAP version') },
	},
	{
		name: 'a result in the wrong namespace',
		point: 4,
		reply: (response, { binding }) =>
			send(
				response,
				200,
				answer(binding, 'k').replace('https://os.ecgrid.io/', 'https://evil.example/'),
				xml,
			),
		expect: { message: unexpected('.*in namespace https://evil\\.example/') },
	},
	{
		name: 'two result elements',
		point: 4,
		bindings: SOAP,
		reply: (response, { binding }) =>
			send(
				response,
				200,
				answer(binding, 'k').replace(
					'</GenerateAPIKeyResponse>',
					'<GenerateAPIKeyResult>other</GenerateAPIKeyResult></GenerateAPIKeyResponse>',
				),
				xml,
			),
		expect: { message: unexpected('2 <GenerateAPIKeyResult> elements') },
	},
	{
		name: 'two SOAP bodies',
		point: 4,
		bindings: SOAP,
		reply: (response, { binding }) =>
			send(
				response,
				200,
				answer(binding, 'k').replace('</s:Envelope>', '<s:Body/></s:Envelope>'),
				xml,
			),
		expect: { message: unexpected('2 <Body> elements') },
	},
	{
		name: 'markup inside a scalar result',
		point: 4,
		reply: (response, { binding }) =>
			send(response, 200, answer(binding, '', 'key<b>bold</b>'), xml),
		expect: { message: unexpected('markup inside the <\\w+> value \\(a string\\)') },
	},
	{
		name: 'invalid UTF-8 inside a value',
		point: 4,
		reply: (response, { binding }) => {
			const [head, tail] = answer(binding, 'MARK').split('MARK');
			send(
				response,
				200,
				Buffer.concat([
					Buffer.from(head),
					Buffer.from([0x4b, 0xff, 0xfe, 0x4b]),
					Buffer.from(tail),
				]),
				xml,
			);
		},
		expect: { message: /not valid UTF-8/ },
	},
	{
		name: 'a non-numeric ErrorCode, shown as sent',
		point: 4,
		bindings: SOAP,
		reply: (response, { binding }) => sendFault(response, binding, { errorCode: 'E-42x' }),
		expect: { message: /Access denied/, description: /error code E-42x\./, httpCode: 'E-42x' },
	},
	{
		name: 'an unbound namespace prefix',
		point: 4,
		reply: (response, { binding }) => send(response, 200, answer(binding, '', 'k<q:x/>'), xml),
		expect: { message: cannotRead('it is not well-formed \\(Unbound namespace prefix') },
	},
	{
		name: 'a SOAP envelope on a plain-XML binding',
		point: 4,
		bindings: PLAIN,
		reply: (response) => send(response, 200, answer('soap11', 'k'), xml),
		expect: { message: unexpected('a SOAP envelope where plain XML was expected') },
	},
	{
		name: 'a cut-off reply',
		point: 4,
		reply: (response, { binding }) => send(response, 200, answer(binding, 'k').slice(0, -9), xml),
		expect: { message: cannotRead('it ends before its root element is closed \\(cut off\\)') },
	},
	{
		name: 'text before the root element',
		point: 4,
		reply: (response, { binding }) =>
			send(response, 200, answer(binding, 'k').replace('?>', '?>hello'), xml),
		expect: { message: cannotRead('it has text before the root element') },
	},

	// 5. No redirects.
	redirect(301),
	redirect(302),
	redirect(307),
	redirect(308),

	// 6. A wrong key says so, on every binding.
	{
		name: 'SessionTimeout for a key that never had a session',
		point: 6,
		reply: (response, { binding }) =>
			sendFault(response, binding, {
				errorCode: '1',
				errorString: 'Session timed out.',
				errorItem: 'SessionID',
				errorMessage: 'The SessionID is unknown or has expired.',
			}),
		expect: {
			message:
				/GenerateAPIKey for UserID \d+ failed: The API key or session ID is not valid, or the session has expired$/,
			description: /ECGridOS says: Session timed out\. .*Check the API key in the credential/,
			httpCode: '1 (SessionTimeout)',
		},
	},

	// 7. Errors that read well in the editor.
	{
		name: 'AccessDenied with an ErrorMessage ending in a full stop',
		point: 7,
		reply: (response, { binding }) =>
			sendFault(response, binding, { errorMessage: 'User 2001 is not of a NetworkAdmin.' }),
		expect: {
			message: /^GenerateAPIKey for UserID \d+ failed: Access denied\.$/,
			description:
				/^Item 0: ECGridOS error code 2 \(AccessDenied\)\. (Field: UserID\. )?User 2001 is not of a NetworkAdmin\. [^;]* HTTP 500\.$/,
			httpCode: '2 (AccessDenied)',
		},
	},
	{
		name: 'NotFound',
		point: 7,
		reply: (response, { binding }) =>
			sendFault(response, binding, { errorCode: '3', errorString: 'Not found.', errorMessage: '' }),
		expect: { message: /for UserID \d+ failed: Not found\./, httpCode: '3 (NotFound)' },
	},
	{
		name: 'an ErrorCode outside the RetCode table',
		point: 7,
		bindings: SOAP,
		reply: (response, { binding }) =>
			sendFault(response, binding, { errorCode: '77', errorString: 'Odd.' }),
		expect: { message: /failed: Odd\./, httpCode: '77' },
	},
	{
		name: 'a plain-text exception that is no RetCode',
		point: 7,
		bindings: PLAIN,
		reply: (response) =>
			send(
				response,
				500,
				'System.InvalidOperationException: Missing parameter: UserID.\r\n   at X()',
				{
					'Content-Type': 'text/plain',
				},
			),
		expect: {
			message: /for UserID \d+ failed: Missing parameter: UserID\./,
			description:
				/^Item 0: The ECGridOS web service rejected the request \(fault code System\.InvalidOperationException, HTTP 500\)\. Check/,
			httpCode: '500',
		},
	},
];
