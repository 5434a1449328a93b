import { Agent } from 'node:http';

import axios from 'axios';
import { parseStringPromise, processors } from 'xml2js';

import { runPool } from './bench-stats';

const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const SERVICE = 'https://os.ecgrid.io/';

const escapeXml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function generateApiKeyEnvelope(key: string, userId: number): string {
	return (
		`<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${SOAP11}"><soap:Body>` +
		`<GenerateAPIKey xmlns="${SERVICE}"><SessionID>${escapeXml(key)}</SessionID>` +
		`<UserID>${userId}</UserID></GenerateAPIKey></soap:Body></soap:Envelope>`
	);
}

interface GenerateReply {
	Envelope?: {
		Body?: { GenerateAPIKeyResponse?: { GenerateAPIKeyResult?: string } };
	};
}

/**
 * The baseline: GenerateAPIKey over SOAP 1.1 with bare axios + xml2js, `concurrency` at a time.
 * With `connectionPerRequest`, each call gets a fresh agent (a new TCP connection), as n8n-core's
 * request helper does, so that cost can be told apart from the rest of n8n's.
 */
export async function generateKeysDirectly(
	url: string,
	key: string,
	userIds: number[],
	concurrency: number,
	connectionPerRequest = false,
): Promise<void> {
	await runPool(userIds.length, concurrency, async (index) => {
		const response = await axios.post<string>(url, generateApiKeyEnvelope(key, userIds[index]), {
			headers: {
				'Content-Type': 'text/xml; charset=utf-8',
				SOAPAction: `"${SERVICE}GenerateAPIKey"`,
			},
			responseType: 'text',
			...(connectionPerRequest ? { httpAgent: new Agent({ keepAlive: false }) } : {}),
		});
		const parsed = (await parseStringPromise(response.data, {
			explicitArray: false,
			tagNameProcessors: [processors.stripPrefix],
		})) as GenerateReply;
		if (typeof parsed.Envelope?.Body?.GenerateAPIKeyResponse?.GenerateAPIKeyResult !== 'string') {
			throw new Error(`GenerateAPIKey for user ${userIds[index]} returned no key`);
		}
	});
}
