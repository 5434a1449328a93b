import type { EdiStandard, EnvelopeSummary } from './types';

/**
 * MIME type and file name extension per standard. X12 gets `x12` rather than the ambiguous
 * `edi`, which is left to EDIFACT (its most common extension besides `edifact`).
 */
const FILE_TYPES: Record<EdiStandard, { mimeType: string; extension: string }> = {
	X12: { mimeType: 'application/edi-x12', extension: 'x12' },
	EDIFACT: { mimeType: 'application/edifact', extension: 'edi' },
	XML: { mimeType: 'application/xml', extension: 'xml' },
	unknown: { mimeType: 'application/octet-stream', extension: 'bin' },
};

export function mimeTypeFor(summary: EnvelopeSummary): string {
	return (FILE_TYPES[summary.standard] ?? FILE_TYPES.unknown).mimeType;
}

/** The extension (without the dot) for a generated file name such as `parcel-<id>.<extension>`. */
export function fileExtensionFor(summary: EnvelopeSummary): string {
	return (FILE_TYPES[summary.standard] ?? FILE_TYPES.unknown).extension;
}
