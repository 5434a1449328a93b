import type { InstallRoute } from './workflows';
import { DEFAULT_N8N } from './versions';

/** Reads `--n8n X` or `--n8n=X` from argv; default is the current line. */
export function n8nVersionArg(argv: string[] = process.argv.slice(2)): string {
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--n8n' && argv[i + 1]) return argv[i + 1];
		if (arg.startsWith('--n8n=')) return arg.slice('--n8n='.length);
	}
	return process.env.ECGRIDOS_E2E_N8N ?? DEFAULT_N8N;
}

export function hasFlag(flag: string, argv: string[] = process.argv.slice(2)): boolean {
	return argv.includes(flag);
}

/**
 * `--route community|installer|custom`: how the tarball is installed into n8n (see
 * install-package.ts); community, the README's own commands, by default.
 */
export function routeArg(argv: string[] = process.argv.slice(2)): InstallRoute {
	const index = argv.indexOf('--route');
	const value = index >= 0 ? argv[index + 1] : process.env.ECGRIDOS_E2E_ROUTE;
	if (value === undefined) return 'community';
	if (value === 'community' || value === 'installer' || value === 'custom') return value;
	throw new Error(`--route must be community, installer or custom, not ${value}`);
}

/**
 * `--only login`: only the Login credential's scenario (login-runs.ts); `--only trigger`: only the
 * ECGridOS Trigger in `n8n start` (trigger-runs.ts); `--only receive`: only the Receive EDI
 * example published (receive-edi-runs.ts); `--only loop`: Send EDI, Receive EDI and Watch
 * Acknowledgments with n8n's Data Tables (loop-runs.ts); `--queue --only edi`: only Create
 * Acknowledgment's control numbers in queue mode (queue/edi-control-numbers.ts).
 */
export type Only = 'all' | 'login' | 'trigger' | 'promise' | 'receive' | 'loop' | 'edi';

export function onlyArg(argv: string[] = process.argv.slice(2)): Only {
	const index = argv.indexOf('--only');
	if (index < 0) return 'all';
	const value = argv[index + 1];
	if (
		value === 'login' ||
		value === 'trigger' ||
		value === 'promise' ||
		value === 'receive' ||
		value === 'loop'
	)
		return value;
	if (value === 'edi' && argv.includes('--queue')) return value;
	throw new Error(
		`--only must be login, trigger, promise, receive or loop (or edi, with --queue), not ${String(value)}`,
	);
}

/** `--repeat N`: run the scenarios N times, each time in a fresh stack (n8n user folder, simulator). */
export function repeatArg(argv: string[] = process.argv.slice(2)): number {
	const index = argv.indexOf('--repeat');
	if (index < 0) return 1;
	const value = Number(argv[index + 1]);
	if (!Number.isInteger(value) || value < 1 || value > 100) {
		throw new Error(
			`--repeat must be a whole number from 1 to 100, not ${String(argv[index + 1])}`,
		);
	}
	return value;
}
