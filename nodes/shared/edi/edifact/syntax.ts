import type { Syntax } from '../model';

/** Service characters when there is no UNA (ISO 9735's defaults). */
export const DEFAULT_SERVICE_CHARACTERS = {
	component: ':',
	element: '+',
	decimal: '.',
	release: '?',
	repetition: '',
	terminator: "'",
};

/** Syntax version 4 made the fifth UNA character the repetition separator, `*` by default. */
export const DEFAULT_REPETITION_V4 = '*';

/**
 * Splits `raw` at every `separator` not preceded by the release character; the pieces keep their
 * release characters. The native split serves the (usual) values that hold no release character.
 */
export function splitUnreleased(raw: string, separator: string, release: string): string[] {
	if (release === '' || raw.indexOf(release) < 0) return raw.split(separator);
	const pieces: string[] = [];
	let start = 0;
	for (let index = 0; index < raw.length; index++) {
		const char = raw[index];
		if (char === release) index++;
		else if (char === separator) {
			pieces.push(raw.slice(start, index));
			start = index + 1;
		}
	}
	pieces.push(raw.slice(start));
	return pieces;
}

/**
 * Where the segment from `position` ends: the next terminator that is not released, i.e. not
 * preceded by an odd number of release characters. `text.length` when there is none. Line breaks
 * between them are layout (a file wrapped at 80 columns may break right after a `?`), unless the
 * terminator is a line break itself.
 */
export function segmentEnd(
	text: string,
	position: number,
	terminator: string,
	release: string,
): number {
	let end = text.indexOf(terminator, position);
	const skipsLineBreaks = terminator !== '\n' && terminator !== '\r';
	while (end >= 0 && release !== '') {
		let releases = 0;
		for (let at = end - 1; at >= position; at--) {
			const char = text[at];
			if (char === release) releases++;
			else if (!(skipsLineBreaks && (char === '\n' || char === '\r'))) break;
		}
		if (releases % 2 === 0) break;
		end = text.indexOf(terminator, end + 1);
	}
	return end < 0 ? text.length : end;
}

/** Removes release characters: `?+` is a plain `+`, `??` a plain `?`. */
export function unrelease(value: string, release: string): string {
	if (release === '' || value.indexOf(release) < 0) return value;
	let out = '';
	for (let index = 0; index < value.length; index++) {
		if (value[index] === release && index + 1 < value.length) index++;
		out += value[index];
	}
	return out;
}

/** The service characters of one EDIFACT interchange (UNA, or the defaults). */
export class EdifactSyntax implements Syntax {
	readonly standard = 'EDIFACT';

	constructor(
		readonly element: string,
		readonly component: string,
		public repetition: string,
		readonly terminator: string,
		readonly release: string,
		readonly decimal: string,
	) {}

	split(raw: string): string[][] {
		const repeats =
			this.repetition !== '' ? splitUnreleased(raw, this.repetition, this.release) : [raw];
		return repeats.map((repeat) =>
			splitUnreleased(repeat, this.component, this.release).map((value) =>
				unrelease(value, this.release),
			),
		);
	}
}
