import { edifactStructure, lineItemTag, x12Structure } from '../structure';
import { renderBody, type Body } from './body';
import { edifactGroup, edifactInterchange } from './edifactEnvelope';
import { EdiWriteError } from './errors';
import { isObject, text, type Json } from './fromItem';
import { x12Group, x12Interchange } from './x12Envelope';
import type { ShapedSegment } from './segment';
import type { GroupEnvelope, InterchangeEnvelope, WriteSettings } from './settings';
import { singleByteCharset, ValueWriter } from './syntax';

/** One set of one input item, its body written, waiting for its envelope. */
export type PreparedSet = {
	itemIndex: number;
	code: string;
	/** ST / UNH as the item gives it (ST03, UNH02…), without the control number. */
	header: ShapedSegment;
	/** ST02 / UNH01 when kept from the item. */
	controlNumber: string;
	body: Body;
	interchange: InterchangeEnvelope;
	group: GroupEnvelope;
	values: ValueWriter;
};

/** Each entry of a list an item holds, which must be an object (a list may even have holes). */
function objectsIn(list: unknown[], where: string, what: string): Json[] {
	return Array.from(list, (entry, index) => {
		if (!isObject(entry)) throw new EdiWriteError(`${where}[${index}] is not ${what}`);
		return entry;
	});
}

/** The sets an item holds: Read's item per set, per group (`transactionSets`) or per interchange (`groups`). */
function setsOf(json: Json): Array<{ set: Json; group?: Json; interchange?: Json }> {
	const interchange = isObject(json.interchange) ? json.interchange : undefined;
	if (Array.isArray(json.groups)) {
		return objectsIn(json.groups, 'groups', 'a functional group').flatMap((group, index) =>
			Array.isArray(group.transactionSets)
				? objectsIn(
						group.transactionSets,
						`groups[${index}].transactionSets`,
						'a transaction set',
					).map((set) => ({ set, group, interchange }))
				: [],
		);
	}
	if (Array.isArray(json.transactionSets)) {
		return objectsIn(json.transactionSets, 'transactionSets', 'a transaction set').map((set) => ({
			set,
			group: json,
			interchange,
		}));
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
	if (x12 && !/^\d{3}$/.test(code)) {
		throw new EdiWriteError(
			`ST01 "${code}" is not a transaction set code (three digits, e.g. 810)`,
		);
	}
	const { interchange, group, values } = envelopesOf(
		code,
		interchangeContext,
		groupContext,
		groupJson,
		settings,
	);
	if (segments === undefined || (Array.isArray(segments) && segments.length === 0)) {
		throw new EdiWriteError(`set ${code} has no segments`);
	}
	const structure = x12 ? x12Structure(code) : edifactStructure(code);
	const body = renderBody(
		segments,
		structure,
		values,
		settings.validateStructure !== false,
		x12 ? lineItemTag(code) : undefined,
	);
	if (body.count === 0) throw new EdiWriteError(`set ${code} has no segments`);
	if (!x12 && header.UNH02 === undefined) {
		Object.assign(header, {
			UNH02: code,
			UNH02_02: text(context.version),
			UNH02_03: text(context.release),
			UNH02_04: text(context.agency) || 'UN',
			UNH02_05: text(context.associationCode),
		});
	}
	if (!x12) {
		const missing = UNH02_PARTS.filter(([key]) => text(header[key]) === '');
		if (missing.length > 0) {
			throw new EdiWriteError(
				`message ${code} has no ${missing.map(([key, what]) => `${what} (${key})`).join(', ')}: give transactionSet.version, .release and .agency (e.g. "D", "96A" and "UN") or segments.UNH`,
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

/** The parts of UNH02 the reader requires: type, version, release, agency. */
const UNH02_PARTS = [
	['UNH02', 'type'],
	['UNH02_02', 'version'],
	['UNH02_03', 'release'],
	['UNH02_04', 'agency'],
] as const;

type Envelopes = { interchange: InterchangeEnvelope; group: GroupEnvelope; values: ValueWriter };

/**
 * Without kept envelopes, sets of one code under one settings object share their envelopes: a
 * batch of thousands of items is resolved (and keyed) once, not once per set.
 */
const shared = new WeakMap<WriteSettings, Map<string, Envelopes>>();

function envelopesOf(
	code: string,
	interchangeContext: Json,
	groupContext: Json,
	groupJson: Json | undefined,
	settings: WriteSettings,
): Envelopes {
	const resolve = (): Envelopes => {
		const x12 = settings.standard === 'X12';
		const interchange = x12
			? x12Interchange(interchangeContext, groupJson, settings)
			: edifactInterchange(interchangeContext, settings);
		const group = x12
			? x12Group(code, groupContext, groupJson, interchange, settings)
			: edifactGroup(groupContext, settings);
		return { interchange, group, values: valueWriterFor(interchange) };
	};
	if (settings.keepEnvelope) return resolve();
	let bySet = shared.get(settings);
	if (!bySet) shared.set(settings, (bySet = new Map()));
	const key = `${code}|${text(groupJson?.functionalId)}|${text(groupJson?.version)}`;
	let envelopes = bySet.get(key);
	if (!envelopes) bySet.set(key, (envelopes = resolve()));
	return envelopes;
}

/** One ValueWriter per set of separators and character set: thousands of sets share a few. */
const valueWriters = new Map<string, ValueWriter>();

function valueWriterFor({ syntax, standard, version }: InterchangeEnvelope): ValueWriter {
	const charset = singleByteCharset(standard, version);
	const dateDigits = standard === 'X12' && version < '00401' ? 6 : 8;
	const key = JSON.stringify([syntax, charset, dateDigits]);
	let writer = valueWriters.get(key);
	if (!writer) {
		if (valueWriters.size > 100) valueWriters.clear();
		valueWriters.set(key, (writer = new ValueWriter(syntax, charset, dateDigits)));
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
