/**
 * The preload that makes n8n's exit wait for the expression isolates being built, run the way
 * the e2e run uses it (NODE_OPTIONS=--require) in front of a stand-in for n8n's bin script.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { EXIT_PRELOAD } from '../../../scripts/e2e/n8n-cli';

const REPO = resolve(__dirname, '..', '..', '..');

/** What the stand-in evaluator's waitForReplenishment() does. */
const WAIT_BODIES = {
	// Takes a while, like an isolate still being built: the exit must wait for it.
	slow: `console.log('wait started'); await new Promise((done) => setTimeout(done, 300));
		console.log('isolates built, this is the evaluator: ' + (this === Expression.vmEvaluator));`,
	hangs: `await new Promise(() => undefined);`,
	rejects: `throw new Error('replenishment failed');`,
};

/** The stand-in n8n's main script: loads n8n-workflow (unless told not to), then exits. */
const MAIN = `
if (process.env.LOAD_WORKFLOW !== '0') require('n8n-workflow');
process.on('exit', (code) => console.log('exit event ' + code));
console.log('before exit');
if (process.env.EXIT_CODE === 'unset') {
	process.exitCode = 4;
	process.exit();
} else {
	process.exit(Number(process.env.EXIT_CODE));
}
// A real exit never returns; with the preload the first call decides.
process.exit(5);
`;

/** A stand-in n8n install; 'no pool' is n8n-workflow without an isolate pool (legacy engine, 2.8). */
function standIn(wait: keyof typeof WAIT_BODIES | 'no pool'): string {
	const root = mkdtempSync(join(tmpdir(), 'ecgridos-preload-'));
	const workflow = join(root, 'node_modules', 'n8n-workflow');
	mkdirSync(workflow, { recursive: true });
	writeFileSync(join(workflow, 'package.json'), '{ "name": "n8n-workflow", "main": "index.js" }');
	const evaluator =
		wait === 'no pool' ? 'undefined' : `{ async waitForReplenishment() { ${WAIT_BODIES[wait]} } }`;
	writeFileSync(
		join(workflow, 'index.js'),
		`class Expression {}\nExpression.vmEvaluator = ${evaluator};\nexports.Expression = Expression;\n`,
	);
	return writeMain(root, MAIN);
}

function writeMain(root: string, script: string): string {
	const bin = join(root, 'node_modules', 'n8n', 'bin');
	mkdirSync(bin, { recursive: true });
	writeFileSync(join(bin, 'n8n'), script);
	return join(bin, 'n8n');
}

function runN8n(main: string, env: NodeJS.ProcessEnv = {}, preload = true) {
	const started = Date.now();
	const result = spawnSync(process.execPath, [main], {
		encoding: 'utf8',
		timeout: 20_000,
		env: {
			...process.env,
			NODE_OPTIONS: preload ? `--require ${JSON.stringify(EXIT_PRELOAD)}` : '',
			EXIT_CODE: '3',
			...env,
		},
	});
	return { ...result, ms: Date.now() - started };
}

describe('scripts/e2e/wait-for-isolates-before-exit.cjs', () => {
	it("awaits the evaluator's waitForReplenishment() before exiting, with the code n8n asked for", () => {
		const result = runN8n(standIn('slow'));
		expect(result.stdout).toBe(
			'before exit\nwait started\nisolates built, this is the evaluator: true\nexit event 3\n',
		);
		expect(result.status).toBe(3);
		expect(result.signal).toBeNull();
	});

	it('keeps process.exitCode when n8n calls process.exit() without a code', () => {
		const result = runN8n(standIn('slow'), { EXIT_CODE: 'unset' });
		expect(result.stdout).toContain('isolates built');
		expect(result.status).toBe(4);
	});

	it('without the preload the same process exits at once (nothing is awaited)', () => {
		const result = runN8n(standIn('slow'), {}, false);
		expect(result.stdout).toBe('before exit\nexit event 3\n');
		expect(result.status).toBe(3);
	});

	it("stops waiting after its timeout and still exits with n8n's code", () => {
		const result = runN8n(standIn('hangs'), { ECGRIDOS_E2E_EXIT_WAIT_TIMEOUT_MS: '500' });
		expect(result.status).toBe(3);
		expect(result.stderr).toContain('still being built after 500 ms; exiting anyway');
		expect(result.ms).toBeLessThan(10_000);
	});

	it("exits with n8n's code when the wait fails", () => {
		const result = runN8n(standIn('rejects'));
		expect(result.stdout).toBe('before exit\nexit event 3\n');
		expect(result.status).toBe(3);
	});

	it('is a plain exit where n8n-workflow runs no isolate pool (legacy engine, n8n 2.8)', () => {
		const result = runN8n(standIn('no pool'));
		expect(result.stdout).toBe('before exit\nexit event 3\n');
		expect(result.status).toBe(3);
	});

	it('never loads n8n-workflow itself: a process that did not load it exits plainly', () => {
		const result = runN8n(standIn('slow'), { LOAD_WORKFLOW: '0' });
		expect(result.stdout).toBe('before exit\nexit event 3\n');
		expect(result.status).toBe(3);
	});

	it('finds the evaluator on the real n8n-workflow, the way n8n has loaded it', () => {
		const root = mkdtempSync(join(tmpdir(), 'ecgridos-preload-'));
		mkdirSync(join(root, 'node_modules'));
		symlinkSync(
			join(REPO, 'node_modules', 'n8n-workflow'),
			join(root, 'node_modules', 'n8n-workflow'),
		);
		// The real Expression class declares the static field n8n keeps its evaluator in; the
		// repository has no isolated-vm, so a stand-in evaluator takes its place.
		const main = writeMain(
			root,
			`const { Expression } = require('n8n-workflow');
			if (!Object.prototype.hasOwnProperty.call(Expression, 'vmEvaluator')) throw new Error('no vmEvaluator field');
			Expression.vmEvaluator = { async waitForReplenishment() { console.log('waited'); } };
			${MAIN}`,
		);
		const result = runN8n(main);
		expect(result.stderr).toBe('');
		expect(result.stdout).toBe('before exit\nwaited\nexit event 3\n');
		expect(result.status).toBe(3);
	});
});
