/**
 * Private-use characters the XML reader puts in place of text before sax sees it, and takes out
 * again after: sax builds text a character at a time around every entity (~15× the size for
 * text full of `&amp;`) and walks plain text at ~6 ns a character, but reads text without `&`
 * or `<` in one slice. ECGridOS has no reason to send these characters; a document that holds
 * them (or a reference to them) is read without stand-ins, the slow way.
 */
export const AMP = '\uE000';
export const LT = '\uE001';
/** Brackets the number of a long text run set aside: `\uE002<n>\uE002`. */
const SET_ASIDE = '\uE002';

const STAND_IN = /[\uE000-\uE002]/;
/** A reference sax would turn into one of those characters. */
const REFERENCE_TO_STAND_IN = /&#(?:x0*e00[0-2]|0*5734[4-6]);/i;

/** Text runs longer than this are set aside rather than parsed. */
export const SET_ASIDE_LENGTH = 64 * 1024;

/** True when stand-ins cannot be used for this text: it holds them, or refers to them. */
export function holdsStandIns(text: string): boolean {
	return STAND_IN.test(text) || REFERENCE_TO_STAND_IN.test(text);
}

export function markerOf(index: number): string {
	return `${SET_ASIDE}${index}${SET_ASIDE}`;
}

/** A long run of text kept as the ASCII bytes it arrived in: made text only if it is read. */
export class ByteRun {
	private bytes: Buffer | undefined;

	private text: string | undefined;

	constructor(bytes: Buffer) {
		this.bytes = bytes;
	}

	toString(): string {
		if (this.text === undefined) {
			if (!this.bytes) throw new Error('A long text run was read after its bytes were taken');
			this.text = this.bytes.toString('latin1');
		}
		return this.text;
	}

	/** The bytes, for a reader that decodes them where they are: the run is not read again. */
	take(): Buffer {
		if (!this.bytes) throw new Error('A long text run was taken twice');
		const bytes = this.bytes;
		this.bytes = undefined;
		return bytes;
	}
}

export type SetAside = string | ByteRun;

/** The one run set aside that makes up all of `text`, if it is one. */
export function wholeRunOf(text: string, setAside: readonly SetAside[]): SetAside | undefined {
	if (setAside.length === 0 || !text.startsWith(SET_ASIDE)) return undefined;
	const parts = text.split(SET_ASIDE);
	return parts.length === 3 && parts[2] === '' ? setAside[Number(parts[1])] : undefined;
}

function restoreAmpAndLt(text: string): string {
	// split/join, not a replace callback, which costs ~35× the text's size on many matches.
	if (!STAND_IN.test(text)) return text;
	return text.split(AMP).join('&').split(LT).join('<');
}

/** Puts the runs set aside back where their markers are, then `&` and `<`. */
export function restorerOf(setAside: readonly SetAside[]): (text: string) => string {
	return (text) => {
		if (setAside.length === 0 || !text.includes(SET_ASIDE)) return restoreAmpAndLt(text);
		// The numbers sit at the odd places.
		const parts = text.split(SET_ASIDE);
		return restoreAmpAndLt(
			parts
				.map((part, index) => (index % 2 === 1 ? String(setAside[Number(part)]) : part))
				.join(''),
		);
	};
}
