import type { Syntax } from '../model';

/** X12 separators as the ISA declares them. X12 has no release character. */
export class X12Syntax implements Syntax {
	readonly standard = 'X12';
	readonly release = '';

	constructor(
		readonly element: string,
		readonly component: string,
		readonly repetition: string,
		readonly terminator: string,
	) {}

	split(raw: string): string[][] {
		const repeats = this.repetition !== '' ? raw.split(this.repetition) : [raw];
		return repeats.map((repeat) => repeat.split(this.component));
	}
}
