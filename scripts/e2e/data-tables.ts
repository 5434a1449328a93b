/**
 * n8n's Data Tables in a running `n8n start`, through the REST API its editor uses (the Data
 * tables tab): set up the throwaway owner, create the EDI examples' tables
 * (examples/edi-tables.json) in the owner's personal project (where imported workflows live), and
 * read their rows back. `n8n execute` cannot use Data Tables (it never starts n8n's modules:
 * "Attempted to use Data table node but the module is disabled"), so the loop runs in `n8n start`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { repoRoot } from './paths';

export const EDI_TABLES_FILE = join(repoRoot, 'examples', 'edi-tables.json');

/** A throwaway owner for a throwaway user folder. */
const OWNER = {
	email: 'owner@example.test',
	firstName: 'Ed',
	lastName: 'Owner',
	password: 'E2e-owner-pass-1',
};

export type TableRow = Record<string, string | number | boolean | null>;

export interface N8nDataTables {
	/** Table name → id, for the tables created. */
	ids: Record<string, string>;
	rows(table: string): Promise<TableRow[]>;
}

/**
 * /healthz answers before the REST routes exist, and while the database migrates every route
 * answers "n8n is starting up" with a 200: wait for the settings route's JSON.
 */
export async function waitForRest(baseUrl: string, timeoutMs = 120_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const response = await fetch(`${baseUrl}/rest/settings`).catch(() => undefined);
		if (response?.ok && response.headers.get('content-type')?.includes('application/json')) return;
		await new Promise((done) => setTimeout(done, 1_000));
	}
	throw new Error('n8n REST API did not come up');
}

async function call(
	baseUrl: string,
	cookie: string,
	method: string,
	path: string,
	body?: unknown,
): Promise<unknown> {
	const response = await fetch(`${baseUrl}/rest${path}`, {
		method,
		headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} /rest${path}: HTTP ${response.status} ${text}`);
	return (JSON.parse(text) as { data: unknown }).data;
}

/** The owner's session cookie: sets the owner up on a fresh instance, else signs in. */
async function ownerCookie(baseUrl: string): Promise<string> {
	const setup = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	const response = setup.ok
		? setup
		: await fetch(`${baseUrl}/rest/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
			});
	if (!response.ok) {
		throw new Error(`n8n owner set-up / sign-in failed: HTTP ${response.status}`);
	}
	const cookie = response.headers
		.getSetCookie()
		.map((header) => header.split(';')[0])
		.find((pair) => pair.startsWith('n8n-auth='));
	if (!cookie) throw new Error('n8n gave no n8n-auth cookie');
	return cookie;
}

/**
 * Creates examples/edi-tables.json's tables in the owner's personal project (the Data tables tab's
 * "Create data table", by API), unless they exist; returns a reader for their rows.
 */
export async function createEdiTables(baseUrl: string): Promise<N8nDataTables> {
	await waitForRest(baseUrl);
	const cookie = await ownerCookie(baseUrl);
	const project = (await call(baseUrl, cookie, 'GET', '/projects/personal')) as { id: string };
	const base = `/projects/${project.id}/data-tables`;
	const definitions = JSON.parse(await readFile(EDI_TABLES_FILE, 'utf8')) as Record<
		string,
		Record<string, string>
	>;
	const existing = (await call(baseUrl, cookie, 'GET', `${base}?take=100`)) as {
		data: Array<{ id: string; name: string }>;
	};
	const ids: Record<string, string> = {};
	for (const [name, columns] of Object.entries(definitions)) {
		const found = existing.data.find((table) => table.name === name);
		const created =
			found ??
			((await call(baseUrl, cookie, 'POST', base, {
				name,
				columns: Object.entries(columns).map(([column, type]) => ({ name: column, type })),
			})) as { id: string });
		ids[name] = created.id;
	}
	return {
		ids,
		async rows(table) {
			const id = ids[table];
			if (id === undefined) throw new Error(`no data table "${table}"`);
			const page = (await call(baseUrl, cookie, 'GET', `${base}/${id}/rows?take=1000`)) as {
				data: TableRow[];
			};
			return page.data;
		},
	};
}
