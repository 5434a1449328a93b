import { hasTag, MAX_LIST_ENTRIES, MAX_SEGMENT_CHARS, Tally } from '../summary';
import type {
	EdifactDelimiters,
	EdifactInterchange,
	EdifactMessageType,
	EdifactParty,
	EdifactSummary,
} from '../types';
import { TextWindow } from '../window';
import { isBeforeVersion4, isEdifactAt, withoutLineBreaks } from './read';
import { DEFAULT_REPETITION_V4, segmentEnd, splitUnreleased, unrelease } from './syntax';

/** Service characters when there is no UNA; a summary shows the reserved fifth one as a space. */
const DEFAULT_DELIMITERS: EdifactDelimiters = {
	component: ':',
	element: '+',
	decimal: '.',
	release: '?',
	repetition: ' ',
	segment: "'",
};

/** `UNA` plus its six service characters. */
const UNA_LENGTH = 9;

/** The UNA's characters in the order it lists them. */
const UNA_ORDER: Array<keyof EdifactDelimiters> = [
	'component',
	'element',
	'decimal',
	'release',
	'repetition',
	'segment',
];

const isAlphanumeric = (char: string) => /^[0-9A-Za-z]$/.test(char);

function holdsLineBreak(text: string, from: number, to: number): boolean {
	for (let at = from; at < to; at++) {
		const code = text.charCodeAt(at);
		if (code === 0x0a || code === 0x0d) return true;
	}
	return false;
}

/**
 * True when `text` opens like an EDIFACT interchange: a UNA whose service characters are no
 * letters or digits (a cut-off UNA too, which the summary reports), or a UNB with the default
 * data element separator.
 */
export function looksLikeEdifact(text: string): boolean {
	if (text.startsWith('UNB+')) return true;
	if (!text.startsWith('UNA') || text.length <= 3) return false;
	// A whole UNA as the reader takes it; a cut-off one by what there is of it.
	if (text.length >= UNA_LENGTH) return isEdifactAt(text, 0);
	const advice = text.slice(3, UNA_LENGTH);
	return [...advice].every((char) => !isAlphanumeric(char)) && advice[0] !== ' ';
}

/** The UNA's service characters; a space in the release position means "none". */
function readUna(text: string): { delimiters: EdifactDelimiters; warning?: string } {
	const advice = text.slice(3, UNA_LENGTH);
	const delimiters = { ...DEFAULT_DELIMITERS };
	[...advice].forEach((char, index) => (delimiters[UNA_ORDER[index]] = char));
	if (delimiters.release === ' ') delimiters.release = '';
	return advice.length < UNA_ORDER.length
		? {
				delimiters,
				warning: `The UNA is truncated: ${advice.length} of its ${UNA_ORDER.length} service characters are present`,
			}
		: { delimiters };
}

/** A segment's data elements (its tag first), each split into components, release characters removed. */
function elementsOf(segment: string, delimiters: EdifactDelimiters): string[][] {
	const { element, component, release } = delimiters;
	return splitUnreleased(segment, element, release).map((value) =>
		splitUnreleased(value, component, release).map((part) => unrelease(part, release)),
	);
}

function party(components: string[] | undefined): EdifactParty {
	const [id = '', qualifier = ''] = (components ?? []).map((value) => value.trim());
	return qualifier === '' ? { id } : { id, qualifier };
}

const MESSAGE_TYPE_ORDER = ['type', 'version', 'release', 'agency', 'associationCode'] as const;

function byMessageType(left: EdifactMessageType, right: EdifactMessageType): number {
	for (const key of MESSAGE_TYPE_ORDER) {
		const [a, b] = [left[key] ?? '', right[key] ?? ''];
		if (a !== b) return a < b ? -1 : 1;
	}
	return 0;
}

function messageType(components: string[] | undefined): EdifactMessageType {
	const [type = '', version = '', release = '', agency = '', associationCode = ''] = (
		components ?? []
	).map((value) => value.trim());
	const entry: EdifactMessageType = { type, version, release, agency, count: 1 };
	if (associationCode !== '') entry.associationCode = associationCode;
	return entry;
}

/**
 * Summarises the EDIFACT interchange starting (UNA or UNB) at `start` (see `looksLikeEdifact`):
 * the first UNB, and the messages counted by type, in one pass that splits only UNB and UNH.
 */
export function summarizeEdifact(content: Buffer, start: number): EdifactSummary {
	const window = new TextWindow(content, start);
	const warnings: string[] = [];
	let delimiters = { ...DEFAULT_DELIMITERS };
	const hasUna = window.text.startsWith('UNA');
	if (hasUna) {
		const una = readUna(window.text);
		delimiters = una.delimiters;
		if (una.warning) warnings.push(una.warning);
		window.position = UNA_LENGTH;
	}
	const summary: EdifactSummary = {
		standard: 'EDIFACT',
		sender: { id: '' },
		receiver: { id: '' },
		controlReference: '',
		syntax: { id: '', version: '' },
		date: '',
		time: '',
		interchanges: [],
		messageTypes: [],
		delimiters,
	};
	// The service characters of the interchange being read: as Read does, a later interchange
	// takes its own UNA's, or the defaults again after a UNZ.
	let current = delimiters;
	const endOf = (text: string, position: number) =>
		segmentEnd(text, position, current.segment, current.release);
	const segmentText = (text: string, position: number, end: number) =>
		withoutLineBreaks(text.slice(position, Math.min(end, position + MAX_SEGMENT_CHARS)));
	const messageTypes = new Tally<EdifactMessageType>();
	let interchanges = 0;
	// Read finds no message between a UNZ and the next UNB (one before any UNB is still counted,
	// with a warning).
	let afterUnz = false;
	let first = true;
	while (window.skipBlanks()) {
		if (!first && window.text.startsWith('UNA', window.position)) {
			window.segmentEnd((text, position) => Math.min(text.length, position + UNA_LENGTH));
			if (isEdifactAt(window.text, window.position)) {
				current = readUna(window.text.slice(window.position)).delimiters;
				window.position += UNA_LENGTH;
				continue;
			}
		}
		let end = window.segmentEnd(endOf);
		let { text, position } = window;
		const { element } = current;
		window.position = end + 1;
		// A file wrapped at 80 columns may break a line inside a tag: read the segment without.
		if (holdsLineBreak(text, position, Math.min(end, position + 4))) {
			text = withoutLineBreaks(text.slice(position, Math.min(end, position + MAX_SEGMENT_CHARS)));
			[position, end] = [0, text.length];
		}
		const isUnb = hasTag(text, position, end, 'UNB', element);
		if (first && !isUnb) warnings.push('The interchange does not start with a UNB segment');
		first = false;
		if (isUnb) {
			interchanges++;
			afterUnz = false;
			const elements = elementsOf(segmentText(text, position, end), current);
			if (interchanges === 1) readUnb(elements, summary);
			if (summary.interchanges.length < MAX_LIST_ENTRIES)
				summary.interchanges.push(interchangeOf(elements));
		} else if (!afterUnz && hasTag(text, position, end, 'UNH', element)) {
			const type = messageType(elementsOf(segmentText(text, position, end), current)[2]);
			messageTypes.add(MESSAGE_TYPE_ORDER.map((key) => type[key] ?? '').join('\u0000'), () => type);
		} else if (hasTag(text, position, end, 'UNZ', element)) {
			current = { ...DEFAULT_DELIMITERS };
			afterUnz = true;
		}
	}
	if (first && warnings.length === 0) warnings.push('The UNA is followed by no segments');
	if (!hasUna && summary.syntax.version === '4') delimiters.repetition = DEFAULT_REPETITION_V4;
	// As Read takes it: before version 4 the UNA's fifth character is reserved, whatever it holds.
	if (hasUna && isBeforeVersion4(summary.syntax.version)) delimiters.repetition = ' ';
	summary.messageTypes = messageTypes.values().sort(byMessageType);
	if (messageTypes.dropped > 0) {
		warnings.push(
			`Only ${MAX_LIST_ENTRIES} message types are counted; ${messageTypes.dropped} messages of other types were not`,
		);
	}
	if (interchanges > 1) {
		warnings.push(
			`The file holds ${interchanges} interchanges: the UNB values are the first one's, message types are those of all`,
		);
	}
	if (interchanges > MAX_LIST_ENTRIES) {
		warnings.push(
			`Only the first ${MAX_LIST_ENTRIES} interchanges are listed; ${interchanges - MAX_LIST_ENTRIES} more were not`,
		);
	}
	if (warnings.length > 0) summary.warnings = warnings;
	return summary;
}

/** The parties and control reference of one UNB, for a check of every interchange in a file. */
function interchangeOf(elements: string[][]): EdifactInterchange {
	return {
		sender: party(elements[2]),
		receiver: party(elements[3]),
		controlReference: elements[5]?.[0]?.trim() ?? '',
	};
}

function readUnb(elements: string[][], summary: EdifactSummary): void {
	const value = (element: number, component = 0) => elements[element]?.[component]?.trim() ?? '';
	summary.syntax = { id: value(1), version: value(1, 1) };
	summary.sender = party(elements[2]);
	summary.receiver = party(elements[3]);
	summary.date = value(4);
	summary.time = value(4, 1);
	summary.controlReference = value(5);
	if (value(7) !== '') summary.applicationReference = value(7);
	if (value(11) !== '') summary.testIndicator = value(11);
}
