import type { Interchange } from './model';

/** Keeps a byte order mark as U+FEFF, as Buffer's own UTF-8 decoding does. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Files that Windows tools saved as "Unicode" start with a UTF-16 byte order mark. */
const UTF16 = {
	le: new TextDecoder('utf-16le', { ignoreBOM: true }),
	be: new TextDecoder('utf-16be', { ignoreBOM: true }),
};

/** The decoder for content that starts with a UTF-16 byte order mark; none for other content. */
export function utf16Decoder(content: Buffer): (typeof UTF16)['le'] | undefined {
	if (content[0] === 0xff && content[1] === 0xfe) return UTF16.le;
	if (content[0] === 0xfe && content[1] === 0xff) return UTF16.be;
	return undefined;
}

/** How a file's bytes became its text. */
export type TextEncoding = 'utf8' | 'latin1' | 'utf16';

/**
 * The file as text: UTF-16 when it starts with a UTF-16 byte order mark; else UTF-8 when its
 * bytes are valid UTF-8 (EDIFACT UNOW/UNOY, X12 extended character sets), latin1 otherwise,
 * where one byte is one character and nothing can fail. Every delimiter is ASCII, so UTF-8 and
 * latin1 split the same way. (A global TextDecoder, not `node:buffer`'s isUtf8: n8n's package
 * scanner refuses that import.)
 */
export function decodeContent(content: Buffer): { text: string; encoding: TextEncoding } {
	const utf16 = utf16Decoder(content);
	if (utf16) return { text: utf16.decode(content), encoding: 'utf16' };
	try {
		return { text: STRICT_UTF8.decode(content), encoding: 'utf8' };
	} catch {
		return { text: content.toString('latin1'), encoding: 'latin1' };
	}
}

/**
 * A value cut out of text read as latin1, as Read would give it: decoded as UTF-8 when its own
 * bytes are UTF-8, so `MÃ\u009cLLER` is `MÜLLER` again. Decided per value, not for the whole file
 * as Read decides, so that a summary never decodes a big file; the two differ only for a latin1
 * file whose value happens to form UTF-8.
 */
export function asReadDecodes(latin1: string): string {
	if (!/[^\x00-\x7f]/.test(latin1)) return latin1;
	try {
		return STRICT_UTF8.decode(Buffer.from(latin1, 'latin1'));
	} catch {
		return latin1;
	}
}

export function decodeText(content: Buffer): string {
	return decodeContent(content).text;
}

/**
 * How to write an answer to a file read as `encoding`, so that what it echoes (partner IDs,
 * references) comes back as the bytes the partner sent: latin1 for a file of single-byte
 * characters (EDIFACT UNOA–UNOK, X12 in ISO 8859-1), UTF-8 otherwise.
 */
export function answerEncoding(encoding: TextEncoding): 'utf8' | 'latin1' {
	return encoding === 'latin1' ? 'latin1' : 'utf8';
}

/** Where the content starts: after a byte order mark and any leading whitespace. */
export function firstNonBlank(text: string, position = 0): number {
	if (position === 0 && text.charCodeAt(0) === 0xfeff) position = 1;
	while (position < text.length && isBlank(text.charCodeAt(position))) position++;
	return position;
}

/**
 * CR, LF, tab and space: what senders put after a terminator to make files readable; and NUL and
 * SUB, which are never data: transfers pad a file to a block size with NULs, and DOS-era tools end
 * a file with SUB (Ctrl-Z). Earlier X12 standards told readers to ignore such bytes; read as a
 * segment, one would reject the interchange before it.
 */
export function isBlank(code: number): boolean {
	return (
		code === 0x0a ||
		code === 0x0d ||
		code === 0x20 ||
		code === 0x09 ||
		code === 0x00 ||
		code === 0x1a
	);
}

export function isAlphanumericChar(char: string): boolean {
	const code = char.charCodeAt(0);
	return (
		(code >= 0x30 && code <= 0x39) ||
		(code >= 0x41 && code <= 0x5a) ||
		(code >= 0x61 && code <= 0x7a)
	);
}

/** The line break a sender put after a segment terminator ending at `position`: CR LF, LF or none. */
export function lineBreakAt(text: string, position: number): string {
	if (text.startsWith('\r\n', position)) return '\r\n';
	return text[position] === '\n' ? '\n' : '';
}

/**
 * Notes where an interchange breaks lines, from the text right after its first set's header
 * (ST / UNH): a file that breaks after its header but not there keeps each message on one line.
 */
export function noteLineBreaks(
	interchange: Interchange,
	text: string,
	afterSetHeader: number,
): void {
	const { layout } = interchange;
	if (!layout || layout.lineBreakAfter !== undefined) return;
	layout.lineBreakAfter =
		layout.lineBreak !== '' && lineBreakAt(text, afterSetHeader) === '' ? 'message' : 'segment';
}
