import { Parser } from 'xml2js';

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

/**
 * Checks the document's outline before it is parsed and drops what ECGridOS never sends:
 * comments go, CDATA becomes escaped text (sax builds both a character at a time, ~35× their
 * size), and a DOCTYPE, a processing instruction, a second root element or anything but
 * whitespace around the root is refused. Copies the document at most once.
 */
export function prepareDocument(document: string): string {
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
	while (position < document.length) {
		const open = document.indexOf('<', position);
		const textEnd = open === -1 ? document.length : open;
		if (outsideRoot() && hasTextBetween(document, position, textEnd)) {
			throw new XmlShapeError(
				rootSeen ? 'it has text after the root element' : 'it has text before the root element',
			);
		}
		if (open === -1) break;
		if (document.startsWith('<!--', open)) {
			const end = sectionEnd(document, open + 4, '-->', 'a comment');
			drop(open, end);
			position = end;
		} else if (document.startsWith('<![CDATA[', open)) {
			const end = sectionEnd(document, open + 9, ']]>', 'a CDATA section');
			if (outsideRoot()) throw new XmlShapeError('it has a CDATA section outside the root element');
			drop(open, end, escapeXml(document.slice(open + 9, end - 3)));
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
	if (pieces.length === 0) return document;
	pieces.push(document.slice(copiedUpTo));
	return pieces.join('');
}

interface RawAttribute {
	value: string;
	prefix: string;
	local: string;
}

type RawNode =
	| string
	| {
			_?: string;
			$?: Record<string, RawAttribute>;
			$ns?: { uri: string; local: string };
			[child: string]: unknown;
	  };

const localName = (qualified: string) => qualified.slice(qualified.indexOf(':') + 1);

function attributesOf(raw: Record<string, RawAttribute> | undefined): Record<string, string> {
	const attributes: Record<string, string> = {};
	for (const attribute of Object.values(raw ?? {})) {
		if (attribute.prefix === 'xmlns' || (attribute.prefix === '' && attribute.local === 'xmlns'))
			continue;
		attributes[attribute.local] = attribute.value;
	}
	return attributes;
}

function toElement(qualifiedName: string, raw: RawNode, parentNamespace: string): XmlElement {
	const name = localName(qualifiedName);
	if (typeof raw === 'string') {
		return { name, namespace: parentNamespace, attributes: {}, children: {}, text: raw };
	}
	const namespace = raw.$ns?.uri ?? '';
	const children: Record<string, XmlElement[]> = {};
	for (const [key, value] of Object.entries(raw)) {
		if (key === '_' || key === '$' || key === '$ns') continue;
		const occurrences = (value as RawNode[]).map((child) => toElement(key, child, namespace));
		const local = localName(key);
		children[local] = [...(children[local] ?? []), ...occurrences];
	}
	return { name, namespace, attributes: attributesOf(raw.$), children, text: raw._ ?? '' };
}

/** Parses a whole document; rejects malformed, truncated or oddly shaped XML (XmlShapeError). */
export async function parseXml(document: string): Promise<XmlElement> {
	const prepared = prepareDocument(document);
	const parser = new Parser({ explicitArray: true, xmlns: true });
	let parsed: Record<string, RawNode> | null;
	try {
		parsed = (await parser.parseStringPromise(prepared)) as Record<string, RawNode> | null;
	} catch (error) {
		const reason = String((error as Error).message).split('\n')[0];
		throw new XmlShapeError(`it is not well-formed (${reason.slice(0, 100)})`);
	}
	const [rootName] = Object.keys(parsed ?? {});
	if (!parsed || rootName === undefined) throw new XmlShapeError('it has no root element');
	return toElement(rootName, parsed[rootName], '');
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
