import { hasTag, latin1, MAX_LIST_ENTRIES, skipWhitespace, startsWith, Tally } from './bytes';
import type { EdifactDelimiters, EdifactMessageType, EdifactParty, EdifactSummary } from './types';

/** Service characters when there is no UNA (ISO 9735 level A and its usual use with UNOB…). */
const DEFAULT_DELIMITERS: EdifactDelimiters = {
	component: ':',
	element: '+',
	decimal: '.',
	release: '?',
	repetition: ' ',
	segment: "'",
};

/** Syntax version 4 made the fifth service character the repetition separator, `*` by default. */
const DEFAULT_REPETITION_V4 = '*';

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

function isAlphanumeric(char: string): boolean {
	return /^[0-9A-Za-z]$/.test(char);
}

/**
 * True when the content at `start` opens like an EDIFACT interchange: a UNA whose service
 * characters are no letters or digits, or a UNB with the default data element separator.
 */
export function looksLikeEdifact(content: Buffer, start: number): boolean {
	if (startsWith(content, start, 'UNB+')) return true;
	if (!startsWith(content, start, 'UNA') || start + 3 >= content.length) return false;
	const advice = content.toString('latin1', start + 3, start + UNA_LENGTH);
	return [...advice].every((char) => !isAlphanumeric(char)) && advice[0] !== ' ';
}

/** Reads the UNA's service characters; a space in the release position means "none". */
function readUna(
	content: Buffer,
	start: number,
): { delimiters: EdifactDelimiters; warning?: string } {
	const advice = content.toString('latin1', start + 3, start + UNA_LENGTH);
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

/**
 * Where the segment starting at `position` ends: the next terminator that is not released, i.e.
 * not preceded by an odd number of release characters. `content.length` when there is none.
 */
function segmentEnd(
	content: Buffer,
	position: number,
	terminator: number,
	release: number,
): number {
	let end = content.indexOf(terminator, position);
	while (end >= 0 && release >= 0) {
		let releases = 0;
		while (end - releases - 1 >= position && content[end - releases - 1] === release) releases++;
		if (releases % 2 === 0) break;
		end = content.indexOf(terminator, end + 1);
	}
	return end < 0 ? content.length : end;
}

/** Splits a segment into data elements and their components, dropping release characters. */
function elementsOf(text: string, delimiters: EdifactDelimiters): string[][] {
	const elements: string[][] = [];
	let components: string[] = [];
	let value = '';
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		if (delimiters.release !== '' && char === delimiters.release && index + 1 < text.length) {
			value += text[++index];
		} else if (char === delimiters.element) {
			components.push(value);
			elements.push(components);
			components = [];
			value = '';
		} else if (char === delimiters.component) {
			components.push(value);
			value = '';
		} else {
			value += char;
		}
	}
	components.push(value);
	elements.push(components);
	return elements;
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

/** Summarises an EDIFACT interchange starting (UNA or UNB) at `start` (see `looksLikeEdifact`). */
export function summarizeEdifact(content: Buffer, start: number): EdifactSummary {
	const warnings: string[] = [];
	let delimiters = { ...DEFAULT_DELIMITERS };
	let position = start;
	const hasUna = startsWith(content, start, 'UNA');
	if (hasUna) {
		const una = readUna(content, start);
		delimiters = una.delimiters;
		if (una.warning) warnings.push(una.warning);
		position = start + UNA_LENGTH;
	}
	const summary: EdifactSummary = {
		standard: 'EDIFACT',
		sender: { id: '' },
		receiver: { id: '' },
		controlReference: '',
		syntax: { id: '', version: '' },
		date: '',
		time: '',
		messageTypes: [],
		delimiters,
	};
	const elementByte = delimiters.element.charCodeAt(0);
	const terminatorByte = delimiters.segment.charCodeAt(0);
	const releaseByte = delimiters.release === '' ? -1 : delimiters.release.charCodeAt(0);
	const messageTypes = new Tally<EdifactMessageType>();
	let interchanges = 0;
	let first = true;
	for (;;) {
		position = skipWhitespace(content, position);
		if (position >= content.length) break;
		const end = segmentEnd(content, position, terminatorByte, releaseByte);
		const isUnb = hasTag(content, position, end, 'UNB', elementByte);
		if (first && !isUnb) warnings.push('The interchange does not start with a UNB segment');
		first = false;
		if (isUnb) {
			interchanges++;
			if (interchanges === 1)
				readUnb(elementsOf(latin1(content, position, end), delimiters), summary);
		} else if (hasTag(content, position, end, 'UNH', elementByte)) {
			const type = messageType(elementsOf(latin1(content, position, end), delimiters)[2]);
			messageTypes.add(MESSAGE_TYPE_ORDER.map((key) => type[key] ?? '').join('\u0000'), () => type);
		}
		position = end + 1;
	}
	if (first && warnings.length === 0) warnings.push('The UNA is followed by no segments');
	if (!hasUna && summary.syntax.version === '4') delimiters.repetition = DEFAULT_REPETITION_V4;
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
	if (warnings.length > 0) summary.warnings = warnings;
	return summary;
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
