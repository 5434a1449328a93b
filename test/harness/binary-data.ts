import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';

/**
 * Keeps binary data in files under the harness's n8n folder, as an n8n 2 instance does by
 * default (N8N_DEFAULT_BINARY_DATA_MODE=filesystem), instead of as base64 in the item. Until
 * this is called, n8n-core keeps it in memory, as n8n 1 did. For the whole process.
 */
export async function storeBinaryDataInFiles(): Promise<void> {
	await Container.get(BinaryDataService).init();
}

/** The bytes of a binary property, wherever n8n-core keeps them. */
export async function binaryBytes(binary: { id?: string; data: string }): Promise<Buffer> {
	return await Container.get(BinaryDataService).getAsBuffer(
		binary as Parameters<BinaryDataService['getAsBuffer']>[0],
	);
}
