import { Readable } from 'node:stream';

import { readBody } from '../../nodes/EcGridOs/transport/replyReader';

const limits = (maxReplyBytes = 1024) => ({
	deadline: new AbortController().signal,
	maxReplyBytes,
});
const stream = (...chunks: string[]) => Readable.from(chunks.map((chunk) => Buffer.from(chunk)));

describe('readBody', () => {
	it.each([
		['the Content-Length it was told', 12],
		['less than it was told', 100],
		['more than it was told (a body n8n decompressed)', 5],
		['no Content-Length', undefined],
	])('reads a body of %s whole', async (_what, expected) => {
		const reply = await readBody(stream('<a>', 'é', 'xyz', '</a>'), 200, limits(), expected);
		expect(reply.text).toBe('<a>éxyz</a>');
	});

	it('stops at the cap whatever the Content-Length says', async () => {
		await expect(
			readBody(stream('x'.repeat(600), 'y'.repeat(600)), 200, limits(), 10),
		).rejects.toThrow(/larger than the Max Reply Size/);
		await expect(readBody(stream('x'.repeat(10)), 200, limits(), 10 ** 12)).resolves.toEqual({
			text: 'x'.repeat(10),
			runs: [],
		});
	});
});
