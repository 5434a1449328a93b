/**
 * Byte checks the reply reader needs, without importing `node:buffer`: n8n's package scanner
 * allows community nodes no imports beyond a short list, and Buffer itself is a global.
 */

/** Whether every byte is below 0x80, read four bytes at a time where they are aligned. */
export function isAsciiBytes(bytes: Uint8Array): boolean {
	const end = bytes.length;
	let at = 0;
	for (; at < end && (bytes.byteOffset + at) % 4 !== 0; at++) if (bytes[at] & 0x80) return false;
	const words = Math.floor((end - at) / 4);
	if (words > 0) {
		const view = new Uint32Array(bytes.buffer, bytes.byteOffset + at, words);
		for (let index = 0; index < words; index++) if (view[index] & 0x80808080) return false;
	}
	for (at += words * 4; at < end; at++) if (bytes[at] & 0x80) return false;
	return true;
}

/** Keeps a byte order mark as U+FEFF, as Buffer's own UTF-8 decoding does. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes as UTF-8 text, or undefined when they are not UTF-8. */
export function strictUtf8(bytes: Uint8Array): string | undefined {
	try {
		return STRICT_UTF8.decode(bytes);
	} catch {
		return undefined;
	}
}
