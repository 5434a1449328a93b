import { Parser } from 'xml2js';

import {
	AMP,
	ByteRun,
	holdsStandIns,
	LT,
	markerOf,
	restorerOf,
	SET_ASIDE_LENGTH,
	wholeRunOf,
	type SetAside,
} from './standIns';

/**
 * A parsed element, read by local name: `children` maps each child's local name (prefix
 * stripped) to its occurrences in document order; `text` is the element's own text;
 * `namespace` is the element's namespace URI ('' when it has none).
 */
export interface XmlElement {
	name: string;
	namespace: string;
	attributes: Record<string, string>;
	children: Record<string, XmlElement[]>;
	text: string;
	/** The text, when it is one long run kept as the bytes it arrived in; `text` reads it then. */
	run?: ByteRun;
}

/** A document that is not one well-formed element of the kind ECGridOS sends; says what is wrong. */
export class XmlShapeError extends Error {}

const XML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;',
};

/** Escapes text for element content or attribute values (all five XML specials, so `]]>` too). */
export function escapeXml(value: string): string {
	return value.replace(/[&<>"']/g, (char) => XML_ESCAPES[char]);
}

/** Longer tags are refused: sax builds attribute values a character at a time (~35× their size). */
export const MAX_TAG_LENGTH = 64 * 1024;

const CUT_OFF = 'it ends before its root element is closed (cut off)';

/** Index just past the `>` that ends the tag opening at `start`, skipping quoted values. */
function tagEnd(document: string, start: number): number {
	let quote = '';
	for (let index = start + 1; index < document.length; index++) {
		if (index - start > MAX_TAG_LENGTH) {
			throw new XmlShapeError(`it has a tag longer than ${MAX_TAG_LENGTH / 1024} KB`);
		}
		const char = document[index];
		if (quote) {
			if (char === quote) quote = '';
		} else if (char === '"' || char === "'") quote = char;
		else if (char === '>') return index + 1;
		else if (char === '<') throw new XmlShapeError('a tag is not closed');
	}
	throw new XmlShapeError(CUT_OFF);
}

const NON_SPACE = /\S/g;

function hasTextBetween(document: string, from: number, to: number): boolean {
	NON_SPACE.lastIndex = from;
	const found = NON_SPACE.exec(document);
	return found !== null && found.index < to;
}

function sectionEnd(document: string, start: number, terminator: string, what: string): number {
	const end = document.indexOf(terminator, start);
	if (end === -1) throw new XmlShapeError(`${what} is not closed`);
	return end + terminator.length;
}

const NAMED: Record<string, string> = { amp: AMP, lt: LT, gt: '>', quot: '"', apos: "'" };

/** `&#…;` as its character; `&` and `<` as their stand-ins; no XML character: left for sax. */
function characterReference(reference: string, body: string): string {
	const hex = body[1] === 'x';
	const codePoint = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
	if (codePoint === 0x26) return AMP;
	if (codePoint === 0x3c) return LT;
	const isXmlChar =
		codePoint === 0x9 ||
		codePoint === 0xa ||
		codePoint === 0xd ||
		(codePoint >= 0x20 && codePoint <= 0xd7ff) ||
		(codePoint >= 0xe003 && codePoint <= 0xfffd) ||
		(codePoint >= 0x10000 && codePoint <= 0x10ffff);
	return isXmlChar ? String.fromCodePoint(codePoint) : reference;
}

/** The character an entity stands for (`&` and `<` as stand-ins), or undefined to leave it. */
function entityValue(reference: string, body: string): string | undefined {
	if (body[0] !== '#') return NAMED[body];
	if (!/^#(\d{1,7}|x[0-9a-fA-F]{1,6})$/.test(body)) return undefined;
	const resolved = characterReference(reference, body);
	return resolved === reference ? undefined : resolved;
}

/**
 * Text with its entities resolved, `&` and `<` as stand-ins; unknown ones stay for sax to refuse.
 * Built from slices in batches: a regex replace with a callback costs ~35× the text's size here.
 */
function resolveEntities(text: string): string {
	let resolved = '';
	const pieces: string[] = [];
	let copied = 0;
	for (let at = text.indexOf('&'); at !== -1; at = text.indexOf('&', at + 1)) {
		const end = text.indexOf(';', at);
		if (end === -1 || end - at > 10) continue;
		const value = entityValue(text.slice(at, end + 1), text.slice(at + 1, end));
		if (value === undefined) continue;
		pieces.push(text.slice(copied, at), value);
		copied = end + 1;
		at = end;
		if (pieces.length >= 8192) {
			resolved += pieces.join('');
			pieces.length = 0;
		}
	}
	pieces.push(text.slice(copied));
	return resolved + pieces.join('');
}

const unchanged = (text: string) => text;

/** A document ready for sax, and how to turn the text sax reads back into the document's. */
export interface PreparedDocument {
	text: string;
	restore: (text: string) => string;
	/** The run kept as bytes that is all of this text, if it is one. */
	byteRunOf: (text: string) => ByteRun | undefined;
}

/**
 * Checks the document's outline before it is parsed and drops what ECGridOS never sends:
 * comments go, CDATA and entity-laden text become plain text with stand-ins (sax builds all
 * three a character at a time, up to ~35× their size), and a DOCTYPE, a processing instruction,
 * a second root element or anything but whitespace around the root is refused. Long text runs
 * are set aside whole (their text cannot hold markup, so sax has nothing to check in them but
 * entities). Copies the document at most once.
 */
export function prepareDocument(
	document: string,
	byteRuns: readonly ByteRun[] = [],
): PreparedDocument {
	// Runs cut out of the bytes come with their markers in place, the only stand-ins in the text.
	const standIns = byteRuns.length > 0 || !holdsStandIns(document);
	const setAside: SetAside[] = [...byteRuns];
	const pieces: string[] = [];
	let copiedUpTo = 0;
	let depth = 0;
	let rootSeen = false;
	let position = 0;
	const drop = (from: number, to: number, replacement = '') => {
		pieces.push(document.slice(copiedUpTo, from), replacement);
		copiedUpTo = to;
	};
	const outsideRoot = () => depth === 0;
	// Found once ahead, not per text run: a search per run would walk the rest of the document.
	let nextEntity = document.indexOf('&');
	while (position < document.length) {
		const open = document.indexOf('<', position);
		const textEnd = open === -1 ? document.length : open;
		if (outsideRoot() && hasTextBetween(document, position, textEnd)) {
			throw new XmlShapeError(
				rootSeen ? 'it has text after the root element' : 'it has text before the root element',
			);
		}
		if (standIns && !outsideRoot()) {
			if (nextEntity !== -1 && nextEntity < position) nextEntity = document.indexOf('&', position);
			const hasEntity = nextEntity !== -1 && nextEntity < textEnd;
			const long = textEnd - position > SET_ASIDE_LENGTH;
			if (hasEntity || long) {
				const text = document.slice(position, textEnd);
				const resolved = hasEntity ? resolveEntities(text) : text;
				// A run with an entity sax must refuse (`&` left in) stays for sax to refuse.
				if (long && !resolved.includes('&') && hasTextBetween(document, position, textEnd)) {
					drop(position, textEnd, markerOf(setAside.push(resolved) - 1));
				} else if (hasEntity) drop(position, textEnd, resolved);
			}
		}
		if (open === -1) break;
		if (document.startsWith('<!--', open)) {
			const end = sectionEnd(document, open + 4, '-->', 'a comment');
			drop(open, end);
			position = end;
		} else if (document.startsWith('<![CDATA[', open)) {
			const end = sectionEnd(document, open + 9, ']]>', 'a CDATA section');
			if (outsideRoot()) throw new XmlShapeError('it has a CDATA section outside the root element');
			const content = document.slice(open + 9, end - 3);
			drop(
				open,
				end,
				standIns ? content.split('&').join(AMP).split('<').join(LT) : escapeXml(content),
			);
			position = end;
		} else if (document.startsWith('<?', open)) {
			const end = sectionEnd(document, open + 2, '?>', 'a processing instruction');
			const isDeclaration = open === 0 && /^<\?xml\s/.test(document.slice(0, 6));
			if (!isDeclaration) {
				throw new XmlShapeError('it has a processing instruction, which ECGridOS never sends');
			}
			position = end;
		} else if (document.startsWith('<!', open)) {
			throw new XmlShapeError(
				/^<!DOCTYPE/i.test(document.slice(open, open + 9))
					? 'it has a DOCTYPE, which ECGridOS never sends'
					: 'it has a <! declaration, which ECGridOS never sends',
			);
		} else {
			const end = tagEnd(document, open);
			if (document[open + 1] === '/') depth--;
			else {
				if (outsideRoot() && rootSeen) throw new XmlShapeError('it has two root elements');
				rootSeen = true;
				if (document[end - 2] !== '/') depth++;
			}
			if (depth < 0) throw new XmlShapeError('an end tag has no start tag');
			position = end;
		}
	}
	if (!rootSeen) throw new XmlShapeError('it has no root element');
	if (depth !== 0) throw new XmlShapeError(CUT_OFF);
	const byteRunOf = (text: string) => {
		const run = wholeRunOf(text, setAside);
		return run instanceof ByteRun ? run : undefined;
	};
	const restore =
		standIns && (pieces.length > 0 || setAside.length > 0) ? restorerOf(setAside) : unchanged;
	if (pieces.length === 0) return { text: document, restore, byteRunOf };
	pieces.push(document.slice(copiedUpTo));
	return { text: pieces.join(''), restore, byteRunOf };
}

type RawNode =
	| string
	| {
			_?: string;
			$?: Record<string, string>;
			[child: string]: unknown;
	  };

/** Prefix ('' for the default namespace) → namespace URI, as declared up to an element. */
type Scope = Readonly<Record<string, string>>;

const ROOT_SCOPE: Scope = { '': '', xml: 'http://www.w3.org/XML/1998/namespace' };

const prefixOf = (qualified: string) => {
	const colon = qualified.indexOf(':');
	return colon === -1 ? '' : qualified.slice(0, colon);
};
const localName = (qualified: string) => qualified.slice(qualified.indexOf(':') + 1);
const isDeclaration = (name: string) => name === 'xmlns' || name.startsWith('xmlns:');

/** The scope inside an element: its parent's, with the element's own declarations. */
function scopeOf(attributes: Record<string, string> | undefined, parent: Scope): Scope {
	let scope = parent;
	for (const [name, value] of Object.entries(attributes ?? {})) {
		if (!isDeclaration(name)) continue;
		if (scope === parent) scope = { ...parent };
		(scope as Record<string, string>)[name === 'xmlns' ? '' : name.slice(6)] = value;
	}
	return scope;
}

/**
 * The namespace a qualified name is in. Namespaces are resolved here rather than by sax
 * (xml2js's `xmlns` option), which doubles the parse of every reply.
 */
function namespaceOf(qualified: string, scope: Scope): string {
	const prefix = prefixOf(qualified);
	const uri = scope[prefix];
	if (uri === undefined || (prefix !== '' && uri === ''))
		throw new XmlShapeError(`it is not well-formed (Unbound namespace prefix "${prefix}")`);
	return uri;
}

function attributesOf(
	raw: Record<string, string> | undefined,
	scope: Scope,
): Record<string, string> {
	const attributes: Record<string, string> = {};
	for (const [name, value] of Object.entries(raw ?? {})) {
		if (isDeclaration(name)) continue;
		// Unprefixed attributes are in no namespace; a prefixed one's prefix must be declared.
		if (prefixOf(name) !== '') namespaceOf(name, scope);
		attributes[localName(name)] = value;
	}
	return attributes;
}

/** The element with its text: read from its bytes only when asked, if it is one long run. */
function withText(element: Omit<XmlElement, 'text'>, raw: string, prepared: PreparedDocument) {
	const run = prepared.byteRunOf(raw);
	if (!run) return { ...element, text: prepared.restore(raw) };
	return Object.defineProperty({ ...element, run }, 'text', {
		get: () => run.toString(),
		enumerable: true,
	}) as XmlElement;
}

function toElement(
	qualifiedName: string,
	raw: RawNode,
	parentScope: Scope,
	prepared: PreparedDocument,
): XmlElement {
	const name = localName(qualifiedName);
	if (typeof raw === 'string') {
		const namespace = namespaceOf(qualifiedName, parentScope);
		return withText({ name, namespace, attributes: {}, children: {} }, raw, prepared);
	}
	const scope = scopeOf(raw.$, parentScope);
	const namespace = namespaceOf(qualifiedName, scope);
	const children: Record<string, XmlElement[]> = {};
	for (const [key, value] of Object.entries(raw)) {
		if (key === '_' || key === '$') continue;
		const occurrences = (value as RawNode[]).map((child) => toElement(key, child, scope, prepared));
		const local = localName(key);
		children[local] = [...(children[local] ?? []), ...occurrences];
	}
	const attributes = attributesOf(raw.$, scope);
	return withText({ name, namespace, attributes, children }, raw._ ?? '', prepared);
}

/**
 * Parses a whole document; rejects malformed, truncated or oddly shaped XML (XmlShapeError).
 * `byteRuns` are the runs a reply's bytes were cut into (see replyText.ts), behind their markers.
 */
export async function parseXml(
	document: string,
	byteRuns: readonly ByteRun[] = [],
): Promise<XmlElement> {
	const prepared = prepareDocument(document, byteRuns);
	const parser = new Parser({ explicitArray: true });
	let parsed: Record<string, RawNode> | null;
	try {
		parsed = (await parser.parseStringPromise(prepared.text)) as Record<string, RawNode> | null;
	} catch (error) {
		const reason = String((error as Error).message).split('\n')[0];
		throw new XmlShapeError(`it is not well-formed (${reason.slice(0, 100)})`);
	}
	const [rootName] = Object.keys(parsed ?? {});
	if (!parsed || rootName === undefined) throw new XmlShapeError('it has no root element');
	return toElement(rootName, parsed[rootName], ROOT_SCOPE, prepared);
}

/** The first child with this local name, if any. */
export function childOf(element: XmlElement | undefined, name: string): XmlElement | undefined {
	return element?.children[name]?.[0];
}

/** Depth-first search for the first descendant with this local name. */
export function findDescendant(element: XmlElement, name: string): XmlElement | undefined {
	for (const [childName, occurrences] of Object.entries(element.children)) {
		for (const child of occurrences) {
			if (childName === name) return child;
			const found = findDescendant(child, name);
			if (found) return found;
		}
	}
	return undefined;
}

export function isNil(element: XmlElement): boolean {
	return element.attributes.nil === 'true';
}
