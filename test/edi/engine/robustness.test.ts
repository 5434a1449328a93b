/*
 * Partners send broken files. Every corpus file, damaged many ways (cut, spliced, a separator or
 * an envelope tag dropped in, a byte overwritten), must still be read, acknowledged, read back
 * and written, or be refused as not EDI: never another exception. Seeded, so a failure repeats.
 */
import {
	EdiWriteError,
	NotEdiError,
	readEdi,
	readItems,
	writeEdi,
	type Interchange,
	type WriteSettings,
} from '../../../nodes/shared/edi';
import { acknowledge, NOW, readBack, verdicts } from './acknowledgment.support';
import { allCorpusFiles, corpusFile } from './corpus';

const MUTANTS_PER_FILE = 60;

/** What a damaged file gets: service characters (released ones too) and envelope tags. */
const INSERTS = [
	'~',
	'*',
	'>',
	'^',
	':',
	'+',
	"'",
	'?',
	'?+',
	'?:',
	'??',
	'\r\n',
	'ISA',
	'IEA',
	'GS',
	'GE',
	'ST',
	'SE',
	'UNA',
	'UNB',
	'UNG',
	'UNH',
	'UNT',
	'UNE',
	'UNZ',
	'HL',
	'é',
	'',
	' ',
	'999999999',
];

/** A small linear congruential generator: the same damage on every run. */
function random(seed: number): (below: number) => number {
	let state = seed;
	return (below) => {
		state = (state * 1103515245 + 12345) & 0x7fffffff;
		return state % below;
	};
}

function damage(text: string, next: (below: number) => number): string {
	let out = text;
	for (let count = 1 + next(3); count > 0; count--) {
		const at = next(out.length + 1);
		const insert = INSERTS[next(INSERTS.length)];
		switch (next(6)) {
			case 0:
				out = out.slice(0, at) + out.slice(at + next(20));
				break;
			case 1:
				out = out.slice(0, at) + insert + out.slice(at);
				break;
			case 2:
				out = out.slice(0, at) + insert + out.slice(at + 1);
				break;
			case 3: {
				const from = next(out.length);
				out = out.slice(0, at) + out.slice(from, from + next(200)) + out.slice(at);
				break;
			}
			case 4:
				out = out.slice(0, at);
				break;
			default:
				out = out.slice(0, at) + String.fromCharCode(next(256)) + out.slice(at + 1);
		}
	}
	return out;
}

function writeSettings(interchange: Interchange): WriteSettings {
	return {
		standard: interchange.standard,
		sender: { qualifier: 'ZZ', id: 'ACMESUPPLY' },
		receiver: { qualifier: 'ZZ', id: 'GLOBEXRETAIL' },
		usage: 'P',
		version: interchange.standard === 'X12' ? 'item' : 'UNOC:3',
		acknowledgmentRequested: false,
		controlNumber: 9,
		delimiters: {},
		keepEnvelope: true,
		now: NOW,
	};
}

/** Reads, acknowledges, reads back and writes one damaged file; false when it is refused as not EDI. */
function survive(text: string): boolean {
	let interchanges: Interchange[];
	try {
		interchanges = readEdi(Buffer.from(text, 'latin1'));
	} catch (error) {
		if (error instanceof NotEdiError) return false;
		throw error;
	}
	for (const splitBy of ['set', 'group', 'interchange'] as const) {
		expect(() => JSON.stringify(readItems(interchanges, splitBy))).not.toThrow();
	}
	for (const interchange of interchanges) {
		const expected = verdicts(interchange);
		const ack = acknowledge(interchange);
		// Never "accepted" for what the reader found broken: the answer says what it found.
		if (expected.length > 0) expect(readBack(ack!.text)).toEqual(expected);
	}
	const items = readItems(interchanges, 'set');
	const settings = writeSettings(interchanges[0]);
	const { failures } = writeEdi(
		items.map((json, itemIndex) => ({ json: structuredClone(json), settings, itemIndex })),
		{ batching: 'all', now: NOW },
	);
	for (const failure of failures) expect(failure).toBeInstanceOf(EdiWriteError);
	return true;
}

describe('damaged files', () => {
	const files = allCorpusFiles();

	it.each(files)(
		'%s/%s: every damaged copy is read, acknowledged, read back and written, or refused as not EDI',
		(folder, name) => {
			const original = corpusFile(folder, name).toString('latin1');
			const next = random(name.length * 7919 + original.length);
			let read = 0;
			for (let mutant = 0; mutant < MUTANTS_PER_FILE; mutant++) {
				if (survive(damage(original, next))) read++;
			}
			// Most damage leaves an interchange to report on, so the checks above did run.
			expect(read).toBeGreaterThan(MUTANTS_PER_FILE / 2);
		},
	);
});
