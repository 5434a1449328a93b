import { SET_ASIDE_LENGTH } from '../../nodes/EcGridOs/soap/standIns';
import { parseXml, prepareDocument } from '../../nodes/EcGridOs/soap/xml';

const long = (unit: string) => unit.repeat(Math.ceil((SET_ASIDE_LENGTH + 10) / unit.length));

describe('parseXml with long text runs', () => {
	it('hands sax a short marker for a long run and gives back the run itself', async () => {
		const base64 = long('QUJDRA==');
		const document = `<a><b>${base64}</b><c>short</c></a>`;
		expect(prepareDocument(document).text.length).toBeLessThan(100);
		const element = await parseXml(document);
		expect(element.children.b[0].text).toBe(base64);
		expect(element.children.c[0].text).toBe('short');
	});

	it('resolves the entities of a long run before setting it aside', async () => {
		const run = long('x &amp; y &lt; z ');
		const element = await parseXml(`<a>${run}</a>`);
		expect(element.text).toBe(run.split('&amp;').join('&').split('&lt;').join('<'));
	});

	it('joins runs split by a comment, and text around them', async () => {
		const [first, second] = [long('A'), long('B')];
		const element = await parseXml(`<a>${first}<!-- c -->${second}<!-- d -->tail</a>`);
		expect(element.text).toBe(`${first}${second}tail`);
	});

	it('leaves a long run with an unknown entity to sax, which refuses it', async () => {
		await expect(parseXml(`<a>${long('x')}&foo;</a>`)).rejects.toThrow(/not well-formed/);
	});

	it('keeps long whitespace as whitespace between elements', async () => {
		const element = await parseXml(`<a>${long(' ')}<b>t</b></a>`);
		expect(element.children.b[0].text).toBe('t');
	});

	it('reads a document that holds the marker character itself the slow way', async () => {
		const run = long('\uE002 1 ');
		expect((await parseXml(`<a>${run}</a>`)).text).toBe(run);
		const referenced = await parseXml(
			`<a><b>${long('A')}</b><c>&#xE002;0&#57346; &#xe000;</c></a>`,
		);
		expect(referenced.children.c[0].text).toBe('\uE0020\uE002 \uE000');
		expect(referenced.children.b[0].text).toBe(long('A'));
	});
});
