import { EdiWriteError } from './errors';
import { controlNumberOf, delimitersOf, isObject, party, stamp, text, type Json } from './fromItem';
import type { GroupEnvelope, InterchangeEnvelope, WriteSettings } from './settings';
import { checkSyntax, EDIFACT_DEFAULTS, withFreeDecimalMark } from './syntax';

/** UNB01: ISO 9735 defines the syntax identifiers UNOA to UNOY, and Read accepts no other. */
const SYNTAX = /^UNO[A-Y]:[1-4]$/;

/** The UNB an item asks for: a UNA when its service characters are not the defaults. */
export function edifactInterchange(kept: Json, settings: WriteSettings): InterchangeEnvelope {
	const keptSyntax = isObject(kept.syntax) && text(kept.syntax.id) !== '' ? kept.syntax : {};
	const version =
		text(keptSyntax.id) !== ''
			? `${text(keptSyntax.id)}:${text(keptSyntax.version)}`
			: settings.version;
	const syntaxVersion = version.split(':')[1] ?? '';
	const delimiters = delimitersOf(settings, kept.delimiters);
	const defaultRepetition = syntaxVersion === '4' ? '*' : '';
	// Versions 1 to 3 reserve the UNA's fifth character: Read, and the partner, split nothing there.
	if (syntaxVersion !== '4' && (delimiters.repetition ?? '') !== '') {
		throw new EdiWriteError(
			`the repetition separator '${delimiters.repetition}' needs syntax version 4, not UNB01 "${version}": versions 1 to 3 have no repetitions`,
			undefined,
			'Choose a version 4 syntax (UNOC:4, UNOW:4), or leave Repetition Separator empty.',
		);
	}
	const syntax = withFreeDecimalMark(
		checkSyntax({
			standard: 'EDIFACT',
			element: delimiters.element ?? EDIFACT_DEFAULTS.element,
			component: delimiters.component ?? EDIFACT_DEFAULTS.component,
			repetition: delimiters.repetition ?? defaultRepetition,
			segment: delimiters.segment ?? EDIFACT_DEFAULTS.segment,
			release: delimiters.release ?? EDIFACT_DEFAULTS.release,
			decimal: delimiters.decimal ?? EDIFACT_DEFAULTS.decimal,
			lineBreak: delimiters.lineBreak ?? '',
			lineBreakAfter: delimiters.lineBreakAfter ?? 'segment',
		}),
	);
	const isDefault =
		syntax.element === EDIFACT_DEFAULTS.element &&
		syntax.component === EDIFACT_DEFAULTS.component &&
		syntax.segment === EDIFACT_DEFAULTS.segment &&
		syntax.release === EDIFACT_DEFAULTS.release &&
		syntax.decimal === EDIFACT_DEFAULTS.decimal &&
		syntax.repetition === defaultRepetition;
	const keptUna = (kept.delimiters as Json | undefined)?.serviceStringAdvice === true;
	const now = stamp(settings.now, syntaxVersion === '4');
	const envelope: InterchangeEnvelope = {
		standard: 'EDIFACT',
		sender: party(kept.sender, settings.sender, 'sender', 'EDIFACT'),
		receiver: party(kept.receiver, settings.receiver, 'receiver', 'EDIFACT'),
		// Read gives '' for a production interchange: only an item that gives none takes Usage.
		usage:
			kept.testIndicator !== undefined && kept.testIndicator !== null
				? text(kept.testIndicator)
				: settings.usage === 'T'
					? '1'
					: '',
		version,
		// Kept as the item has it, as ISA14 is; an item that does not say takes the node's setting.
		acknowledgmentRequested:
			typeof kept.acknowledgmentRequested === 'boolean'
				? kept.acknowledgmentRequested
				: settings.acknowledgmentRequested,
		controlNumber: controlNumberOf(settings, text(kept.controlReference), 1),
		date: text(kept.date) || now.date,
		time: text(kept.time) || now.time,
		codeListVersion: text(keptSyntax.codeListVersion),
		characterEncoding: text(keptSyntax.characterEncoding),
		applicationReference: text(kept.applicationReference),
		processingPriority: text(kept.processingPriority),
		agreementId: text(kept.agreementId),
		syntax,
		serviceStringAdvice: !isDefault || keptUna || settings.alwaysUna === true,
		ta1: [],
	};
	const fields: Array<[string, string, number]> = [
		['UNB02', envelope.sender.id, 35],
		['UNB02_02', envelope.sender.qualifier, 4],
		['UNB02_03', envelope.sender.routingAddress ?? '', 14],
		['UNB02_04', envelope.sender.internalId ?? '', 35],
		['UNB03', envelope.receiver.id, 35],
		['UNB03_02', envelope.receiver.qualifier, 4],
		['UNB03_03', envelope.receiver.routingAddress ?? '', 14],
		['UNB03_04', envelope.receiver.internalId ?? '', 35],
		['UNB05', envelope.controlNumber, 14],
	];
	for (const [reference, value, max] of fields) {
		if (value.length > max) {
			throw new EdiWriteError(
				`${reference} "${value}" is ${value.length} characters long; it takes at most ${max}`,
			);
		}
	}
	if (!SYNTAX.test(version)) {
		throw new EdiWriteError(
			`UNB01 "${version}" is not a syntax identifier (UNOA to UNOY) and version (1 to 4) such as UNOC:3`,
		);
	}
	return envelope;
}

/** The UNG a set goes in: only when the item keeps its envelope and came in one. */
export function edifactGroup(kept: Json, settings: WriteSettings): GroupEnvelope {
	const written = settings.keepEnvelope && text(kept.functionalId) !== '';
	return {
		written,
		functionalId: text(kept.functionalId),
		sender: text(kept.sender),
		senderQualifier: text(kept.senderQualifier),
		receiver: text(kept.receiver),
		receiverQualifier: text(kept.receiverQualifier),
		date: text(kept.date),
		time: text(kept.time),
		controlNumber: text(kept.controlNumber),
		version: text(kept.version),
		agency: text(kept.agency),
	};
}
