/**
 * The EDI bench's n8n runs: the ECGrid EDI node in an n8n-core workflow, on a file kept as an
 * n8n 2 instance keeps binary data (in files). Imported only by the children that run the node,
 * so the others do not carry n8n in their memory figures.
 */
import '../test/harness/env';

import { createReadStream } from 'node:fs';

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { EDI_NODE, ediWorkflow } from '../test/EcGridEdi/support';
import {
	loadPackage,
	runWorkflow,
	storeBinaryDataInFiles,
	type NodePackage,
} from '../test/harness';

let loaded: NodePackage | undefined;

/** The file as Read Files from Disk or Parcel → Download leaves it in an n8n 2 instance. */
async function storedFile(path: string): Promise<IBinaryData> {
	if (!loaded) {
		await storeBinaryDataInFiles();
		loaded = loadPackage();
	}
	const binary: IBinaryData = { data: '', mimeType: 'application/edi-x12', fileName: 'big.x12' };
	const location = { type: 'execution' as const, workflowId: 'bench', executionId: 'bench' };
	return await Container.get(BinaryDataService).store(location, createReadStream(path), binary);
}

/** A run of Write over Read's items, one interchange for all; it returns how many sets it wrote. */
export async function nodeWriteRun(
	items: Array<Record<string, unknown>>,
): Promise<() => Promise<number>> {
	if (!loaded) {
		await storeBinaryDataInFiles();
		loaded = loadPackage();
	}
	const inputs = items.map((json) => ({ json }) as INodeExecutionData);
	const parameters: INodeParameters = {
		operation: 'write',
		senderQualifier: 'ZZ',
		senderId: 'ACMESUPPLY',
		receiverQualifier: 'ZZ',
		receiverId: 'GLOBEXRETAIL',
		controlNumber: 7,
	};
	return async () => {
		const result = await runWorkflow(ediWorkflow(parameters), { inputs, nodePackage: loaded });
		if (result.error) throw new Error(`workflow failed: ${(result.error as Error).message}`);
		const [file] = result.run.data.resultData.runData[EDI_NODE][0].data?.main[0] ?? [];
		return (file?.json.setControlNumbers as string[] | undefined)?.length ?? 0;
	};
}

/** A run of the node with these parameters over the file; it returns its first output's item count. */
export async function nodeRun(
	parameters: INodeParameters,
	path: string,
): Promise<() => Promise<number>> {
	const inputs: INodeExecutionData[] = [{ json: {}, binary: { data: await storedFile(path) } }];
	return async () => {
		const result = await runWorkflow(ediWorkflow(parameters), { inputs, nodePackage: loaded });
		if (result.error) throw new Error(`workflow failed: ${(result.error as Error).message}`);
		// Read's first output holds the valid sets; Create Acknowledgment's its one file.
		return result.run.data.resultData.runData[EDI_NODE][0].data?.main[0]?.length ?? 0;
	};
}
