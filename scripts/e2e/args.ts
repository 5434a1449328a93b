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

/** `--route community|custom`: how the tarball is installed into n8n (see install-package.ts). */
export function routeArg(argv: string[] = process.argv.slice(2)): 'community' | 'custom' {
	const index = argv.indexOf('--route');
	const value = index >= 0 ? argv[index + 1] : process.env.ECGRIDOS_E2E_ROUTE;
	if (value === undefined || value === 'community') return 'community';
	if (value === 'custom') return 'custom';
	throw new Error(`--route must be community or custom, not ${value}`);
}
