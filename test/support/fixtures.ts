import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Binding, WireRequest, WireResponse } from '../../nodes/EcGridOs/soap';

export const FIXTURES_DIR = join(__dirname, '..', 'fixtures');

export interface FixtureCall {
	operation: string;
	parameters: Record<string, string | number | boolean>;
	sessionId?: string;
	endpoint?: string;
}

/** Every fixture folder, named `<WsdlOperation>__<behaviour>`. */
export function fixtureNames(): string[] {
	return readdirSync(FIXTURES_DIR)
		.filter((name) => name.includes('__'))
		.sort();
}

function read(fixture: string, file: string): string | undefined {
	const path = join(FIXTURES_DIR, fixture, file);
	return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

export function readCall(fixture: string): FixtureCall | undefined {
	const text = read(fixture, 'call.json');
	return text === undefined ? undefined : (JSON.parse(text) as FixtureCall);
}

/** Splits `start line / headers / blank line / body` (the HTTP message layout). */
function splitMessage(text: string) {
	const separator = text.indexOf('\n\n');
	const head = text.slice(0, separator).split('\n');
	const headers: Record<string, string> = {};
	for (const line of head.slice(1)) {
		const colon = line.indexOf(':');
		headers[line.slice(0, colon)] = line.slice(colon + 1).trim();
	}
	return { startLine: head[0], headers, body: text.slice(separator + 2) };
}

/** `request.<binding>.http`: `METHOD URL`, headers, blank line, the exact body plus one newline. */
export function readExpectedRequest(fixture: string, binding: Binding): WireRequest | undefined {
	const text = read(fixture, `request.${binding}.http`);
	if (text === undefined) return undefined;
	const { startLine, headers, body } = splitMessage(text);
	const [method, url] = startLine.split(' ');
	const exactBody = body.replace(/\n$/, '');
	return {
		method: method as WireRequest['method'],
		url,
		headers,
		...(method === 'GET' ? {} : { body: exactBody }),
	};
}

/** `response.<binding>.http`: `HTTP <status>`, headers, blank line, the body as sent. */
export function readResponse(fixture: string, binding: Binding): WireResponse | undefined {
	const text = read(fixture, `response.${binding}.http`);
	if (text === undefined) return undefined;
	const { startLine, headers, body } = splitMessage(text);
	return {
		status: Number(startLine.split(' ')[1]),
		contentType: headers['Content-Type'] ?? '',
		body,
	};
}

/** `expected.<binding>.json`, else `expected.json`: `{ result }` or `{ error }`. */
export function readExpected(
	fixture: string,
	binding: Binding,
): { result?: unknown; error?: Record<string, unknown> } | undefined {
	const text = read(fixture, `expected.${binding}.json`) ?? read(fixture, 'expected.json');
	return text === undefined ? undefined : JSON.parse(text);
}
