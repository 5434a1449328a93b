import { isValidDate, isValidTime } from '../x12/isa';
import { EdiWriteError } from './errors';
import { functionalIdFor } from './functionalIds';
import { controlNumberOf, delimitersOf, party, stamp, text, type Json } from './fromItem';
import type { ShapedSegment } from './segment';
import type { GroupEnvelope, InterchangeEnvelope, WriteSettings } from './settings';
import { checkSyntax, X12_DEFAULTS } from './syntax';

/** The ISA an item asks for: ISA12 from the version (or the item), separators checked. */
export function x12Interchange(
	kept: Json,
	groupJson: Json | undefined,
	settings: WriteSettings,
): InterchangeEnvelope {
	const groupVersion = text(groupJson?.version);
	let version = text(kept.version);
	if (version === '') {
		if (settings.version === 'item') {
			if (groupVersion === '') {
				throw new EdiWriteError(
					'has no group.version, and Version is "From Items"',
					undefined,
					'Give each item group.version (e.g. "005010X222A1"), or choose a version.',
				);
			}
			version = groupVersion.slice(0, 5);
		} else version = settings.version.slice(0, 5);
	}
	const delimiters = delimitersOf(settings, kept.delimiters);
	const repeats = version >= '00402';
	const syntax = checkSyntax({
		standard: 'X12',
		element: delimiters.element ?? X12_DEFAULTS.element,
		component: delimiters.component ?? X12_DEFAULTS.component,
		repetition: repeats ? delimiters.repetition || X12_DEFAULTS.repetition : '',
		segment: delimiters.segment ?? X12_DEFAULTS.segment,
		release: '',
		decimal: '.',
		lineBreak: delimiters.lineBreak ?? '',
		lineBreakAfter: delimiters.lineBreakAfter ?? 'segment',
	});
	const now = stamp(settings.now, false);
	const envelope: InterchangeEnvelope = {
		standard: 'X12',
		sender: party(kept.sender, settings.sender, 'sender'),
		receiver: party(kept.receiver, settings.receiver, 'receiver'),
		usage: text(kept.usageIndicator) || settings.usage,
		version,
		acknowledgmentRequested:
			typeof kept.acknowledgmentRequested === 'boolean'
				? kept.acknowledgmentRequested
				: settings.acknowledgmentRequested,
		controlNumber: controlNumberOf(settings, text(kept.controlNumber), 9),
		date: text(kept.date) || now.date,
		time: text(kept.time) || now.time,
		applicationReference: '',
		processingPriority: '',
		agreementId: '',
		syntax,
		serviceStringAdvice: false,
		ta1: ta1Of(kept.ta1),
	};
	checkIsa(envelope);
	return envelope;
}

/** The TA1 segments an item's interchange carries (as Read gives them), written back as they are. */
function ta1Of(kept: unknown): ShapedSegment[] {
	if (kept === undefined || kept === null) return [];
	if (!Array.isArray(kept)) {
		throw new EdiWriteError(
			'has interchange.ta1 that is not a list of TA1 segments',
			undefined,
			'Give it as Read does, e.g. [{ "TA101": "000000900", "TA102": "261130", … }], or leave it out.',
		);
	}
	return kept as ShapedSegment[];
}

/** What the reader requires of each ISA value that comes from an item or the parameters. */
const ISA_FORMATS: Array<[string, keyof InterchangeEnvelope, (value: string) => boolean, string]> =
	[
		['ISA09', 'date', isValidDate, 'a date (YYMMDD)'],
		['ISA10', 'time', isValidTime, 'a time (HHMM)'],
		['ISA12', 'version', (value) => /^\d{5}$/.test(value), 'a five-digit version number'],
		['ISA13', 'controlNumber', (value) => /^\d{9}$/.test(value), 'a nine-digit control number'],
		['ISA15', 'usage', (value) => /^[PTI]$/.test(value), 'P, T or I'],
	];

/**
 * The ISA's fixed widths (a value that does not fit is an error, not a cut) and the formats the
 * reader checks: Write never writes an envelope that its own Read, or a partner, would reject.
 */
function checkIsa(envelope: InterchangeEnvelope): void {
	const fields: Array<[string, string, number, number]> = [
		['ISA05', envelope.sender.qualifier, 1, 2],
		['ISA06', envelope.sender.id, 1, 15],
		['ISA07', envelope.receiver.qualifier, 1, 2],
		['ISA08', envelope.receiver.id, 1, 15],
		['ISA09', envelope.date, 6, 6],
		['ISA10', envelope.time, 4, 4],
		['ISA12', envelope.version, 5, 5],
		['ISA13', envelope.controlNumber, 9, 9],
		['ISA15', envelope.usage, 1, 1],
	];
	for (const [reference, value, min, max] of fields) {
		if (value.length < min || value.length > max) {
			throw new EdiWriteError(
				value === ''
					? `${reference} is empty`
					: `${reference} "${value}" is ${value.length} characters long; it takes ${min === max ? min : `${min} to ${max}`}`,
				undefined,
				reference === 'ISA05' || reference === 'ISA07'
					? 'Set the qualifier (e.g. ZZ, 01, 08, 12).'
					: undefined,
			);
		}
	}
	for (const [reference, value] of fields) {
		// The ISA is 106 bytes at fixed places: a character that UTF-8 writes as two bytes moves them.
		const wide = /[^\x20-\x7e]/.exec(value);
		if (wide) {
			throw new EdiWriteError(
				`${reference} "${value}" holds ${JSON.stringify(wide[0])} (U+${wide[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}); the ISA takes printable ASCII only`,
				undefined,
				'Partners read the ISA at fixed byte positions; spell the ID in ASCII (e.g. MULLER for MÜLLER).',
			);
		}
	}
	for (const [reference, key, isValid, what] of ISA_FORMATS) {
		const value = envelope[key] as string;
		if (!isValid(value)) throw new EdiWriteError(`${reference} "${value}" is not ${what}`);
	}
}

export function x12Group(
	code: string,
	kept: Json,
	groupJson: Json | undefined,
	interchange: InterchangeEnvelope,
	settings: WriteSettings,
): GroupEnvelope {
	const fromItem = text(groupJson?.functionalId);
	const functionalId = settings.keepEnvelope
		? fromItem || functionalIdFor(code)
		: functionalIdFor(code) || fromItem;
	if (!functionalId) {
		throw new EdiWriteError(
			`set ${code} has no functional ID (GS01): the engine does not know this set`,
			undefined,
			'Give the item group.functionalId (e.g. "IN" for an 810).',
		);
	}
	let version = text(kept.version);
	if (version === '') {
		version = settings.version === 'item' ? text(groupJson?.version) : settings.version.slice(0, 6);
	}
	const now = stamp(settings.now, true);
	const group: GroupEnvelope = {
		written: true,
		functionalId,
		sender: text(kept.sender) || interchange.sender.id,
		senderQualifier: '',
		receiver: text(kept.receiver) || interchange.receiver.id,
		receiverQualifier: '',
		date: text(kept.date) || now.date,
		time: text(kept.time) || now.time,
		controlNumber: text(kept.controlNumber),
		version,
		agency: 'X',
	};
	if (version.length < 1 || version.length > 12) {
		throw new EdiWriteError(`GS08 "${version}" must be 1 to 12 characters long`);
	}
	if (group.controlNumber !== '' && !/^\d{1,9}$/.test(group.controlNumber)) {
		throw new EdiWriteError(
			`GS06 "${group.controlNumber}" (group.controlNumber) is not a group control number of 1 to 9 digits`,
		);
	}
	return group;
}
