/** Small header readers shared by the decoders. */

export interface ContentType {
	/** Lowercase media type, '' when the header is absent. */
	mediaType: string;
	/** Lowercase parameter names; values unquoted. */
	parameters: Record<string, string>;
	raw: string;
}

/** `application/soap+xml; charset=utf-8; action="https://os.ecgrid.io/Op"` → parts. */
export function parseContentType(header: string | undefined): ContentType {
	const raw = header ?? '';
	const [media, ...rest] = raw.split(';');
	const parameters: Record<string, string> = {};
	for (const part of rest) {
		const eq = part.indexOf('=');
		if (eq < 0) continue;
		const name = part.slice(0, eq).trim().toLowerCase();
		let value = part.slice(eq + 1).trim();
		if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
			value = value.slice(1, -1);
		parameters[name] = value;
	}
	return { mediaType: media.trim().toLowerCase(), parameters, raw };
}
