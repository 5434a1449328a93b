/*
 * Partners send broken files, and workflows hand Write odd items. Every corpus file, damaged many
 * ways (cut, spliced, a separator or an envelope tag dropped in, a byte overwritten), must still
 * be read, summarised alike, acknowledged, read back and written, or be refused as not EDI; every
 * item Read gives, damaged as a mapping might damage it, must be written into an envelope Read
 * accepts, or be refused naming the item; every acknowledgment, damaged, must be read without
 * invented values, or be refused. Never another exception. Seeded, so a failure repeats.
 */
import {
	EdiWriteError,
	NotAnAcknowledgmentError,
	NotEdiError,
	readAcknowledgments,
	readEdi,
	readItems,
	summarizeEnvelope,
	writeEdi,
	type Interchange,
	type Json,
	type WriteSettings,
} from '../../../nodes/shared/edi';
import { acknowledge, NOW, readBack, verdicts } from './acknowledgment.support';
import { allCorpusFiles, corpusFile, corpusFiles } from './corpus';
import { seededRandom } from './random';
import { settings } from './write.support';

const MUTANTS_PER_FILE = 60;

/** The service characters of the corpus's X12 and EDIFACT files. */
const SERVICE_CHARACTERS = ['~', '*', '>', '^', ':', '+', "'", '?'];

/** What a damaged file gets: service characters (released ones too) and envelope tags. */
const INSERTS = [
	...SERVICE_CHARACTERS,
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

/** Write's settings for a file's items: its standard, envelopes kept or made anew. */
function writeSettings(interchange: Interchange, keepEnvelope = true): WriteSettings {
	const x12 = interchange.standard === 'X12';
	return settings({
		standard: interchange.standard,
		version: x12 ? (keepEnvelope ? 'item' : '004010') : 'UNOC:3',
		controlNumber: 9,
		keepEnvelope,
		now: NOW,
	});
}

/**
 * Reads, summarises, acknowledges, reads back and writes one damaged file; false when it is
 * refused as not EDI.
 */
function survive(text: string): boolean {
	const content = Buffer.from(text, 'latin1');
	let interchanges: Interchange[];
	try {
		interchanges = readEdi(content);
	} catch (error) {
		if (error instanceof NotEdiError) return false;
		throw error;
	}
	// Parcel → Download's summary names the standard Read reads.
	expect(summarizeEnvelope(content).standard).toBe(interchanges[0].standard);
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
	const written = writeSettings(interchanges[0]);
	const { failures } = writeEdi(
		items.map((json, itemIndex) => ({ json: structuredClone(json), settings: written, itemIndex })),
		{ batching: 'all', now: NOW },
	);
	for (const failure of failures) expect(failure).toBeInstanceOf(EdiWriteError);
	return true;
}

describe('damaged files', () => {
	const files = allCorpusFiles();

	it.each(files)(
		'%s/%s: every damaged copy is read, summarised, acknowledged, read back and written, or refused as not EDI',
		(folder, name) => {
			const original = corpusFile(folder, name).toString('latin1');
			const next = seededRandom(name.length * 7919 + original.length);
			let read = 0;
			for (let mutant = 0; mutant < MUTANTS_PER_FILE; mutant++) {
				if (survive(damage(original, next))) read++;
			}
			// Most damage leaves an interchange to report on, so the checks above did run.
			expect(read).toBeGreaterThan(MUTANTS_PER_FILE / 2);
		},
	);
});

/** What a mapping might put where Read put a value: separators, numbers, null, lists, objects. */
const ODD_VALUES: unknown[] = [
	...SERVICE_CHARACTERS,
	'',
	' ',
	'é',
	'\n',
	'ISA',
	'ST',
	'x'.repeat(300),
	'999999999999',
	12,
	0,
	-1,
	1.5,
	null,
	true,
	[],
	['a', 'b'],
	{},
	{ a: 1 },
	undefined,
];

/** Every path to a value or an object inside an item. */
function pathsOf(value: unknown, path: string[] = [], out: string[][] = []): string[][] {
	if (path.length > 0) out.push(path);
	if (value !== null && typeof value === 'object') {
		for (const key of Object.keys(value)) pathsOf((value as Json)[key], [...path, key], out);
	}
	return out;
}

function damageItem(item: Json, next: (below: number) => number): void {
	const paths = pathsOf(item);
	const path = paths[next(paths.length)];
	const parent = path.slice(0, -1).reduce((at, key) => (at as Json)[key], item as unknown) as Json;
	// A copy: the same object put in twice could end up inside itself.
	const value = structuredClone(ODD_VALUES[next(ODD_VALUES.length)]);
	if (value === undefined) delete parent[path[path.length - 1]];
	else parent[path[path.length - 1]] = value;
}

/** Envelope findings of a written file: what Write computes and checks must never be wrong. */
function envelopeFindings(interchanges: Interchange[]): string[] {
	return interchanges
		.flatMap((interchange) => [
			...interchange.findings,
			...interchange.groups.flatMap((group) => [
				...group.findings,
				// X12's set code 5 only says that segments (the item's data) are in error.
				...group.sets.flatMap((set) =>
					set.findings.filter(
						(finding) =>
							finding.level === 'set' && !(interchange.standard === 'X12' && finding.code === '5'),
					),
				),
			]),
		])
		.map((finding) => finding.message);
}

describe('damaged items', () => {
	it.each(corpusFiles('valid'))(
		'%s: Read’s items, damaged, are written into envelopes Read accepts, or refused naming the item',
		(name) => {
			const interchanges = readEdi(corpusFile('valid', name));
			const next = seededRandom(name.length * 104729);
			let written = 0;
			for (const splitBy of ['set', 'group', 'interchange'] as const) {
				const items = readItems(interchanges, splitBy);
				for (let mutant = 0; mutant < MUTANTS_PER_FILE / 2; mutant++) {
					const damaged = structuredClone(items);
					for (let count = 1 + next(3); count > 0; count--)
						damageItem(damaged[next(damaged.length)], next);
					const chosen = writeSettings(interchanges[0], mutant % 2 === 0);
					const result = writeEdi(
						damaged.map((json, itemIndex) => ({ json, settings: chosen, itemIndex })),
						{ batching: mutant % 3 === 0 ? 'item' : 'all', now: NOW },
					);
					for (const failure of result.failures) {
						expect(failure).toBeInstanceOf(EdiWriteError);
						expect(failure.itemIndex).toBeGreaterThanOrEqual(0);
					}
					for (const interchange of result.interchanges) {
						const back = readEdi(interchange.text);
						expect(back).toHaveLength(1);
						expect(envelopeFindings(back)).toEqual([]);
						written++;
					}
				}
			}
			expect(written).toBeGreaterThan(0);
		},
	);
});

/** A damaged acknowledgment's items: no number that is not one, no message with a hole in it. */
function checkAcknowledgmentItems(text: string): void {
	let items;
	try {
		items = readAcknowledgments(text);
	} catch (error) {
		if (error instanceof NotAnAcknowledgmentError || error instanceof NotEdiError) return;
		throw error;
	}
	JSON.stringify(items, (key, value: unknown) => {
		if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
		if (key === 'message') expect(value).not.toMatch(/undefined|NaN|null|\[object/);
		if (key === 'status' && typeof value === 'string') {
			expect(['accepted', 'acceptedWithErrors', 'partiallyAccepted', 'rejected']).toContain(value);
		}
		return value;
	});
}

describe('damaged acknowledgments', () => {
	it.each(allCorpusFiles())(
		'%s/%s: its acknowledgments, damaged, are read without invented values, or refused',
		(folder, name) => {
			const next = seededRandom(name.length * 15485863);
			for (const interchange of readEdi(corpusFile(folder, name))) {
				const kinds =
					interchange.standard === 'X12' ? (['997', '999'] as const) : (['997'] as const);
				for (const kind of kinds) {
					const ack = acknowledge(interchange, kind);
					if (!ack) continue;
					for (let mutant = 0; mutant < MUTANTS_PER_FILE / 4; mutant++) {
						checkAcknowledgmentItems(damage(ack.text, next));
					}
				}
			}
		},
	);

	it('reads a 997 whose AK3, AK4 and AK9 lost their elements', () => {
		const ack = [
			'ISA*00*          *00*          *ZZ*GLOBEXRETAIL   *ZZ*ACMESUPPLY     *261207*1523*U*00401*000000005*0*P*>',
			'GS*FA*GLOBEXRETAIL*ACMESUPPLY*20261207*1523*5*X*004010',
			'ST*997*0001',
			'AK1*PO*1',
			'AK2*850*0001',
			'AK3',
			'AK4',
			'AK5*R',
			'AK9',
			'SE*8*0001',
			'GE*1*5',
			'IEA*1*000000005',
			'',
		].join('~');
		expect(readAcknowledgments(ack)).toMatchObject([
			{
				acknowledgment: '997',
				status: 'rejected',
				acknowledged: { transactionSet: { code: '850', controlNumber: '0001' } },
				errors: [
					{ level: 'segment', code: '', message: 'An error without a code: a segment' },
					{ level: 'element', code: '', message: 'An error without a code: element (not given)' },
				],
			},
		]);
	});
});
