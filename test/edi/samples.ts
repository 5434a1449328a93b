import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

/** The sample files in examples/edi/, written for the demo and the tests. */
export const SAMPLES_DIR = join(__dirname, '..', '..', 'examples', 'edi');

export function readSample(name: string): Buffer {
	return readFileSync(join(SAMPLES_DIR, name));
}

export function sampleNames(): string[] {
	return readdirSync(SAMPLES_DIR)
		.filter((name) => name.endsWith('.edi'))
		.sort();
}

/** An 850 interchange with default delimiters, built from parts so each test can vary one. */
export function x12Interchange({
	element = '*',
	subElement = '>',
	segment = '~',
	after = '\n',
	isa11 = 'U',
	version = '00401',
}: {
	element?: string;
	subElement?: string;
	segment?: string;
	after?: string;
	isa11?: string;
	version?: string;
} = {}): string {
	const isa = [
		'ISA',
		'00',
		'          ',
		'00',
		'          ',
		'ZZ',
		'GLOBEXRETAIL   ',
		'12',
		'5550001234     ',
		'261201',
		'0930',
		isa11,
		version,
		'000012345',
		'0',
		'P',
		subElement,
	].join(element);
	const segments = [
		isa,
		'GS*PO*GLOBEXRETAIL*5550001234*20261201*0930*12345*X*004010',
		'ST*850*0001',
		'BEG*00*SA*PO-1**20261201',
		'PO1*1*1*EA*1*PE*VN*AS-1',
		'SE*4*0001',
		'GE*1*12345',
		'IEA*1*000012345',
	].map((text, index) => (index === 0 ? text : text.split('*').join(element)));
	return segments.map((text) => text + segment + after).join('');
}
