import { parseXml, prepareDocument } from '../../nodes/EcGridOs/soap/xml';

describe('parseXml', () => {
	it('resolves entities, character references and CDATA as sax would, before sax sees them', async () => {
		const element = await parseXml(
			'<a>x &amp;lt; &#38; &#x3C; &lt;&gt;&quot;&apos; <![CDATA[<&>]]><!-- gone --> y</a>',
		);
		expect(element.text).toBe('x &lt; & < <>"\' <&> y');
	});

	it('leaves attribute values and unknown entities to sax', async () => {
		expect((await parseXml('<a b="&amp;&#60;">t</a>')).attributes).toEqual({ b: '&<' });
		await expect(parseXml('<a>&foo;</a>')).rejects.toThrow(/not well-formed/);
		await expect(parseXml('<a>a & b</a>')).rejects.toThrow(/not well-formed/);
	});

	it('keeps private-use characters a document really holds', async () => {
		expect((await parseXml('<a>\uE000 &amp; \uE001</a>')).text).toBe('\uE000 & \uE001');
	});

	it('copies a document only when something had to change', () => {
		const plain = '<?xml version="1.0"?><a xmlns="urn:x"><b>text</b></a>';
		const prepared = prepareDocument(plain);
		expect(prepared.text).toBe(plain);
		expect(prepared.restore('text')).toBe('text');
	});

	it('resolves prefixes and default namespaces by their declarations in scope', async () => {
		const element = await parseXml(
			'<a xmlns="urn:a" xmlns:p="urn:p"><p:b>t</p:b><c xmlns=""><p:d/></c><e xml:lang="en" p:f="1"/></a>',
		);
		expect(element.namespace).toBe('urn:a');
		expect(element.children.b[0]).toMatchObject({ namespace: 'urn:p', text: 't' });
		expect(element.children.c[0].namespace).toBe('');
		expect(element.children.c[0].children.d[0].namespace).toBe('urn:p');
		expect(element.children.e[0].attributes).toEqual({ lang: 'en', f: '1' });
	});

	it.each([
		['an element', '<a><q:b/></a>'],
		['a text-only element', '<a><q:b>t</q:b></a>'],
		['an attribute', '<a q:x="1"/>'],
		['a prefix declared only in a sibling', '<a><b xmlns:q="urn:q"/><q:c/></a>'],
	])('refuses an unbound prefix on %s', async (_what, document) => {
		await expect(parseXml(document)).rejects.toThrow('Unbound namespace prefix "q"');
	});

	it('names the element namespace of each element', async () => {
		const element = await parseXml('<s:E xmlns:s="urn:s"><B xmlns="urn:b"><C/></B></s:E>');
		expect(element.namespace).toBe('urn:s');
		expect(element.children.B[0].namespace).toBe('urn:b');
		expect(element.children.B[0].children.C[0].namespace).toBe('urn:b');
	});
});
