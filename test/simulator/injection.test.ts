import { DEMO_USERS, startSimulator } from '../../simulator';
import type { Simulator } from '../../simulator';
import { seededRandom } from '../../simulator/injection';
import { callOperation, parseDocument, readSoap } from './client';

const KEY = DEMO_USERS[0].apiKey;

let sim: Simulator;

beforeEach(async () => {
	sim = await startSimulator({ port: 0 });
});

afterEach(async () => {
	await sim.close();
});

const version = () => callOperation('soap11', sim.url, 'Version', {});
const whoAmI = () => callOperation('soap11', sim.url, 'WhoAmI', { SessionID: KEY });

async function waitForRequests(count: number): Promise<void> {
	for (let i = 0; i < 200 && sim.requests.length < count; i++) {
		await new Promise((r) => setTimeout(r, 10));
	}
	expect(sim.requests.length).toBeGreaterThanOrEqual(count);
}

test('latencyMs delays the reply', async () => {
	sim.inject({ latencyMs: 300 });
	const started = Date.now();
	const reply = await version();
	expect(reply.status).toBe(200);
	expect(Date.now() - started).toBeGreaterThanOrEqual(280);
});

test('operation limits an injection to one operation; times to N requests', async () => {
	sim.inject({ operation: 'WhoAmI', kind: 'html', times: 2 });
	expect((await version()).status).toBe(200);
	expect((await whoAmI()).status).toBe(502);
	expect((await version()).status).toBe(200);
	expect((await whoAmI()).status).toBe(502);
	expect((await whoAmI()).status).toBe(200);
});

test('clearInjections removes them all', async () => {
	sim.inject({ kind: 'empty' });
	expect((await version()).body).toBe('');
	sim.clearInjections();
	expect((await version()).body).toContain('VersionResponse');
});

test('failureRate 1 always answers a framework fault (no ErrorInfo), 0 never', async () => {
	sim.inject({ failureRate: 1, times: 1 });
	const failed = await whoAmI();
	expect(failed.status).toBe(500);
	const { fault } = await readSoap(failed.body, 'WhoAmI');
	expect(fault?.code).toBe('soap:Server');
	expect(fault?.errorInfo).toBeUndefined();

	sim.inject({ failureRate: 0 });
	for (let i = 0; i < 5; i++) expect((await whoAmI()).status).toBe(200);
});

test('failureRate on GET answers a plain-text 500', async () => {
	sim.inject({ failureRate: 1 });
	const reply = await callOperation('httpGet', sim.url, 'Version', {});
	expect(reply.status).toBe(500);
	expect(reply.contentType).toBe('text/plain; charset=utf-8');
});

test('failureRate is deterministic for a given seed', async () => {
	const pattern = async (s: Simulator) => {
		s.inject({ failureRate: 0.5 });
		const statuses: number[] = [];
		for (let i = 0; i < 16; i++) {
			statuses.push((await callOperation('httpGet', s.url, 'Version', {})).status);
		}
		return statuses;
	};
	const first = await pattern(sim);
	const twin = await startSimulator({ port: 0 });
	const other = await startSimulator({ port: 0, seed: 12345 });
	try {
		expect(await pattern(twin)).toEqual(first);
		expect(first).toContain(200);
		expect(first).toContain(500);
		expect(await pattern(other)).not.toEqual(first);
	} finally {
		await twin.close();
		await other.close();
	}
});

test('seededRandom is uniform-ish and repeatable', () => {
	const a = seededRandom(7);
	const b = seededRandom(7);
	const values = Array.from({ length: 1000 }, () => a());
	expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
	const mean = values.reduce((x, y) => x + y, 0) / values.length;
	expect(mean).toBeGreaterThan(0.45);
	expect(mean).toBeLessThan(0.55);
	expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
});

test("kind 'drop' destroys the socket without a reply", async () => {
	sim.inject({ kind: 'drop', times: 1 });
	await expect(version()).rejects.toThrow();
	expect((await version()).status).toBe(200);
	expect(sim.requests).toHaveLength(2);
});

test("kind 'hang' never answers, and close() still ends the socket", async () => {
	sim.inject({ kind: 'hang' });
	const pending = version();
	// Attach the handler now so the rejection is never unhandled.
	const settled = pending.then(
		() => 'answered',
		() => 'failed',
	);
	await waitForRequests(1);
	const race = await Promise.race([
		settled,
		new Promise((r) => setTimeout(() => r('waiting'), 200)),
	]);
	expect(race).toBe('waiting');
	await sim.close();
	expect(await settled).toBe('failed');
});

test("kind 'html' answers a 502 HTML page", async () => {
	sim.inject({ kind: 'html' });
	const reply = await version();
	expect(reply.status).toBe(502);
	expect(reply.contentType).toBe('text/html; charset=utf-8');
	expect(reply.body).toMatch(/^<!DOCTYPE html>/);
});

test("kind 'truncated' answers a 200 envelope cut mid-document", async () => {
	sim.inject({ kind: 'truncated' });
	const reply = await whoAmI();
	expect(reply.status).toBe(200);
	expect(reply.contentType).toBe('text/xml; charset=utf-8');
	expect(reply.body.startsWith('<?xml version="1.0" encoding="utf-8"?><soap:Envelope')).toBe(true);
	expect(reply.body).not.toContain('</soap:Envelope>');
	await expect(parseDocument(reply.body)).rejects.toThrow();
});

test("kind 'empty' answers 200 with an empty body", async () => {
	sim.inject({ kind: 'empty' });
	const reply = await whoAmI();
	expect(reply.status).toBe(200);
	expect(reply.body).toBe('');
});

test('latency and a kind combine; failureRate with kind picks how it fails', async () => {
	sim.inject({ latencyMs: 150, kind: 'html', times: 1 });
	const started = Date.now();
	expect((await version()).status).toBe(502);
	expect(Date.now() - started).toBeGreaterThanOrEqual(130);
	sim.inject({ kind: 'drop', failureRate: 1, times: 1 });
	await expect(version()).rejects.toThrow();
});

test('a request whose latency is pending when close() runs is ended too', async () => {
	sim.inject({ latencyMs: 60_000 });
	const settled = version().then(
		() => 'answered',
		() => 'failed',
	);
	await waitForRequests(1);
	const started = Date.now();
	await sim.close();
	expect(await settled).toBe('failed');
	expect(Date.now() - started).toBeLessThan(2000);
});

test('invalid injections are refused', () => {
	expect(() => sim.inject({ failureRate: 1.5 })).toThrow(RangeError);
	expect(() => sim.inject({ times: 0 })).toThrow(RangeError);
});
