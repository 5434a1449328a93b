/**
 * The demo world every simulator starts with: two networks, four mailboxes, seven trading
 * partners (two of them the parties of the sample files in `examples/edi/`), five
 * interconnects, six users, and a few parcels made from `simulator/samples/`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { uploadParcel } from './parcels';
import type { AuthLevel, SimMailbox, SimTradingPartner } from './records';
import { World } from './world';
import type { DemoUser, WorldOptions } from './world';

const DEMO_LAST_LOGIN = new Date('2026-01-02T03:04:05.000Z');

function demoUser(
	userId: number,
	loginName: string,
	authLevel: AuthLevel,
	networkId: number,
	mailboxId: number,
	password: string,
	apiKey: string,
	firstName: string,
): DemoUser {
	return {
		userId,
		loginName,
		password,
		authLevel,
		networkId,
		mailboxId,
		apiKey,
		firstName,
		lastName: 'Demo',
		company: `Demo Network ${networkId}`,
		email: `${loginName}@example.test`,
		phone: '+1 555 0100',
		lastLogin: DEMO_LAST_LOGIN,
	};
}

/** The seeded demo users every simulator starts with. Keys are plainly fake. */
export const DEMO_USERS: readonly DemoUser[] = Object.freeze([
	demoUser(
		1001,
		'net.admin',
		'NetworkAdmin',
		1,
		10,
		'net-admin-pass',
		'11111111-1111-4111-8111-111111111111',
		'Nina',
	),
	demoUser(
		1002,
		'mbx.admin',
		'MailboxAdmin',
		1,
		10,
		'mbx-admin-pass',
		'22222222-2222-4222-8222-222222222222',
		'Max',
	),
	demoUser(
		1003,
		'mbx.user',
		'MailboxUser',
		1,
		10,
		'mbx-user-pass',
		'33333333-3333-4333-8333-333333333333',
		'Mia',
	),
	demoUser(
		1004,
		'other.user',
		'MailboxUser',
		1,
		11,
		'other-user-pass',
		'44444444-4444-4444-8444-444444444444',
		'Otto',
	),
	demoUser(
		2001,
		'foreign.user',
		'MailboxUser',
		2,
		20,
		'foreign-user-pass',
		'55555555-5555-4555-8555-555555555555',
		'Fay',
	),
	demoUser(
		9001,
		'root.ops',
		'Root',
		1,
		10,
		'root-ops-pass',
		'99999999-9999-4999-8999-999999999999',
		'Ravi',
	),
]);

const SEEDED = new Date('2025-12-01T08:00:00.000Z');

/** Mailbox the `--inbox` folder and the admin endpoint drop files into by default. */
export const DEMO_MAILBOX_ID = 10;

export const SAMPLES_DIR = join(__dirname, '..', 'samples');

export function sample(fileName: string): Buffer {
	return readFileSync(join(SAMPLES_DIR, fileName));
}

function mailbox(
	mailboxId: number,
	networkId: number,
	name: string,
	ownerUserId: number,
): SimMailbox {
	return {
		mailboxId,
		networkId,
		name,
		description: `${name} (demo mailbox)`,
		status: 'Active',
		useType: 'TestAndProduction',
		managed: false,
		deleteOnDownload: false,
		inBoxTimeoutMinutes: 60,
		delimiters: { segTerm: 0x7e, elmSep: 0x2a, subElmSep: 0x3e },
		contacts: { Owner: ownerUserId },
		created: SEEDED,
		modified: SEEDED,
	};
}

function partner(
	ecGridId: number,
	networkId: number,
	mailboxId: number,
	qualifier: string,
	id: string,
	description: string,
	ownerUserId: number,
	mailboxDefault = false,
): SimTradingPartner {
	return {
		ecGridId,
		networkId,
		mailboxId,
		qualifier,
		id,
		description,
		status: 'Active',
		useType: 'TestAndProduction',
		routingGroup: 'ProductionA',
		mailboxDefault,
		dataEmail: '',
		ownerUserId,
		created: SEEDED,
		modified: SEEDED,
	};
}

export interface DemoWorldOptions extends WorldOptions {
	/** Seed the demo parcels (InBox, OutBox, an OutBox error). Default true. */
	demoParcels?: boolean;
}

/** A world seeded with the demo records (fresh copies, so tests cannot leak state). */
export function createDemoWorld(options: DemoWorldOptions): World {
	const world = new World(options);
	for (const user of DEMO_USERS) {
		world.addUser({
			...user,
			lastLogin: new Date(user.lastLogin ?? 0),
			status: 'Active',
			created: SEEDED,
			modified: SEEDED,
		});
	}
	const network = (networkId: number, name: string, location: string, owner: number) =>
		world.networks.set(networkId, {
			networkId,
			name,
			location,
			status: 'Active',
			created: SEEDED,
			modified: SEEDED,
			contacts: { Owner: owner },
			websites: { Home: `https://network${networkId}.example.test/` },
		});
	network(1, 'Demo Network 1', 'Springfield', 1001);
	network(2, 'Demo Network 2', 'Shelbyville', 2001);
	for (const box of [
		mailbox(10, 1, 'Acme Foods', 1002),
		mailbox(11, 1, 'Acme Logistics', 1004),
		mailbox(20, 2, 'Globex Retail', 2001),
		mailbox(21, 2, 'Initech Stores', 2001),
	]) {
		world.mailboxes.set(box.mailboxId, box);
	}
	for (const tp of [
		partner(100001, 1, 10, 'ZZ', 'ACMEFOODS', 'Acme Foods', 1002, true),
		partner(100002, 1, 10, '01', '123456789', 'Acme Foods (DUNS)', 1002),
		partner(100003, 1, 11, 'ZZ', 'ACMELOGISTICS', 'Acme Logistics', 1004, true),
		partner(100004, 2, 20, 'ZZ', 'GLOBEXRETAIL', 'Globex Retail', 2001, true),
		partner(100005, 2, 20, '14', '5012345000009', 'Globex Retail (EAN)', 2001),
		// The parties of the sample files in examples/edi/, so that uploading one delivers it.
		partner(100006, 1, 10, 'ZZ', 'ACMESUPPLY', 'Acme Supply (sample files)', 1002),
		partner(100007, 2, 21, 'ZZ', 'INITECHSTORES', 'Initech Stores (sample files)', 2001, true),
	]) {
		world.tradingPartners.set(tp.ecGridId, tp);
	}
	const interconnect = (id: number, a: number, b: number, status: 'Completed' | 'Pending') =>
		world.interconnects.set(id, {
			interconnectId: id,
			uniqueId: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
			ecGridId1: a,
			ecGridId2: b,
			reference: `Demo ${id}`,
			contactName: 'Demo Contact',
			contactEmail: 'interconnects@example.test',
			status,
			requestorUserId: 1001,
			created: SEEDED,
			modified: SEEDED,
			completed: status === 'Completed' ? SEEDED : undefined,
			notes: [],
		});
	interconnect(500001, 100001, 100004, 'Completed');
	interconnect(500002, 100001, 100003, 'Completed');
	interconnect(500003, 100003, 100004, 'Pending');
	interconnect(500004, 100006, 100004, 'Completed');
	interconnect(500005, 100006, 100007, 'Completed');
	if (options.demoParcels ?? true) seedParcels(world);
	return world;
}

/** Globex sends Acme an 850 and an ORDERS, Acme answers with an 810, and one upload fails. */
function seedParcels(world: World): void {
	const at = (day: number) => new Date(Date.UTC(2026, 0, day, 9, 0, 0));
	const globex = world.mailboxes.get(20)!;
	const acme = world.mailboxes.get(10)!;
	const upload = (box: SimMailbox, fileName: string, day: number, content = sample(fileName)) =>
		uploadParcel(world, box, { fileName, content, date: at(day) });
	upload(globex, 'x12-850-purchase-order.edi', 2);
	upload(globex, 'edifact-orders.edi', 3);
	upload(acme, 'x12-810-invoice.edi', 5);
	upload(acme, 'notes.txt', 6, Buffer.from('Call Globex about PO-4711.\n'));
}
