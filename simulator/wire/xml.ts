/** Escape text for an XML element body or a double-quoted attribute. */
export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
