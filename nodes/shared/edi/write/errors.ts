/**
 * Why an item cannot be written: the message names the item, and the segment and element when
 * the fault is in one. The node turns it into a NodeOperationError for that item.
 */
export class EdiWriteError extends Error {
	constructor(
		message: string,
		/** The input item at fault, once known. */
		readonly itemIndex?: number,
		/** How to fix it, in a sentence. */
		readonly hint?: string,
	) {
		super(itemIndex === undefined ? message : `Item ${itemIndex}: ${message}`);
		this.name = 'EdiWriteError';
	}

	/** The same fault, now naming the item it was found in. */
	forItem(itemIndex: number): EdiWriteError {
		return this.itemIndex === undefined
			? new EdiWriteError(this.message, itemIndex, this.hint)
			: this;
	}
}

/** Any fault met while writing an item, as an EdiWriteError naming it (a bug reads as its message). */
export function asWriteError(error: unknown, itemIndex: number): EdiWriteError {
	if (error instanceof EdiWriteError) return error.forItem(itemIndex);
	return new EdiWriteError(
		`could not be written: ${(error as Error)?.message ?? String(error)}`,
		itemIndex,
	);
}
