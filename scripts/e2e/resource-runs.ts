/**
 * One operation of every resource in the real n8n CLI: a workflow whose trigger feeds one ECGridOS
 * node per resource, each signed in with the stack's API key; one of them downloads a parcel into
 * n8n's binary data.
 */
import { join } from 'node:path';

import { checkExitedZero, checkNoSecrets, executionOf, type Checks } from './checks';
import { mainOutput, taskOf, type ExecutionRun } from './execution';
import { FIXTURES } from './paths';
import type { Stack } from './stack';

const DOWNLOAD_NODE = 'Parcel: Download';
/** Resources whose read may rightly find nothing in the demo world. */
const MAY_BE_EMPTY = new Set(['Key-Value Store: Get Many', 'Callback: Get Pending Calls']);

interface BinaryMeta {
	fileName?: string;
	mimeType?: string;
	fileSize?: string;
}

function checkDownload(checks: Checks, run: ExecutionRun): void {
	const [item] = mainOutput(taskOf(run, DOWNLOAD_NODE)) as Array<{
		json: Record<string, unknown>;
		binary?: Record<string, BinaryMeta>;
	}>;
	const binary = item?.binary?.data;
	checks.check(
		`${DOWNLOAD_NODE}: the parcel is n8n binary data, named and typed from its content`,
		binary?.fileName === 'x12-850-purchase-order.edi' && binary?.mimeType === 'text/plain',
		JSON.stringify(binary),
	);
	const envelope = item?.json.envelope as { standard?: string } | undefined;
	checks.check(
		`${DOWNLOAD_NODE}: the envelope summary says X12`,
		envelope?.standard === 'X12',
		JSON.stringify(envelope),
	);
}

export async function runResourceWorkflow(
	stack: Stack,
	checks: Checks,
	log: (line: string) => void,
): Promise<void> {
	const workflow = await stack.importWorkflow(
		join(FIXTURES, 'every-resource.workflow.json'),
		'ecgridE2eResources',
	);
	log(`n8n execute --id=${workflow.id} (${workflow.json.name})`);
	const result = await stack.cli.execute(workflow.id);
	if (!checkExitedZero(checks, workflow.id, result)) return;
	const run = executionOf(checks, workflow.id, result);
	if (!run) return;
	for (const node of workflow.ecGridNodes) {
		const task = run.data.resultData.runData[node]?.at(-1);
		const items = task ? mainOutput(task).filter((item) => Object.keys(item.json).length > 0) : [];
		checks.check(
			`${node}: runs without error${MAY_BE_EMPTY.has(node) ? '' : ' and outputs items'}`,
			task !== undefined &&
				task.error === undefined &&
				(MAY_BE_EMPTY.has(node) || items.length > 0),
			task?.error?.message ?? (task ? `${items.length} items` : 'did not run'),
		);
	}
	checkDownload(checks, run);
	checkNoSecrets(
		checks,
		`${workflow.id} output`,
		`${result.stdout}\n${result.stderr}`,
		stack.secrets,
	);
}
