import { contentStart } from './bytes';
import { looksLikeEdifact, summarizeEdifact } from './edifact';
import type { EnvelopeSummary, XmlSummary } from './types';
import { looksLikeX12, summarizeX12 } from './x12';
import { looksLikeXml, rootElementOf } from './xml';

/**
 * What a file is and who it is between, from its envelope: X12 (ISA/GS/ST), EDIFACT (UNA/UNB/
 * UNH), XML, or `unknown`. One pass over the bytes, no full decode, bounded lists; never throws,
 * since a parcel that is not EDI is normal and must not fail its workflow item.
 */
export function summarizeEnvelope(content: Buffer): EnvelopeSummary {
	try {
		const start = contentStart(content);
		if (looksLikeX12(content, start)) return summarizeX12(content, start);
		if (looksLikeEdifact(content, start)) return summarizeEdifact(content, start);
		if (looksLikeXml(content, start)) {
			const summary: XmlSummary = { standard: 'XML' };
			const rootElement = rootElementOf(content, start);
			if (rootElement !== undefined) summary.rootElement = rootElement;
			return summary;
		}
		return { standard: 'unknown' };
	} catch (error) {
		// Only a reader bug lands here: the item still gets a summary, and the reason.
		return {
			standard: 'unknown',
			warnings: [`The envelope could not be read: ${(error as Error)?.message ?? String(error)}`],
		};
	}
}
