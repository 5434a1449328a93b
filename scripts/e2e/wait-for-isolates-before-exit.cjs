'use strict';
/**
 * Preloaded into every n8n CLI process the e2e run starts (`NODE_OPTIONS=--require <this file>`,
 * see n8n-cli.ts). Plain CommonJS, because it runs on n8n's own Node (20 or 24) without tsx.
 *
 * Why: n8n 2.x evaluates expressions in isolated-vm isolates from a pool that builds a
 * replacement isolate on isolated-vm's threads whenever one is given back. `n8n execute` ends in
 * BaseCommand.finally() with a bare `process.exit()`; an exit that lands while a replacement is
 * still being built tears V8 down under that thread, and the process dies of SIGSEGV after it
 * has printed its result (n8n's bug, not the node's).
 *
 * What: the first `process.exit(code)` first awaits the expression evaluator's own
 * `waitForReplenishment()` (the isolates being built are then ready and idle), at most
 * WAIT_TIMEOUT_MS, then exits with the code n8n asked for. It does not dispose the engine:
 * `Expression.disposeExpressionEngine()` followed by an exit crashes as well, because
 * isolated-vm finishes tearing an isolate down on its thread after `dispose()` returns; an exit
 * with idle isolates does not (measured: README, "End-to-end"). Nothing changes before n8n calls
 * `process.exit()`. Where n8n-workflow is not loaded or runs no isolate pool (n8n 2.8 and older,
 * the legacy engine), it is a plain exit.
 */
const { dirname } = require('node:path');
const { isMainThread } = require('node:worker_threads');

/** Building an isolate takes well under a second; a wait that hangs must not hang the run. */
const WAIT_TIMEOUT_MS = Number(process.env.ECGRIDOS_E2E_EXIT_WAIT_TIMEOUT_MS) || 10_000;

/**
 * A function that waits for n8n's isolates being built, or undefined. Only the copy of
 * n8n-workflow that n8n has already loaded holds the engine, so it is looked up in the module
 * cache and never loaded here.
 */
function isolatesBeingBuilt() {
	try {
		// n8n's bin script (`require.main` is not set for a preloaded module): n8n-workflow
		// resolves from there to the copy n8n's own code uses.
		const main = process.argv[1];
		if (!main) return undefined;
		const file = require.resolve('n8n-workflow', { paths: [dirname(main)] });
		const workflow = require.cache[file] && require.cache[file].exports;
		const evaluator = workflow && workflow.Expression && workflow.Expression.vmEvaluator;
		const wait = evaluator && evaluator.waitForReplenishment;
		return typeof wait === 'function' ? () => wait.call(evaluator) : undefined;
	} catch {
		return undefined;
	}
}

function install() {
	const exit = process.exit.bind(process);
	let exiting = false;

	process.exit = function exitWhenIsolatesAreBuilt(code) {
		// The first call decides, as a real exit would: later calls while waiting are ignored.
		if (exiting) return undefined;
		exiting = true;
		const exitCode = code === undefined ? process.exitCode : code;
		const wait = isolatesBeingBuilt();
		if (!wait) return exit(exitCode);
		// Keeps the event loop alive (so Node cannot end the process on its own meanwhile) and
		// bounds the wait.
		const timer = setTimeout(() => {
			process.stderr.write(
				`[e2e preload] isolates still being built after ${WAIT_TIMEOUT_MS} ms; exiting anyway\n`,
			);
			exit(exitCode);
		}, WAIT_TIMEOUT_MS);
		Promise.resolve()
			.then(wait)
			.catch(() => undefined)
			.then(() => {
				clearTimeout(timer);
				exit(exitCode);
			});
		return undefined;
	};
}

if (isMainThread) install();
