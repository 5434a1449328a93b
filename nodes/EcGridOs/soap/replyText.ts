import { isAscii, isUtf8 } from 'node:buffer';

import { UnreadableResponseError } from './errors';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * A reply's bytes as text, strictly: ECGridOS answers in UTF-8, and bytes that are not UTF-8
 * mean the reply was damaged or is not ECGridOS's. A byte order mark is dropped. Bytes that are
 * all ASCII (a downloaded parcel's base64 is most of its reply) are the same text read as latin1,
 * which Node copies once and, when large, keeps outside the JavaScript heap.
 */
export function replyText(bytes: Buffer, httpStatus: number): string {
	const text = bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;
	if (isAscii(text)) return text.toString('latin1');
	if (!isUtf8(text)) {
		throw new UnreadableResponseError(
			'ECGridOS sent a reply that is not valid UTF-8 text',
			'malformed',
			httpStatus,
		);
	}
	return text.toString('utf8');
}
