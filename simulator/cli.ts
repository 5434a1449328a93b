/**
 * `npm run simulator`: a standalone ECGridOS simulator on 127.0.0.1 for demos and manual tests.
 *
 *   --port N        (else env ECGRIDOS_SIM_PORT, else 8460)
 *   --latency MS    delay before every answer (benchmarks)
 *   --inbox DIR     every file in DIR, now or later, becomes a parcel in the demo mailbox's InBox
 *   --seed N        seed of the generated replies
 *   --partner QUALIFIER:ID=ANSWER[,key=value…]   how a simulated trading partner answers (repeatable;
 *                   see simulator/README.md), e.g. ZZ:GLOBEXRETAIL=reject,sets=810 or =late,delay=30000
 *
 * Prints the demo users with their keys and passwords, then one line per request. Runs until
 * SIGINT/SIGTERM.
 */
import { watchInboxFolder } from './inbox-folder';
import type { InboxFolder } from './inbox-folder';
import { DEMO_ANSWERING_PARTNERS, DEMO_MAILBOX_ID, DEMO_USERS, startSimulator } from './index';
import { parsePartnerFlag } from './partner/behaviour';
import type { PartnerBehaviour } from './types';

const DEFAULT_PORT = 8460;

function flag(argv: readonly string[], name: string): string | undefined {
	const at = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
	if (at < 0) return undefined;
	return argv[at].includes('=') ? argv[at].slice(argv[at].indexOf('=') + 1) : argv[at + 1];
}

/** Every value of a repeatable flag, in order. */
function flags(argv: readonly string[], name: string): string[] {
	return argv.flatMap((arg, at) => {
		if (arg === `--${name}`) return argv[at + 1] === undefined ? [] : [argv[at + 1]];
		return arg.startsWith(`--${name}=`) ? [arg.slice(name.length + 3)] : [];
	});
}

function wholeNumber(raw: string | undefined, name: string, max: number, fallback: number): number {
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 0 || value > max)
		throw new Error(`Invalid ${name} "${raw}"`);
	return value;
}

function usersTable(): string[] {
	const rows = DEMO_USERS.map((u) => [
		String(u.userId),
		u.authLevel,
		`${u.networkId}/${u.mailboxId}`,
		u.loginName,
		u.password,
		u.apiKey,
	]);
	const header = ['UserID', 'AuthLevel', 'Net/Mbx', 'Login', 'Password', 'API key'];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) =>
		cells
			.map((c, i) => c.padEnd(widths[i]))
			.join('  ')
			.trimEnd();
	return [line(header), ...rows.map(line)];
}

async function main(): Promise<void> {
	const argv = process.argv.slice(2);
	const port = wholeNumber(
		flag(argv, 'port') ?? process.env.ECGRIDOS_SIM_PORT,
		'port',
		65535,
		DEFAULT_PORT,
	);
	const latencyMs = wholeNumber(flag(argv, 'latency'), 'latency', 600_000, 0);
	const seed = wholeNumber(flag(argv, 'seed'), 'seed', 2 ** 31, 1);
	const inboxDir = flag(argv, 'inbox');
	const partners: Record<string, PartnerBehaviour | false> = Object.fromEntries(
		flags(argv, 'partner').map(parsePartnerFlag),
	);
	const simulator = await startSimulator({
		port,
		latencyMs,
		seed,
		partners,
		log: (line) => console.log(line),
	});
	const demo = DEMO_USERS[0];
	console.log(`ECGridOS simulator listening on ${simulator.url}`);
	console.log(`WSDL: ${simulator.url}?WSDL`);
	console.log(`Admin: ${simulator.url.replace(/\/v4\.1\/.*$/, '/admin/')} (inbox, parcels/{id})`);
	console.log(`Demo API key (${demo.loginName}, UserID ${demo.userId}): ${demo.apiKey}`);
	console.log(`Demo login: ${demo.loginName} / ${demo.password}`);
	console.log('Demo users (test data, not secrets):');
	for (const row of usersTable()) console.log(`  ${row}`);
	if (latencyMs > 0) console.log(`Latency: ${latencyMs} ms per call`);
	const answering = [...new Set([...DEMO_ANSWERING_PARTNERS, ...Object.keys(partners)])]
		.filter((partner) => partners[partner] !== false)
		.map((partner) => `${partner} (${(partners[partner] || {}).answer ?? 'accept'})`);
	console.log(`Trading partners answering uploads: ${answering.join(', ') || 'none'}`);

	let folder: InboxFolder | undefined;
	if (inboxDir !== undefined) {
		folder = watchInboxFolder(
			inboxDir,
			(fileName, content) => {
				const parcel = simulator.dropParcel({ fileName, content });
				console.log(
					`InBox ${DEMO_MAILBOX_ID}: ${fileName} → parcel ${parcel.parcelId} (${parcel.bytes} bytes, ${parcel.standard})`,
				);
			},
			{ onError: (error) => console.error(`Inbox folder: ${error.message}`) },
		);
		await folder.scanned();
		console.log(`Watching ${inboxDir} for files to put into mailbox ${DEMO_MAILBOX_ID}'s InBox`);
	}
	console.log('Press Ctrl+C to stop.');

	let shuttingDown = false;
	const stop = (signal: string) => {
		if (shuttingDown) return;
		shuttingDown = true;
		console.log(`${signal}: stopping simulator`);
		folder?.stop();
		simulator.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
	console.error(`Simulator failed to start: ${(error as Error)?.message ?? error}`);
	process.exit(1);
});
