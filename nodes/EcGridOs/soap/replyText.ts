import { UnreadableResponseError } from './errors';
import { ByteRun, holdsStandIns, markerOf, SET_ASIDE_LENGTH } from './standIns';
import { isAsciiBytes, strictUtf8 } from './textBytes';

/** A reply as text, its long plain runs (a parcel's base64) left as bytes behind markers. */
export interface ReplyText {
	text: string;
	runs: ByteRun[];
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Replies smaller than this are read as text whole: cutting runs out pays off only on big ones. */
const CUT_FROM_BYTES = 1024 * 1024;

const [GT, LT, AMP, QUOTE, APOSTROPHE] = ['>', '<', '&', '"', "'"].map((char) =>
	char.charCodeAt(0),
);

function notUtf8(httpStatus: number): UnreadableResponseError {
	return new UnreadableResponseError(
		'ECGridOS sent a reply that is not valid UTF-8 text',
		'malformed',
		httpStatus,
	);
}

/** Bytes as text, strictly UTF-8; all-ASCII bytes are the same text read as latin1 (faster). */
function textOf(bytes: Buffer, httpStatus: number): string {
	if (isAsciiBytes(bytes)) return bytes.toString('latin1');
	const text = strictUtf8(bytes);
	if (text === undefined) throw notUtf8(httpStatus);
	return text;
}

const isWhitespace = (byte: number) =>
	byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/**
 * True for text between a `>` and the next `<` that can be set aside unread: ASCII, something
 * besides whitespace, and no `&` (an entity is sax's to check), no quote and no `>` (so it
 * cannot be the end of a tag whose attribute value holds a `>`).
 */
function isPlainRun(run: Buffer): boolean {
	if (run.indexOf(AMP) !== -1 || run.indexOf(QUOTE) !== -1 || run.indexOf(APOSTROPHE) !== -1)
		return false;
	if (run.indexOf(GT) !== -1 || !isAsciiBytes(run)) return false;
	return !run.every(isWhitespace);
}

/** The reply's text with its long plain runs cut out, or undefined when it has none to cut. */
function cutLongRuns(bytes: Buffer, httpStatus: number): ReplyText | undefined {
	const pieces: string[] = [];
	const runs: ByteRun[] = [];
	let copied = 0;
	for (let position = 0; ;) {
		const gt = bytes.indexOf(GT, position);
		const lt = gt === -1 ? -1 : bytes.indexOf(LT, gt + 1);
		if (lt === -1) break;
		// Most gaps are a few bytes: only a long one is worth a look (and a Buffer view).
		if (lt - gt - 1 > SET_ASIDE_LENGTH) {
			const run = bytes.subarray(gt + 1, lt);
			if (isPlainRun(run)) {
				pieces.push(textOf(bytes.subarray(copied, gt + 1), httpStatus), markerOf(runs.length));
				runs.push(new ByteRun(run));
				copied = lt;
			}
		}
		position = lt;
	}
	if (runs.length === 0) return undefined;
	pieces.push(textOf(bytes.subarray(copied), httpStatus));
	const text = pieces.join('');
	// The markers must be the only stand-ins in the text, or the reader could not tell them apart.
	if (holdsStandIns(text.split(/\uE002\d+\uE002/).join(''))) return undefined;
	return { text, runs };
}

/**
 * A reply's bytes as text, strictly: ECGridOS answers in UTF-8, and bytes that are not UTF-8
 * mean the reply was damaged or is not ECGridOS's. A byte order mark is dropped. In a large
 * reply, long runs of plain ASCII text between two elements' tags (a downloaded parcel's base64)
 * stay bytes: the text would be another copy as large as the reply.
 */
export function replyText(bytes: Buffer, httpStatus: number): ReplyText {
	const body = bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;
	const cut = body.length >= CUT_FROM_BYTES ? cutLongRuns(body, httpStatus) : undefined;
	return cut ?? { text: textOf(body, httpStatus), runs: [] };
}
