/**
 * The EDI half of `npm run demo`: files dropped into the simulator's InBox are downloaded,
 * summarised and confirmed by examples/process-inbox.workflow.json.
 */
import { join } from 'node:path';
import type { IDataObject } from 'n8n-workflow';

import { loadWorkflowFile, runWorkflow, type HarnessCredential } from '../test/harness';
import { sample, type Simulator } from '../simulator';

const WORKFLOW_FILE = join(__dirname, '..', 'examples', 'process-inbox.workflow.json');
// Beside the two parcels the demo world starts with, one arriving now.
const DROPPED = ['x12-856-ship-notice.edi'];

/** One line per downloaded parcel: what it is, between whom, and what is in it. */
export function formatParcel(json: IDataObject): string {
	const envelope = (json.envelope ?? {}) as IDataObject;
	const party = (value: unknown) => {
		const { qualifier, id } = (value ?? {}) as IDataObject;
		return qualifier ? `${String(qualifier)}:${String(id)}` : String(id ?? '?');
	};
	const contents =
		envelope.standard === 'X12'
			? ((envelope.transactionSets ?? []) as IDataObject[]).map(
					(set) => `${set.count}× ${set.code}`,
				)
			: ((envelope.messageTypes ?? []) as IDataObject[]).map(
					(type) => `${type.count}× ${type.type}`,
				);
	return (
		`parcel ${String(json.parcelId)} ${String(json.fileName)}: ${String(envelope.standard)} ` +
		`${party(envelope.sender)} → ${party(envelope.receiver)}` +
		(contents.length ? `, ${contents.join(', ')}` : '')
	);
}

export async function runEdiDemo(
	simulator: Simulator,
	credential: HarnessCredential,
): Promise<boolean> {
	for (const fileName of DROPPED) simulator.dropParcel({ fileName, content: sample(fileName) });
	const waiting = simulator.inBox().length;
	console.log(`\nEDI: ${waiting} parcels wait in the InBox of mailbox 10`);
	const result = await runWorkflow(loadWorkflowFile(WORKFLOW_FILE), { credentials: [credential] });
	if (result.error !== undefined) {
		console.error(`The InBox workflow failed: ${String((result.error as Error).message)}`);
		return false;
	}
	for (const item of result.outputOf('Download')) console.log(formatParcel(item.json));
	const confirmed = result
		.outputOf('Confirm Download')
		.filter((item) => item.json.success === true);
	console.log(`confirmed ${confirmed.length}; InBox now holds ${simulator.inBox().length}`);
	return confirmed.length === waiting && simulator.inBox().length === 0;
}
