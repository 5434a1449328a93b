import { firstNonBlank } from './text';

/** How much of the content is text at a time. */
const WINDOW_CHARS = 1 << 20;

/**
 * A file's bytes read as text a window at a time, for the envelope summaries: they look at every
 * segment of a parcel and keep almost none, so a big file never becomes one string. latin1: one
 * byte is one character and no byte sequence can fail, so a window may end anywhere. Positions
 * are in the window's `text`; the readers' own functions (segment ends, tags) work on it as on a
 * whole file's text.
 */
export class TextWindow {
	text = '';
	/** Where the segment being read starts in `text`. */
	position = 0;
	/** Where `text` starts in the content. */
	private base = 0;

	constructor(
		private readonly content: Buffer,
		start: number,
		/** The window's usual size (smaller only in tests). */
		private readonly size = WINDOW_CHARS,
	) {
		this.load(start, size);
	}

	/** Skips CR, LF, tab and space; false when the content ends first. */
	skipBlanks(): boolean {
		for (;;) {
			this.position = firstNonBlank(this.text, this.position);
			if (this.position < this.text.length) return true;
			if (this.reachesEnd()) return false;
			this.load(this.base + this.position, this.size);
		}
	}

	/**
	 * Where the segment at `position` ends, by the reader's own `endOf` (the terminator's index, or
	 * `text.length` when there is none): the window moves to the segment, and grows, until the
	 * segment is whole in it or the content ends. Read `position` again after: the window may
	 * have moved.
	 */
	segmentEnd(endOf: (text: string, position: number) => number): number {
		let size = this.size;
		for (;;) {
			const end = endOf(this.text, this.position);
			if (end < this.text.length || this.reachesEnd()) return end;
			size *= 2;
			this.load(this.base + this.position, size);
		}
	}

	private reachesEnd(): boolean {
		return this.base + this.text.length >= this.content.length;
	}

	private load(offset: number, size: number): void {
		this.base = offset;
		this.position = 0;
		this.text = this.content.toString(
			'latin1',
			offset,
			Math.min(this.content.length, offset + size),
		);
	}
}
