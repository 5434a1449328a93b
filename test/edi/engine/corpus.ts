import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS = join(__dirname, '..', '..', 'fixtures', 'edi');

/** The EDI files in one corpus folder (`valid` or `defects`), by name. */
export function corpusFiles(folder: 'valid' | 'defects'): string[] {
	return readdirSync(join(CORPUS, folder))
		.filter((name) => /\.(x12|edi)$/.test(name))
		.sort();
}

/** Every corpus file, valid ones first, as [folder, name]. */
export function allCorpusFiles(): Array<['valid' | 'defects', string]> {
	return [
		...corpusFiles('valid').map((name) => ['valid', name] as ['valid', string]),
		...corpusFiles('defects').map((name) => ['defects', name] as ['defects', string]),
	];
}

export function corpusFile(folder: 'valid' | 'defects', name: string): Buffer {
	return readFileSync(join(CORPUS, folder, name));
}

/** The segments of an acknowledgment between its envelope segments, as written. */
export function ackBody(text: string, terminator: string): string[] {
	return text
		.split(terminator)
		.filter((line) => line !== '' && !/^(ISA|GS|GE|IEA|UNA|UNB|UNZ|UNH|UNT|ST|SE)[*+|]/.test(line));
}

/**
 * A valid corpus file as Write gives it back: byte for byte, except that a file of several
 * interchanges comes back as one file per interchange, so without the line breaks between them.
 */
export function writtenAgain(name: string, interchangeCount: number): Buffer {
	const original = corpusFile('valid', name);
	if (interchangeCount === 1) return original;
	return Buffer.from(
		original.toString('latin1').replace(/([~'])\r?\n(?=ISA|UNA|UNB)/g, '$1'),
		'latin1',
	);
}
