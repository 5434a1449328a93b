import {
	NotEdiError,
	ScannedSegment,
	type Finding,
	type Group,
	type Interchange,
	type Segment,
	type TransactionSet,
} from '../model';
import { firstNonBlank, lineBreakAt, noteLineBreaks } from '../text';
import { closeSet, noteOutside, openGroup, openSet, type SetEnd } from '../tree';
import { componentsOf } from '../values';
import {
	DEFAULT_REPETITION_V4,
	DEFAULT_SERVICE_CHARACTERS,
	EdifactSyntax,
	segmentEnd,
	splitUnreleased,
} from './syntax';

/** `UNA` and its six service characters. */
const UNA_LENGTH = 9;

type Open = {
	interchange: Interchange;
	group?: Group;
	set?: TransactionSet;
	explicitGroup: boolean;
};

/** True when `text` at `position` opens like an EDIFACT interchange (UNA, or UNB with `+`). */
export function isEdifactAt(text: string, position: number): boolean {
	if (text.startsWith('UNB+', position)) return true;
	if (!text.startsWith('UNA', position) || position + UNA_LENGTH > text.length) return false;
	return /^[^A-Za-z0-9\s]{3}[^A-Za-z0-9][^A-Za-z0-9\r\n][^A-Za-z0-9]$/.test(
		text.slice(position + 3, position + UNA_LENGTH),
	);
}

/** ISO 9735's service characters, for an interchange without a UNA. */
function defaultSyntax(): EdifactSyntax {
	const d = DEFAULT_SERVICE_CHARACTERS;
	return new EdifactSyntax(
		d.element,
		d.component,
		d.repetition,
		d.terminator,
		d.release,
		d.decimal,
	);
}

function syntaxFrom(
	text: string,
	position: number,
): { syntax: EdifactSyntax; hasUna: boolean; end: number } {
	if (!text.startsWith('UNA', position)) {
		return { syntax: defaultSyntax(), hasUna: false, end: position };
	}
	const [component, element, decimal, release, repetition, terminator] = text.slice(
		position + 3,
		position + UNA_LENGTH,
	);
	const syntax = new EdifactSyntax(
		element,
		component,
		repetition === ' ' ? '' : repetition,
		terminator,
		release === ' ' ? '' : release,
		decimal,
	);
	const clash = clashOf(syntax);
	if (clash) {
		throw new NotEdiError(
			`The UNA at character ${position + 1} declares ${clash}: nothing after it can be read`,
		);
	}
	return { syntax, hasUna: true, end: position + UNA_LENGTH };
}

/** Two service characters a UNA declares alike (ISO 9735 wants them all different), if any. */
function clashOf(syntax: EdifactSyntax): string | undefined {
	const named: Array<[string, string]> = [
		['component data element separator', syntax.component],
		['data element separator', syntax.element],
		['release character', syntax.release],
		['repetition separator', syntax.repetition],
		['segment terminator', syntax.terminator],
	];
	for (let index = 0; index < named.length; index++) {
		const [name, char] = named[index];
		if (char === '') continue;
		const other = named.slice(index + 1).find(([, each]) => each === char);
		if (other) return `"${char}" as both ${name} and ${other[0]}`;
	}
	return undefined;
}

const isLineBreak = (code: number) => code === 0x0a || code === 0x0d;

/**
 * Syntax versions 1 to 3 (UNB01's second component) have no repetition separator. Data, as the
 * UNB gives it: a missing or unknown version keeps what the UNA says (the UNB01 check rejects it).
 */
export const isBeforeVersion4 = (version: string | undefined): boolean =>
	version === '1' || version === '2' || version === '3';

/**
 * Where the text's next CR and LF are, found once each as reading moves on, so that telling
 * whether a segment holds a line break costs nothing per segment.
 */
class LineBreaks {
	private cr = -1;
	private lf = -1;

	constructor(private readonly text: string) {}

	/** True when a CR or LF stands between `from` and `to` (`from` never moving back). */
	within(from: number, to: number): boolean {
		if (this.cr < from) this.cr = this.next('\r', from);
		if (this.lf < from) this.lf = this.next('\n', from);
		return this.cr < to || this.lf < to;
	}

	private next(char: string, from: number): number {
		const at = this.text.indexOf(char, from);
		return at < 0 ? Infinity : at;
	}
}

/**
 * A segment without the line breaks inside it. EDIFACT's character sets hold no CR or LF: a
 * line break inside a segment is layout, such as a file wrapped at 80 columns (as mainframes and
 * X.400 mailboxes send them), where a break falls anywhere, in a tag, a value or after a release
 * character. Read as data, `D:96A` would be "\r\nD" and Write would refuse the value.
 */
export function withoutLineBreaks(raw: string): string {
	// One pass over the segment, not a regular expression: a segment may hold 100,000 breaks.
	let out = '';
	let from = 0;
	for (let at = 0; at < raw.length; at++) {
		if (!isLineBreak(raw.charCodeAt(at))) continue;
		out += raw.slice(from, at);
		from = at + 1;
	}
	return out + raw.slice(from);
}

const outside = (segment: Segment, number: number): Finding => ({
	level: 'interchange',
	code: '33',
	segment: segment.tag,
	message: `Segment ${segment.tag} (segment ${number} of the file) is outside any message`,
});

/** Element splitting for one syntax, made once per syntax rather than once per segment. */
const splitters = new WeakMap<EdifactSyntax, (rest: string) => string[]>();

function splitterFor(syntax: EdifactSyntax): (rest: string) => string[] {
	let splitter = splitters.get(syntax);
	if (!splitter) {
		const { element, release } = syntax;
		splitters.set(syntax, (splitter = (rest) => splitUnreleased(rest, element, release)));
	}
	return splitter;
}

/** Reads every EDIFACT interchange from `start` (UNA or UNB) into interchanges, groups, messages. */
export function readEdifact(text: string, start: number, onSetEnd?: SetEnd): Interchange[] {
	const interchanges: Interchange[] = [];
	let { syntax, hasUna, end: position } = syntaxFrom(text, start);
	let open: Open | undefined;
	let number = 0;
	const lineBreaks = new LineBreaks(text);
	for (;;) {
		position = firstNonBlank(text, position);
		if (position >= text.length) break;
		if (text.startsWith('UNA', position) && isEdifactAt(text, position)) {
			({ syntax, hasUna, end: position } = syntaxFrom(text, position));
			continue;
		}
		const end = segmentEnd(text, position, syntax.terminator, syntax.release);
		// Line breaks before the terminator are layout. A loop, not /[\r\n]+$/: that regular
		// expression retries from every line break of a segment, quadratic in a segment of many.
		let last = end;
		while (last > position && isLineBreak(text.charCodeAt(last - 1))) last--;
		// A file whose terminator is a line break is not wrapped: a line break inside is released data.
		const raw =
			!isLineBreak(syntax.terminator.charCodeAt(0)) && lineBreaks.within(position, last)
				? withoutLineBreaks(text.slice(position, last))
				: text.slice(position, last);
		position = end + 1;
		number++;
		const segment: Segment = ScannedSegment.of(raw, syntax.element, splitterFor(syntax));
		if (segment.tag === 'UNB') {
			const version = componentsOf(syntax, segment.elements[0])[1];
			if (!hasUna && version === '4') syntax.repetition = DEFAULT_REPETITION_V4;
			// Before version 4 the UNA's fifth character is reserved, not a repetition separator: a
			// `*` a sender puts there anyway splits nothing, since its values do not release it.
			if (hasUna && isBeforeVersion4(version)) syntax.repetition = '';
			open = {
				interchange: {
					standard: 'EDIFACT',
					syntax,
					header: segment,
					ta1: [],
					layout: { lineBreak: lineBreakAt(text, position), serviceStringAdvice: hasUna },
					groups: [],
					findings: [],
					verdict: 'A',
				},
				explicitGroup: false,
			};
			interchanges.push(open.interchange);
			continue;
		}
		if (open && segment.tag === 'UNH') noteLineBreaks(open.interchange, text, position);
		if (!open) {
			if (interchanges.length === 0)
				throw new NotEdiError(`The file has no UNB segment before segment ${segment.tag}`);
			noteOutside(interchanges[interchanges.length - 1], () => outside(segment, number));
			continue;
		}
		if (place(open, segment, number, onSetEnd)) {
			// The next interchange without a UNA of its own starts from the defaults again.
			open = undefined;
			syntax = defaultSyntax();
			hasUna = false;
		}
	}
	if (interchanges.length === 0) throw new NotEdiError('The file has no UNB segment');
	return interchanges;
}

/** Puts one segment where it belongs; true when it closed the interchange (UNZ). */
function place(open: Open, segment: Segment, number: number, onSetEnd?: SetEnd): boolean {
	const { interchange } = open;
	switch (segment.tag) {
		case 'UNG':
			open.set = undefined;
			open.group = openGroup(interchange.groups, segment);
			open.explicitGroup = true;
			return false;
		case 'UNH':
			open.group ??= openGroup(interchange.groups);
			open.set = openSet(open.group, segment);
			return false;
		case 'UNT':
			if (open.set) {
				closeSet(open.set, segment);
				onSetEnd?.(open.set, interchange);
			} else noteOutside(interchange, () => outside(segment, number));
			open.set = undefined;
			return false;
		case 'UNE':
			open.set = undefined;
			if (open.group?.header) {
				open.group.trailer = segment;
				open.group = undefined;
			} else noteOutside(interchange, () => outside(segment, number));
			return false;
		case 'UNZ':
			interchange.trailer = segment;
			return true;
		default:
			if (open.set) open.set.segments.push(segment);
			else noteOutside(interchange, () => outside(segment, number));
			return false;
	}
}
