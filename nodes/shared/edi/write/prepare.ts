import { edifactStructure, x12Structure } from '../structure';
import { EdiWriteError } from './errors';
import { functionalIdFor } from './functionalIds';
import { renderBody } from './body';
import type { ShapedSegment } from './segment';
import type { GroupEnvelope, InterchangeEnvelope, Party, WriteSettings } from './settings';
import {
	checkSyntax,
	EDIFACT_DEFAULTS,
	ValueWriter,
	X12_DEFAULTS,
	type Delimiters,
	type WriteSyntax,
} from './syntax';

type Json = { [key: string]: unknown };

/** One set of one input item, its body written, waiting for its envelope. */
export type PreparedSet = {
	itemIndex: number;
	code: string;
	/** ST / UNH as the item gives it (ST03, UNH02…), without the control number. */
	header: ShapedSegment;
	/** ST02 / UNH01 when kept from the item. */
	controlNumber: string;
	body: string[];
	interchange: InterchangeEnvelope;
	group: GroupEnvelope;
	values: ValueWriter;
};

const isObject = (value: unknown): value is Json =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

const text = (value: unknown): string =>
	typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** The sets an item holds: Read's item per set, per group (`transactionSets`) or per interchange (`groups`). */
function setsOf(json: Json): Array<{ set: Json; group?: Json; interchange?: Json }> {
	const interchange = isObject(json.interchange) ? json.interchange : undefined;
	if (Array.isArray(json.groups)) {
		return json.groups.flatMap((group) =>
			isObject(group) && Array.isArray(group.transactionSets)
				? group.transactionSets.map((set) => ({ set: set as Json, group, interchange }))
				: [],
		);
	}
	if (Array.isArray(json.transactionSets)) {
		return json.transactionSets.map((set) => ({ set: set as Json, group: json, interchange }));
	}
	return [{ set: json, group: isObject(json.group) ? json.group : undefined, interchange }];
}

/**
 * Checks one input item and writes the bodies of its sets; the envelope comes when the items are
 * batched. Every fault names the item, and the segment and element where it lies.
 */
export function prepareItem(
	json: unknown,
	itemIndex: number,
	settings: WriteSettings,
): PreparedSet[] {
	if (!isObject(json)) throw new EdiWriteError('is not an object');
	if (typeof json.standard === 'string' && json.standard !== settings.standard) {
		throw new EdiWriteError(
			`holds ${json.standard}, but Standard is ${settings.standard}`,
			undefined,
			'Set Standard to the standard of the items.',
		);
	}
	const sets = setsOf(json);
	if (sets.length === 0) throw new EdiWriteError('holds no transaction set');
	return sets.map(({ set, group, interchange }) =>
		prepareSet(set, group, interchange, itemIndex, settings),
	);
}

function prepareSet(
	set: Json,
	groupJson: Json | undefined,
	interchangeJson: Json | undefined,
	itemIndex: number,
	settings: WriteSettings,
): PreparedSet {
	const x12 = settings.standard === 'X12';
	const kept = settings.keepEnvelope;
	const interchangeContext = kept ? (interchangeJson ?? {}) : {};
	const groupContext = kept ? (groupJson ?? {}) : {};
	const segments = set.segments;
	const headerTag = x12 ? 'ST' : 'UNH';
	const header = headerOf(segments, headerTag);
	const context = isObject(set.transactionSet) ? set.transactionSet : {};
	const code = x12
		? text(context.code) || text(header.ST01)
		: text(context.code) || text(header.UNH02);
	if (code === '') {
		throw new EdiWriteError(
			`has no transaction set code: give transactionSet.code (e.g. "810") or segments.${headerTag}`,
		);
	}
	const interchange = x12
		? x12Interchange(interchangeContext, groupJson, settings)
		: edifactInterchange(interchangeContext, settings);
	const values = valueWriterFor(interchange.syntax);
	const group = x12
		? x12Group(code, groupContext, groupJson, interchange, settings)
		: edifactGroup(groupContext, settings);
	if (segments === undefined || (Array.isArray(segments) && segments.length === 0)) {
		throw new EdiWriteError(`set ${code} has no segments`);
	}
	const structure = x12 ? x12Structure(code) : edifactStructure(code);
	const body = renderBody(segments, structure, values, {
		header: headerTag,
		trailer: x12 ? 'SE' : 'UNT',
	});
	if (body.length === 0) throw new EdiWriteError(`set ${code} has no segments`);
	if (!x12 && header.UNH02 === undefined) {
		Object.assign(header, {
			UNH02: code,
			UNH02_02: text(context.version),
			UNH02_03: text(context.release),
			UNH02_04: text(context.agency) || 'UN',
			UNH02_05: text(context.associationCode),
		});
		if (header.UNH02_02 === '' || header.UNH02_03 === '') {
			throw new EdiWriteError(
				`message ${code} has no version and release: give transactionSet.version and .release (e.g. "D" and "96A") or segments.UNH`,
			);
		}
	}
	if (x12) {
		header.ST01 = code;
		if (header.ST03 === undefined && text(context.implementationReference) !== '')
			header.ST03 = text(context.implementationReference);
	}
	const controlNumber = kept
		? text(context.controlNumber) || text(header[x12 ? 'ST02' : 'UNH01'])
		: '';
	return { itemIndex, code, header, controlNumber, body, interchange, group, values };
}

/** One ValueWriter per set of separators: thousands of sets share a few. */
const valueWriters = new Map<string, ValueWriter>();

function valueWriterFor(syntax: WriteSyntax): ValueWriter {
	const key = JSON.stringify(syntax);
	let writer = valueWriters.get(key);
	if (!writer) {
		if (valueWriters.size > 100) valueWriters.clear();
		valueWriters.set(key, (writer = new ValueWriter(syntax)));
	}
	return writer;
}

/** The set's own header segment from the item, as a fresh object the writer may change. */
function headerOf(segments: unknown, tag: string): ShapedSegment {
	if (Array.isArray(segments)) {
		const found = segments.find((segment) => isObject(segment) && segment.tag === tag);
		return found ? { ...(found as Json), tag: undefined } : {};
	}
	return isObject(segments) && isObject(segments[tag]) ? { ...segments[tag] } : {};
}

function party(kept: unknown, fallback: Party, role: string): Party {
	const item = isObject(kept) ? kept : {};
	const chosen = {
		qualifier: text(item.qualifier) || fallback.qualifier.trim(),
		id: text(item.id) || fallback.id.trim(),
	};
	if (chosen.id === '') {
		throw new EdiWriteError(
			`has no ${role} ID`,
			undefined,
			`Set ${role[0].toUpperCase()}${role.slice(1)} ID (and its qualifier) in the node.`,
		);
	}
	return chosen;
}

function delimitersOf(settings: WriteSettings, kept: unknown): Delimiters {
	const fromItem = isObject(kept) ? (kept as Delimiters) : {};
	const chosen: Delimiters = {};
	for (const [key, value] of Object.entries(settings.delimiters)) {
		if (value !== undefined && value !== '') chosen[key as keyof Delimiters] = value as never;
	}
	return { ...fromItem, ...chosen };
}

/** `261201` and `0930` from a date, or from the item when kept. */
function stamp(now: Date, long: boolean): { date: string; time: string } {
	const year = now.getUTCFullYear();
	const date = `${long ? year : pad(year % 100, 2)}${pad(now.getUTCMonth() + 1, 2)}${pad(now.getUTCDate(), 2)}`;
	return { date, time: `${pad(now.getUTCHours(), 2)}${pad(now.getUTCMinutes(), 2)}` };
}

function controlNumberOf(settings: WriteSettings, kept: string, width: number): string {
	if (kept !== '') return kept;
	if (settings.controlNumber === undefined) {
		throw new EdiWriteError(
			'has no control number',
			undefined,
			'Set Control Number, or keep the envelope from items that carry one.',
		);
	}
	return pad(settings.controlNumber, width);
}

function x12Interchange(
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
		syntax,
		serviceStringAdvice: false,
	};
	checkIsa(envelope);
	return envelope;
}

/** The ISA's fixed widths: a value that does not fit is an error, not a cut. */
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
}

function x12Group(
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
	return group;
}

function edifactInterchange(kept: Json, settings: WriteSettings): InterchangeEnvelope {
	const keptSyntax = isObject(kept.syntax) ? kept.syntax : {};
	const version =
		text(keptSyntax.id) !== ''
			? `${text(keptSyntax.id)}:${text(keptSyntax.version)}`
			: settings.version;
	const syntaxVersion = version.split(':')[1] ?? '';
	const delimiters = delimitersOf(settings, kept.delimiters);
	const defaultRepetition = syntaxVersion === '4' ? '*' : '';
	const syntax = checkSyntax({
		standard: 'EDIFACT',
		element: delimiters.element ?? EDIFACT_DEFAULTS.element,
		component: delimiters.component ?? EDIFACT_DEFAULTS.component,
		repetition: delimiters.repetition ?? defaultRepetition,
		segment: delimiters.segment ?? EDIFACT_DEFAULTS.segment,
		release: delimiters.release ?? EDIFACT_DEFAULTS.release,
		decimal: delimiters.decimal ?? EDIFACT_DEFAULTS.decimal,
		lineBreak: delimiters.lineBreak ?? '',
	});
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
		sender: party(kept.sender, settings.sender, 'sender'),
		receiver: party(kept.receiver, settings.receiver, 'receiver'),
		usage: settings.keepEnvelope ? text(kept.testIndicator) : settings.usage === 'T' ? '1' : '',
		version,
		acknowledgmentRequested: settings.acknowledgmentRequested,
		controlNumber: controlNumberOf(settings, text(kept.controlReference), 1),
		date: text(kept.date) || now.date,
		time: text(kept.time) || now.time,
		applicationReference: text(kept.applicationReference),
		syntax,
		serviceStringAdvice: !isDefault || keptUna || settings.alwaysUna === true,
	};
	const fields: Array<[string, string, number]> = [
		['UNB02', envelope.sender.id, 35],
		['UNB02_02', envelope.sender.qualifier, 4],
		['UNB03', envelope.receiver.id, 35],
		['UNB03_02', envelope.receiver.qualifier, 4],
		['UNB05', envelope.controlNumber, 14],
	];
	for (const [reference, value, max] of fields) {
		if (value.length > max) {
			throw new EdiWriteError(
				`${reference} "${value}" is ${value.length} characters long; it takes at most ${max}`,
			);
		}
	}
	if (!/^UNO[A-Z]:[1-4]$/.test(version)) {
		throw new EdiWriteError(
			`UNB01 "${version}" is not a syntax identifier and version such as UNOC:3`,
		);
	}
	return envelope;
}

function edifactGroup(kept: Json, settings: WriteSettings): GroupEnvelope {
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

export type { WriteSyntax };
