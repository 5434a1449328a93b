/**
 * The Send EDI example as a user runs it, in the real n8n CLI: n8n-nodes-base's Read/Write Files
 * from Disk reads an EDI file, ECGridOS Parcel → Upload sends it, Parcel → Get OutBox Errors
 * looks for failures. Only the file path is changed (to a folder n8n may read).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { checkExitedZero, checkNoSecrets, executionOf, type Checks } from './checks';
import { mainOutput, taskOf } from './execution';
import { repoRoot } from './paths';
import type { Stack } from './stack';

const SEND_EXAMPLE = join(repoRoot, 'examples', 'send-edi.workflow.json');
const READ_NODE = 'Read the file the ERP wrote';
const FILE = 'x12-810-invoice.edi';
/** The file a user of the example has: the sample in examples/edi/, which the simulator knows. */
const sample = (name: string) => readFile(join(repoRoot, 'examples', 'edi', name));

export async function runSendExample(
	stack: Stack,
	checks: Checks,
	log: (line: string) => void,
): Promise<void> {
	const folder = join(stack.workDir, 'edi-outgoing');
	await mkdir(folder, { recursive: true });
	const content = await sample(FILE);
	await writeFile(join(folder, FILE), content);
	const json = JSON.parse(await readFile(SEND_EXAMPLE, 'utf8')) as {
		nodes: Array<{ name: string; parameters: Record<string, unknown> }>;
	};
	const reader = json.nodes.find((node) => node.name === READ_NODE);
	if (!checks.check(`send-edi example has "${READ_NODE}"`, reader !== undefined)) return;
	reader!.parameters.fileSelector = join(folder, FILE);
	const source = join(stack.workDir, 'send-edi.workflow.json');
	await writeFile(source, JSON.stringify(json));
	const workflow = await stack.importWorkflow(source, 'ecgridE2eSendExample');

	log(`n8n execute --id=${workflow.id} (${SEND_EXAMPLE.replace(`${repoRoot}/`, '')})`);
	// n8n 2.x reads files only under ~/.n8n-files unless told otherwise.
	const result = await stack.cli.execute(workflow.id, { N8N_RESTRICT_FILE_ACCESS_TO: folder });
	if (!checkExitedZero(checks, 'send-edi example', result)) return;
	const run = executionOf(checks, 'send-edi example', result);
	if (!run) return;
	const [uploaded] = mainOutput(taskOf(run, 'Upload'));
	const parcelId = Number(uploaded?.json.parcelId);
	const parcel = stack.sim.simulator.parcel(parcelId);
	checks.check(
		'send-edi example: the file read from disk is uploaded byte for byte into the OutBox',
		parcel?.direction === 'OutBox' &&
			parcel.fileName === FILE &&
			stack.sim.simulator.parcelContent(parcelId)?.equals(content) === true,
		JSON.stringify({ upload: uploaded?.json, parcel }),
	);
	const errors = taskOf(run, 'OutBox errors');
	checks.check(
		'send-edi example: Get OutBox Errors runs after the upload',
		errors.error === undefined && errors.executionStatus !== 'error',
		errors.error?.message,
	);
	const failed = mainOutput(errors).filter((item) => Number(item.json.parcelId) === parcelId);
	checks.check(
		'send-edi example: the partners are known, so the file is delivered, not an OutBox error',
		parcel?.status !== 'outboxDeliveryError' && failed.length === 0,
		JSON.stringify({ status: parcel?.status, failed: failed.map((item) => item.json) }),
	);
	checkNoSecrets(checks, 'send-edi example output', result.output, stack.secrets);
}
