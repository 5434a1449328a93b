'use strict';
/**
 * Preloaded into every n8n CLI process the e2e run starts (`NODE_OPTIONS=--require <this file>`,
 * see n8n-cli.ts). Plain CommonJS, because it runs on n8n's own Node (20 or 24) without tsx.
 *
 * Why: n8n 2.x evaluates expressions in isolated-vm isolates from a pool that builds a
 * replacement isolate on isolated-vm's threads whenever one is taken. `n8n execute` ends in
 * BaseCommand.finally() with a bare `process.exit()` and, unlike `n8n start`
 * (exitSuccessFully), never calls `Expression.disposeExpressionEngine()`. An exit that lands
 * while a replacement isolate is still being built tears V8 down under that thread, and the
 * process dies of SIGSEGV after it has printed its result (n8n's bug, not the node's).
 *
 * What: the first `process.exit(code)` first awaits n8n's own dispose (which waits for the
 * isolates being built, then frees them), at most DISPOSE_TIMEOUT_MS, then exits with the code
 * n8n asked for. Nothing changes before n8n calls `process.exit()`. Where n8n-workflow is not
 * loaded or has no `disposeExpressionEngine` (n8n 2.8 and older), it is a plain exit.
 */
const { dirname } = require('node:path');
const { isMainThread } = require('node:worker_threads');

/** Building an isolate takes well under a second; a dispose that hangs must not hang the run. */
const DISPOSE_TIMEOUT_MS = Number(process.env.ECGRIDOS_E2E_DISPOSE_TIMEOUT_MS) || 10_000;

/**
 * n8n's own `Expression.disposeExpressionEngine`, or undefined. Only the copy of n8n-workflow
 * that n8n has already loaded holds the engine, so it is looked up in the module cache and never
 * loaded here.
 */
function loadedDispose() {
	try {
		// n8n's bin script (`require.main` is not set for a preloaded module): n8n-workflow
		// resolves from there to the copy n8n's own code uses.
		const main = process.argv[1];
		if (!main) return undefined;
		const file = require.resolve('n8n-workflow', { paths: [dirname(main)] });
		const workflow = require.cache[file] && require.cache[file].exports;
		const expression = workflow && workflow.Expression;
		const dispose = expression && expression.disposeExpressionEngine;
		return typeof dispose === 'function' ? () => dispose.call(expression) : undefined;
	} catch {
		return undefined;
	}
}

function install() {
	const exit = process.exit.bind(process);
	let exiting = false;

	process.exit = function exitAfterDispose(code) {
		// The first call decides, as a real exit would: later calls while disposing are ignored.
		if (exiting) return undefined;
		exiting = true;
		const exitCode = code === undefined ? process.exitCode : code;
		const dispose = loadedDispose();
		if (!dispose) return exit(exitCode);
		// Keeps the event loop alive (so Node cannot end the process on its own meanwhile) and
		// bounds the wait.
		const timer = setTimeout(() => {
			process.stderr.write(
				`[e2e preload] Expression.disposeExpressionEngine() still pending after ${DISPOSE_TIMEOUT_MS} ms; exiting anyway\n`,
			);
			exit(exitCode);
		}, DISPOSE_TIMEOUT_MS);
		Promise.resolve()
			.then(dispose)
			.catch(() => undefined)
			.then(() => {
				clearTimeout(timer);
				exit(exitCode);
			});
		return undefined;
	};
}

if (isMainThread) install();
