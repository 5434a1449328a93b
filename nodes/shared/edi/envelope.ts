import { looksLikeEdifact, summarizeEdifact } from './edifact/summary';
import { asReadDecodes, decodeText, utf16Decoder } from './text';
import type { EnvelopeSummary, XmlSummary } from './types';
import { ISA_SEARCH_LIMIT } from './x12/isa';
import { looksLikeIsa, summarizeX12 } from './x12/summary';
import { looksLikeXml, rootElementOf } from './xml';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Where the content starts: after a UTF-8 byte order mark and any leading CR, LF, tab or space. */
function contentStart(content: Buffer): number {
	let position = UTF8_BOM.every((byte, index) => content[index] === byte) ? UTF8_BOM.length : 0;
	while (
		position < content.length &&
		(content[position] === 0x20 ||
			content[position] === 0x09 ||
			content[position] === 0x0a ||
			content[position] === 0x0d)
	)
		position++;
	return position;
}

/** The summary's values as Read decodes them (the summary reads the bytes as latin1). */
function decodedValues<T>(value: T): T {
	if (typeof value === 'string') return asReadDecodes(value) as T;
	if (Array.isArray(value)) return value.map(decodedValues) as T;
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [key, each] of Object.entries(value)) out[key] = decodedValues(each);
		return out as T;
	}
	return value;
}

/**
 * What a file is and who it is between, from its envelope: X12 (ISA/GS/ST), EDIFACT (UNA/UNB/
 * UNH), XML, or `unknown`. X12 and EDIFACT are read with the EDI reader's own ISA, UNA and
 * segment-end rules, in one pass over a window of the text at a time, with bounded lists; never
 * throws, since a parcel that is not EDI is normal and must not fail its workflow item.
 */
export function summarizeEnvelope(content: Buffer): EnvelopeSummary {
	try {
		// The summaries read bytes as latin1: UTF-16 content is made UTF-8 first, as Read decodes it.
		if (utf16Decoder(content)) return summarizeEnvelope(Buffer.from(decodeText(content), 'utf8'));
		const start = contentStart(content);
		// As far as the reader looks for an ISA's separators.
		const head = content.toString('latin1', start, start + ISA_SEARCH_LIMIT);
		if (looksLikeIsa(head)) return decodedValues(summarizeX12(content, start));
		if (looksLikeEdifact(head)) return decodedValues(summarizeEdifact(content, start));
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
