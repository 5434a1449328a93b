import type { LineBreakAfter } from '../model';
import { EdiWriteError } from './errors';
import type { DateDigits } from './dates';

/** The separators an interchange is written with, and what follows each segment terminator. */
export type WriteSyntax = {
	standard: 'X12' | 'EDIFACT';
	element: string;
	component: string;
	/** Empty when the interchange has none (X12 before 00501 writes `U` in ISA11). */
	repetition: string;
	segment: string;
	/** EDIFACT only; empty for X12 and for an EDIFACT interchange without one. */
	release: string;
	/** EDIFACT's decimal mark, written in the UNA. */
	decimal: string;
	lineBreak: string;
	/** Whether the line break follows every segment, or only envelope segments and whole sets. */
	lineBreakAfter: LineBreakAfter;
};

export type Delimiters = Partial<Omit<WriteSyntax, 'standard'>>;

/** X12's usual separators; the repetition separator only from 00501 (ISA11). */
export const X12_DEFAULTS = { element: '*', component: ':', repetition: '^', segment: '~' };

/** ISO 9735's defaults: with these an EDIFACT interchange needs no UNA. */
export const EDIFACT_DEFAULTS = {
	component: ':',
	element: '+',
	decimal: '.',
	release: '?',
	repetition: '',
	segment: "'",
};

const NAMES: Record<string, string> = {
	element: 'element separator',
	component: 'component separator',
	repetition: 'repetition separator',
	segment: 'segment terminator',
	release: 'release character',
};

const SEPARATORS = ['element', 'component', 'repetition', 'segment', 'release'] as const;

/** The separators of one syntax, checked: single characters, all different, none a letter, digit or blank. */
export function checkSyntax(syntax: WriteSyntax): WriteSyntax {
	const used = new Map<string, string>();
	for (const name of SEPARATORS) {
		const char = syntax[name];
		if (char === '' && (name === 'repetition' || name === 'release')) continue;
		// Only a segment may end in a line break (CR or LF); no separator may be white space.
		const refused = name === 'segment' ? /[A-Za-z0-9 ]/ : /[A-Za-z0-9\s]/;
		if (char.length !== 1 || refused.test(char)) {
			throw new EdiWriteError(
				`the ${NAMES[name]} ${JSON.stringify(char)} is not one character other than a letter, digit or ${name === 'segment' ? 'space' : 'white space'}`,
			);
		}
		const other = used.get(char);
		if (other) throw new EdiWriteError(`the ${NAMES[name]} and the ${other} are both '${char}'`);
		used.set(char, NAMES[name]);
	}
	if (syntax.standard === 'EDIFACT' && syntax.decimal !== '.' && syntax.decimal !== ',') {
		throw new EdiWriteError(
			`the decimal mark ${JSON.stringify(syntax.decimal)} is neither '.' nor ','`,
		);
	}
	if (!['', '\n', '\r\n'].includes(syntax.lineBreak)) {
		throw new EdiWriteError('the segment line break must be none, LF or CR LF');
	}
	if (syntax.lineBreakAfter !== 'segment' && syntax.lineBreakAfter !== 'message') {
		throw new EdiWriteError(
			`delimiters.lineBreakAfter ${JSON.stringify(syntax.lineBreakAfter)} is neither "segment" nor "message"`,
		);
	}
	return syntax;
}

/**
 * The syntax with a decimal mark unlike every separator: Read refuses a UNA that declares one
 * character twice. Write formats no number with the mark (values go out as given), so the mark
 * only tells the partner how the data writes decimals, and a separator cannot be that: a bare
 * one would split the value. When a separator takes the mark asked for, the UNA declares the
 * other one ('.' or ','), as partners who write ',' do anyway; with both taken there is no mark
 * to declare, and the item is refused.
 */
export function withFreeDecimalMark(syntax: WriteSyntax): WriteSyntax {
	const takenBy = (mark: string) => SEPARATORS.find((name) => syntax[name] === mark);
	const taker = takenBy(syntax.decimal);
	if (taker === undefined) return syntax;
	const other = syntax.decimal === '.' ? ',' : '.';
	const otherTaker = takenBy(other);
	if (otherTaker !== undefined) {
		throw new EdiWriteError(
			`the ${NAMES[taker]} '${syntax.decimal}' and the ${NAMES[otherTaker]} '${other}' leave the UNA no decimal mark, which must be '.' or ',' and unlike every separator`,
			undefined,
			'Choose another character for one of them.',
		);
	}
	return { ...syntax, decimal: other };
}

/** What ends a segment: `envelope` after envelope segments and set trailers, `inSet` inside a set. */
export function segmentEnds(syntax: WriteSyntax): { envelope: string; inSet: string } {
	const envelope = syntax.segment + syntax.lineBreak;
	return { envelope, inSet: syntax.lineBreakAfter === 'message' ? syntax.segment : envelope };
}

/**
 * The character set an EDIFACT file is written in, from its syntax identifier (UNB01): UNOA and
 * UNOB are 7-bit sets (ISO 646), UNOC to UNOK one byte per character (ISO 8859, written as
 * latin1 bytes); UNOW to UNOY, like X12, are UTF-8 and carry every character (`undefined`).
 */
export function singleByteCharset(
	standard: 'X12' | 'EDIFACT',
	version: string,
): { id: string; highest: number } | undefined {
	if (standard !== 'EDIFACT' || /^UNO[WXY]/.test(version)) return undefined;
	const id = version.split(':')[0];
	return { id, highest: /^UNO[AB]$/.test(id) ? 0x7f : 0xff };
}

/**
 * Writes element values for one syntax: X12 values are checked for separators (X12 cannot
 * escape them), EDIFACT values escaped with the release character. Control characters (a line
 * break from a multi-line field, a tab) are refused in both: neither standard's character sets
 * have them, and partners' translators reject or cut the value. So is a character the file's
 * one-byte character set cannot carry (an EDIFACT `€` under UNOC, `é` under UNOA), naming the
 * element, so that the item fails alone rather than the whole interchange it would go in.
 * Made once per interchange.
 */
export class ValueWriter {
	private readonly special: RegExp;
	private readonly specialInRepeat: RegExp;

	constructor(
		readonly syntax: WriteSyntax,
		private readonly charset?: { id: string; highest: number },
		/** X12 dates' digits: CCYYMMDD from version 00401 on, YYMMDD before. */
		readonly dateDigits: DateDigits = 8,
	) {
		const chars = [syntax.element, syntax.component, syntax.repetition, syntax.segment];
		if (syntax.release !== '') chars.push(syntax.release);
		this.special = charClass(chars, charset?.highest);
		// A repetition is written as Read gives it: components already joined.
		this.specialInRepeat = charClass(
			chars.filter((char) => char !== syntax.component),
			charset?.highest,
		);
	}

	/** One value (or one repetition, `inRepeat`), ready to stand between separators. */
	write(value: string, reference: string, inRepeat = false): string {
		const special = inRepeat ? this.specialInRepeat : this.special;
		if (!special.test(value)) return value;
		const { syntax } = this;
		let out = '';
		for (const char of value) {
			if (!special.test(char)) {
				out += char;
				continue;
			}
			const name = Object.keys(NAMES).find(
				(key) => syntax[key as keyof typeof NAMES & keyof WriteSyntax] === char,
			);
			if (name === undefined) {
				if (this.charset && char.codePointAt(0)! > this.charset.highest)
					throw charsetError(reference, char, this.charset.id);
				throw controlCharacterError(reference, char);
			}
			if (syntax.release === '') {
				throw new EdiWriteError(
					`${reference} holds the ${NAMES[name]} '${char}'`,
					undefined,
					syntax.standard === 'X12'
						? 'X12 cannot escape separators: remove the character from the value, or choose other delimiters in Options.'
						: 'Declare a release character in Options, or remove the character from the value.',
				);
			}
			out += syntax.release + char;
		}
		return out;
	}
}

const CONTROL_NAMES: Record<string, string> = {
	'\n': 'a line feed',
	'\r': 'a carriage return',
	'\t': 'a tab',
};

function controlCharacterError(reference: string, char: string): EdiWriteError {
	const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
	return new EdiWriteError(
		`${reference} holds ${CONTROL_NAMES[char] ?? 'a control character'} (${code}), which no X12 or EDIFACT value may carry`,
		undefined,
		"Replace it in the mapping, e.g. with a space: {{ $json.address.replace(/\\s+/g, ' ') }}.",
	);
}

function charsetError(reference: string, char: string, id: string): EdiWriteError {
	const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
	return new EdiWriteError(
		`${reference} holds '${char}' (${code}), which the syntax ${id} cannot carry`,
		undefined,
		/^UNO[AB]$/.test(id)
			? 'UNOA and UNOB carry ASCII only: choose the syntax UNOC (Latin-1) or UNOW (UTF-8), or replace the character in the mapping.'
			: 'Choose the syntax UNOW (UTF-8), or replace the character in the mapping.',
	);
}

/**
 * The separators given, every control character (C0 and DEL) and every character above
 * `highest` (what a one-byte character set cannot carry), as one character class.
 */
function charClass(chars: string[], highest?: number): RegExp {
	const escaped = chars
		.filter((char) => char !== '')
		.map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
	const beyond =
		highest === undefined ? '' : `\\u${(highest + 1).toString(16).padStart(4, '0')}-\\uffff`;
	return new RegExp(`[${escaped.join('')}\\u0000-\\u001f\\u007f${beyond}]`);
}
