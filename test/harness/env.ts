import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core builds its InstanceSettings (and writes `<N8N_USER_FOLDER>/.n8n/config`) the first time
// its DI container is asked for them: point it at a throw-away folder before n8n-core is imported,
// so tests never touch ~/.n8n. This module must stay the harness's first import.
if (process.env.N8N_HARNESS_USER_FOLDER === undefined) {
	const folder = mkdtempSync(join(tmpdir(), 'n8n-harness-'));
	process.env.N8N_HARNESS_USER_FOLDER = folder;
	process.env.N8N_USER_FOLDER = folder;
	process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
}
process.env.N8N_ENCRYPTION_KEY ??= 'n8n-harness-encryption-key';
// Silence n8n's own logger unless a test run asks for it.
process.env.N8N_LOG_LEVEL ??= 'silent';
