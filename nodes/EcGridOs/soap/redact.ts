const REDACTED = '[redacted]';

/** Every form a secret can take on the wire: raw, XML-escaped, form- and URL-encoded. */
function spellings(secret: string): string[] {
	const xml = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	const forms = [
		secret,
		xml,
		encodeURIComponent(secret),
		new URLSearchParams({ s: secret }).toString().slice(2),
	];
	return [...new Set(forms)].filter((form) => form.length > 0).sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of each secret (in any of its wire spellings) with a marker. */
export function redact(text: string, secrets: ReadonlyArray<string | undefined>): string {
	let result = text;
	for (const secret of secrets) {
		if (!secret || secret.length < 4) continue;
		for (const form of spellings(secret)) result = result.split(form).join(REDACTED);
	}
	return result;
}
