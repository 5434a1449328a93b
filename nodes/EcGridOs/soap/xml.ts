import { Parser, processors } from 'xml2js';

/**
 * A parsed element, read by local name: `children` maps each child's local name (prefix
 * stripped) to its occurrences in document order; `text` is the element's own text.
 */
export interface XmlElement {
	name: string;
	attributes: Record<string, string>;
	children: Record<string, XmlElement[]>;
	text: string;
}

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

type RawNode = string | { _?: string; $?: Record<string, string>; [child: string]: unknown };

function toElement(name: string, raw: RawNode): XmlElement {
	if (typeof raw === 'string') return { name, attributes: {}, children: {}, text: raw };
	const children: Record<string, XmlElement[]> = {};
	for (const [key, value] of Object.entries(raw)) {
		if (key === '_' || key === '$') continue;
		children[key] = (value as RawNode[]).map((child) => toElement(key, child));
	}
	return { name, attributes: raw.$ ?? {}, children, text: raw._ ?? '' };
}

/** Parses a whole document; rejects malformed or truncated XML. */
export async function parseXml(document: string): Promise<XmlElement> {
	const parser = new Parser({
		explicitArray: true,
		tagNameProcessors: [processors.stripPrefix],
		attrNameProcessors: [processors.stripPrefix],
	});
	const parsed = (await parser.parseStringPromise(document)) as Record<string, RawNode> | null;
	const [rootName] = Object.keys(parsed ?? {});
	if (!parsed || rootName === undefined) throw new Error('The document has no root element');
	return toElement(rootName, parsed[rootName]);
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
