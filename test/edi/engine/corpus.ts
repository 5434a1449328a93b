import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS = join(__dirname, '..', '..', 'fixtures', 'edi');

/** The EDI files in one corpus folder (`valid` or `defects`), by name. */
export function corpusFiles(folder: 'valid' | 'defects'): string[] {
	return readdirSync(join(CORPUS, folder))
		.filter((name) => /\.(x12|edi)$/.test(name))
		.sort();
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
