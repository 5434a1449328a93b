import type { Interchange, Syntax } from '../model';
import { isAlphanumericChar } from '../text';
import { FIRST_VERSION_WITH_REPETITION } from '../x12/isa';
import { escape, type stamp } from './render';

const trimmed = (value: string | undefined) => (value ?? '').trim();

/** Repetition separators to fall back on, most common first, when the received ISA11 is unusable. */
const REPETITION_SEPARATORS = ['^', '{', '|', '!', '`', '\\', '@', '#', '$', '%', '&', '+', ';'];

/**
 * The acknowledgment's ISA: the received one turned around (sender and receiver, version, test
 * indicator), with its own control number and no TA1 asked for. What is echoed must be what a
 * translator accepts, or the partner rejects the acknowledgment too: ISA11 is U before 00402 and
 * a usable repetition separator from it on, whatever the sender wrote there; an ISA12 or ISA15
 * that is none (the TA1 reports it) gives way to the acknowledgment's version and production.
 */
export function answerIsa(
	received: Interchange,
	syntax: Syntax,
	controlNumber: number,
	time: ReturnType<typeof stamp>,
	is5010: boolean,
): string {
	const isa = received.header.elements;
	const receivedVersion = trimmed(isa[11]);
	const version = /^\d{5}$/.test(receivedVersion) ? receivedVersion : is5010 ? '00501' : '00401';
	const testIndicator = trimmed(isa[14]);
	const echoed = (index: number, width: number) => escape(isa[index] ?? '', syntax).padEnd(width);
	return (
		[
			'ISA',
			'00',
			''.padEnd(10),
			'00',
			''.padEnd(10),
			echoed(6, 2),
			echoed(7, 15),
			echoed(4, 2),
			echoed(5, 15),
			time.yymmdd,
			time.hhmm,
			version < FIRST_VERSION_WITH_REPETITION ? 'U' : repetitionSeparator(isa[10] ?? '', syntax),
			version,
			String(controlNumber).padStart(9, '0'),
			'0',
			/^[PTI]$/.test(testIndicator) ? testIndicator : 'P',
			syntax.component,
		].join(syntax.element) + syntax.terminator
	);
}

/** The received repetition separator when it is one, else the first free one. */
function repetitionSeparator(received: string, { element, component, terminator }: Syntax): string {
	const usable = (char: string) =>
		char.length === 1 &&
		char.trim() !== '' &&
		!isAlphanumericChar(char) &&
		![element, component, terminator].includes(char);
	return [received, ...REPETITION_SEPARATORS].find(usable)!;
}
