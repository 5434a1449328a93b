/**
 * `npm run simulator`: a standalone ECGridOS simulator on 127.0.0.1 for demos and manual tests.
 * Port: `--port N`, else env ECGRIDOS_SIM_PORT, else 8460. Runs until SIGINT/SIGTERM.
 */
import { startSimulator } from './index';
import { DEMO_USERS } from './world/demo';

const DEFAULT_PORT = 8460;

function portFromArgs(argv: readonly string[]): number {
	const flag = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
	const raw =
		flag >= 0
			? argv[flag].includes('=')
				? argv[flag].split('=')[1]
				: argv[flag + 1]
			: process.env.ECGRIDOS_SIM_PORT;
	if (raw === undefined || raw === '') return DEFAULT_PORT;
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new Error(`Invalid port "${raw}"`);
	}
	return port;
}

async function main(): Promise<void> {
	const simulator = await startSimulator({ port: portFromArgs(process.argv.slice(2)) });
	const demo = DEMO_USERS[0];
	console.log(`ECGridOS simulator listening on ${simulator.url}`);
	console.log(`Demo API key (${demo.loginName}, UserID ${demo.userId}): ${demo.apiKey}`);
	console.log(`Demo login: ${demo.loginName} / ${demo.password}`);
	console.log('Press Ctrl+C to stop.');

	let shuttingDown = false;
	const stop = (signal: string) => {
		if (shuttingDown) return;
		shuttingDown = true;
		console.log(`${signal}: stopping simulator`);
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
