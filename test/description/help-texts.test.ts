/**
 * Every help text the node shows, generated from the catalog and the generic field texts, read as
 * a user reads it: sentences that end where the next begins, nothing said twice, one meaning for
 * an empty field.
 */
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { EcGridOs } from '../../nodes/EcGridOs/EcGridOs.node';
import { EcGridOsTrigger } from '../../nodes/EcGridOsTrigger/EcGridOsTrigger.node';

type Described = { description?: string; displayName?: string; name: string };

function helpTexts(properties: readonly INodeProperties[]): Array<[string, string]> {
	const texts: Array<[string, string]> = [];
	const visit = (entries: readonly unknown[], path: string) => {
		for (const entry of entries as Described[]) {
			const where = `${path}${entry.name}`;
			if (entry.description) texts.push([where, entry.description]);
			const nested =
				(entry as INodeProperties).options ?? (entry as INodePropertyCollection).values;
			if (Array.isArray(nested))
				visit(nested as Array<INodePropertyOptions | INodeProperties>, `${where}.`);
		}
	};
	visit(properties, '');
	return texts;
}

const TEXTS = [
	...helpTexts(new EcGridOs().description.properties),
	...helpTexts(new EcGridOsTrigger().description.properties).map(
		([where, text]) => [`trigger ${where}`, text] as [string, string],
	),
];
const UNIQUE = [...new Map(TEXTS.map(([where, text]) => [text, where])).entries()].map(
	([text, where]) => ({ where, text }),
);

/** Words that open a sentence in our texts, never the middle of one. */
const SENTENCE_STARTERS = [
	'Leave',
	'Empty',
	'Set',
	'Use',
	'Only',
	'The',
	'This',
	'If',
	'When',
	'Whether',
];
const RUN_TOGETHER = new RegExp(`[A-Za-z0-9)\\]] (${SENTENCE_STARTERS.join('|')})\\b`);

const words = (text: string) => text.toLowerCase().match(/[a-z0-9']+/g) ?? [];

function repeatedTriple(text: string): string | undefined {
	const list = words(text);
	const seen = new Set<string>();
	for (let at = 0; at + 3 <= list.length; at++) {
		const triple = list.slice(at, at + 3).join(' ');
		if (seen.has(triple)) return triple;
		seen.add(triple);
	}
	return undefined;
}

describe('help texts', () => {
	it('covers the generated field texts of both nodes', () => {
		expect(UNIQUE.length).toBeGreaterThan(300);
	});

	it.each(UNIQUE)(
		'$where: starts as a sentence, and ends one before the next begins',
		({ text }) => {
			expect(text).toMatch(/^[A-Z0-9"'`(_*]/);
			expect(text).not.toMatch(RUN_TOGETHER);
			expect(text).not.toMatch(/\s{2,}|\s[.,;]/);
		},
	);

	it.each(UNIQUE)('$where: says nothing twice', ({ text }) => {
		expect(repeatedTriple(text)).toBeUndefined();
		const sentences = text.split(/(?<=[.!?])\s+/);
		expect(new Set(sentences).size).toBe(sentences.length);
	});

	it.each(UNIQUE)('$where: gives an empty field one meaning', ({ text }) => {
		expect((text.match(/\bempty\b/gi) ?? []).length).toBeLessThanOrEqual(1);
	});
});
