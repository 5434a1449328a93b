import { parseStringPromise } from 'xml2js';

/**
 * xml2js output with `xmlns: true`: every element is an object carrying its namespace-resolved
 * name in `$ns`, attributes in `$`, text in `_`, and child elements under their prefixed tag name.
 * We only ever look at `$ns` (local name + URI), so any prefix works.
 */
export interface XmlElement {
	$ns: { uri: string; local: string };
	$?: Record<string, { value: string; local: string; uri: string }>;
	_?: string;
	[tag: string]: unknown;
}

const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

export class XmlSyntaxError extends Error {}

/** Parse a document; returns its root element. Text is XML-unescaped once, by sax. */
export async function parseXml(text: string): Promise<XmlElement> {
	// ASMX refuses DTDs; so do we (and it keeps entity tricks out of the simulator).
	if (/<!DOCTYPE/i.test(text)) throw new XmlSyntaxError('DTD is prohibited in this XML document.');
	let parsed: unknown;
	try {
		parsed = await parseStringPromise(text, { xmlns: true, explicitArray: true, strict: true });
	} catch (error) {
		const first = String((error as Error).message ?? error).split('\n')[0];
		throw new XmlSyntaxError(first);
	}
	if (!parsed || typeof parsed !== 'object') throw new XmlSyntaxError('Root element is missing.');
	const roots = Object.values(parsed as Record<string, unknown>);
	const root = roots[0];
	if (roots.length !== 1 || !isElement(root)) throw new XmlSyntaxError('Root element is missing.');
	return root;
}

function isElement(value: unknown): value is XmlElement {
	return typeof value === 'object' && value !== null && '$ns' in value;
}

/** Child elements in document order per tag (xml2js groups same-named siblings). */
export function childElements(element: XmlElement): XmlElement[] {
	const children: XmlElement[] = [];
	for (const [key, value] of Object.entries(element)) {
		if (key === '$' || key === '$ns' || key === '_' || !Array.isArray(value)) continue;
		for (const item of value) if (isElement(item)) children.push(item);
	}
	return children;
}

export function findChild(element: XmlElement, uri: string, local: string): XmlElement | undefined {
	return childElements(element).find((c) => c.$ns.uri === uri && c.$ns.local === local);
}

/**
 * Text content. xml2js drops whitespace-only text, so `<A>  </A>` reads as '' (a known limit,
 * harmless for ECGridOS values).
 */
export function textOf(element: XmlElement): string {
	return typeof element._ === 'string' ? element._ : '';
}

export function isNil(element: XmlElement): boolean {
	const attributes = element.$ ?? {};
	return Object.values(attributes).some(
		(a) => a.uri === XSI_NS && a.local === 'nil' && (a.value === 'true' || a.value === '1'),
	);
}
