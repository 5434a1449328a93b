import { Agent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

import axios from 'axios';
import { parseStringPromise, processors } from 'xml2js';

import { runPool } from './bench-stats';

const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const SERVICE = 'https://os.ecgrid.io/';

const escapeXml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The two calls that take (SessionID, UserID) and answer a key. */
export type KeyCall = 'GenerateAPIKey' | 'UserGetAPIKey';

function keyCallEnvelope(call: KeyCall, key: string, userId: number): string {
	return (
		`<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${SOAP11}"><soap:Body>` +
		`<${call} xmlns="${SERVICE}"><SessionID>${escapeXml(key)}</SessionID>` +
		`<UserID>${userId}</UserID></${call}></soap:Body></soap:Envelope>`
	);
}

type KeyReply = {
	Envelope?: { Body?: Record<string, Record<string, unknown> | undefined> };
};

/** How the bare client connects: one agent's kept-alive connections, or a new one per call. */
export type Connections = 'keepAlive' | 'newPerCall';

const newAgent = (url: string, keepAlive: boolean): Agent =>
	url.startsWith('https:') ? new HttpsAgent({ keepAlive }) : new Agent({ keepAlive });

export interface AgentPool {
	/** The agent for the next call. */
	next(): Agent;
	/** Closes the kept connections. */
	close(): void;
}

/** The agents of a run: `keepAlive` shares one across calls, `newPerCall` never reuses. */
export function agentsFor(url: string, connections: Connections): AgentPool {
	if (connections === 'newPerCall') return { next: () => newAgent(url, false), close() {} };
	const shared = newAgent(url, true);
	return { next: () => shared, close: () => shared.destroy() };
}

export interface DirectOptions {
	/** GenerateAPIKey unless told. */
	call?: KeyCall;
	/** Node's global agent unless given. */
	agents?: AgentPool;
}

/**
 * The baseline: a key call over SOAP 1.1 with bare axios + xml2js, `concurrency` at a time.
 * With agents giving a fresh one per call (a new TCP connection, and TLS handshake over
 * https), as n8n-core's request helper does, that cost can be told apart from the rest of n8n's.
 */
export async function generateKeysDirectly(
	url: string,
	key: string,
	userIds: number[],
	concurrency: number,
	{ call = 'GenerateAPIKey', agents }: DirectOptions = {},
): Promise<void> {
	await runPool(userIds.length, concurrency, async (index) => {
		const agent = agents?.next();
		const response = await axios.post<string>(url, keyCallEnvelope(call, key, userIds[index]), {
			headers: {
				'Content-Type': 'text/xml; charset=utf-8',
				SOAPAction: `"${SERVICE}${call}"`,
			},
			responseType: 'text',
			...(agent === undefined ? {} : { httpAgent: agent, httpsAgent: agent }),
		});
		const parsed = (await parseStringPromise(response.data, {
			explicitArray: false,
			tagNameProcessors: [processors.stripPrefix],
		})) as KeyReply;
		if (typeof parsed.Envelope?.Body?.[`${call}Response`]?.[`${call}Result`] !== 'string') {
			throw new Error(`${call} for user ${userIds[index]} returned no key`);
		}
	});
}
