import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Repository root (scripts/e2e/ is two levels down). */
export const repoRoot = resolve(__dirname, '..', '..');

/** Workflows made for the e2e run only (the example workflow lives in examples/). */
export const FIXTURES = join(__dirname, 'fixtures');

/**
 * Everything big (n8n CLIs, the Node 24 runtime) lives outside the repository so a fresh clone
 * or CI run reuses it, and so it never ends up in a commit or in `npm pack`.
 */
export const cacheRoot =
	process.env.ECGRIDOS_E2E_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-ecgridos');

/** Name of the file written last by an install: without it the folder is redone. */
export const completeMarker = '.install-complete';
