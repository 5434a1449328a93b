import { pushAll } from '../arrays';
import { asWriteError, EdiWriteError } from './errors';

import { gsSegment, isaSegment, unaSegment, unbSegment, ungSegment } from './envelope';
import {
	refuseItemsSplitUnderOneNumber,
	refuseRepeatedControlNumbers,
	refuseUngroupedAmongGroups,
} from './refuse';
import type { PreparedSet } from './prepare';
import { renderSegment } from './segment';
import type { GroupEnvelope, InterchangeEnvelope } from './settings';
import { segmentEnds, singleByteCharset } from './syntax';

/** `all`: one interchange per sender/receiver pair (and envelope); `item`: one per input item. */
export type Batching = 'all' | 'item';

export type WrittenGroup = {
	functionalId: string;
	controlNumber: string;
	version: string;
	sets: Array<{ code: string; controlNumber: string }>;
};

/** What a written interchange holds: the fields a send flow records to match acknowledgments. */
export type WriteSummary = {
	standard: 'X12' | 'EDIFACT';
	fileName: string;
	sender: { qualifier: string; id: string };
	receiver: { qualifier: string; id: string };
	partner: string;
	/** ISA13 / UNB05 as written. */
	interchangeControlNumber: string;
	groups: WrittenGroup[];
	groupControlNumbers: string[];
	setControlNumbers: string[];
	setCodes: string[];
	segmentCount: number;
	createdAt: string;
};

export type WrittenInterchange = {
	text: string;
	/** How to turn the text into the file's bytes: EDIFACT's single-byte syntaxes take latin1. */
	encoding: 'utf8' | 'latin1';
	/** The input items it holds, in order. */
	items: number[];
	summary: WriteSummary;
};

export type Batch = {
	envelope: InterchangeEnvelope;
	items: number[];
	groups: Map<string, { envelope: GroupEnvelope; sets: PreparedSet[] }>;
};

/** Envelopes' keys, made once per envelope object: thousands of sets may share one. */
const keys = new WeakMap<object, string>();

function keyOf(envelope: InterchangeEnvelope | GroupEnvelope, keepNumbers: boolean): string {
	let key = keys.get(envelope);
	if (key === undefined) {
		// The control number decides only when kept: otherwise the batch's first item gives it.
		const { controlNumber, ...rest } = envelope;
		keys.set(envelope, (key = JSON.stringify([keepNumbers ? controlNumber : '', rest])));
	}
	return key;
}

/** The parts of an envelope that must agree for two items to share it. */
function interchangeKey(set: PreparedSet, batching: Batching, keepNumbers: boolean): string {
	const key = keyOf(set.interchange, keepNumbers);
	return batching === 'item' ? `${set.itemIndex}:${key}` : key;
}

/**
 * Puts the prepared sets into interchanges and writes them, with every count and control number
 * computed. An interchange that cannot number its groups fails for each item it would hold.
 */
export function assembleInterchanges(
	sets: PreparedSet[],
	options: { batching: Batching; keepEnvelope: boolean; now: Date },
): { interchanges: WrittenInterchange[]; failures: EdiWriteError[] } {
	const batches = new Map<string, Batch>();
	const byItem = new Map<number, PreparedSet[]>();
	for (const set of sets) {
		const list = byItem.get(set.itemIndex);
		if (list) list.push(set);
		else byItem.set(set.itemIndex, [set]);
	}
	for (const [itemIndex, itemSets] of byItem) {
		for (const set of itemSets) {
			const key = interchangeKey(set, options.batching, options.keepEnvelope);
			let batch = batches.get(key);
			if (!batch)
				batches.set(key, (batch = { envelope: set.interchange, items: [], groups: new Map() }));
			const gKey = keyOf(set.group, options.keepEnvelope);
			const group = batch.groups.get(gKey) ?? { envelope: set.group, sets: [] };
			batch.groups.set(gKey, group);
			group.sets.push(set);
			// An item's sets come one after another, so the last entry tells whether it is in.
			if (batch.items[batch.items.length - 1] !== itemIndex) batch.items.push(itemIndex);
		}
	}
	const interchanges: WrittenInterchange[] = [];
	const failures = refuseItemsSplitUnderOneNumber([...batches.values()]);
	for (const batch of batches.values()) {
		pushAll(failures, refuseUngroupedAmongGroups(batch));
		pushAll(failures, refuseRepeatedControlNumbers(batch));
		if (batch.groups.size === 0) continue;
		try {
			interchanges.push(writeInterchange(batch, options.now));
		} catch (error) {
			// The interchange is not written: each item it would hold is told why.
			pushAll(
				failures,
				batch.items.map((item) => asWriteError(error, item)),
			);
		}
	}
	return { interchanges, failures };
}

function writeInterchange(batch: Batch, now: Date): WrittenInterchange {
	const { envelope } = batch;
	const x12 = envelope.standard === 'X12';
	const { syntax } = envelope;
	const values = [...batch.groups.values()][0].sets[0].values;
	const ends = segmentEnds(syntax);
	const chunks: string[] = [];
	let segmentCount = 0;
	const put = (segment: string, end = ends.envelope) => {
		chunks.push(segment, end);
		segmentCount++;
	};
	if (!x12 && envelope.serviceStringAdvice) chunks.push(unaSegment(envelope) + syntax.segment);
	put(x12 ? isaSegment(envelope, values) : unbSegment(envelope, values));
	for (const ta1 of envelope.ta1) put(renderSegment('TA1', ta1, values));
	const interchangeNumber = x12 ? String(Number(envelope.controlNumber)) : envelope.controlNumber;
	const groups: WrittenGroup[] = [];
	let messageNumber = 0;
	let unzCount = 0;
	let groupIndex = 0;
	// Numbers the writer makes step around those kept from items (`refuse.ts` keeps them distinct).
	const kept = keptNumbers(batch);
	const nextGroupNumber = () => {
		let number: string;
		do number = groupControlNumber(interchangeNumber, groupIndex++);
		while (kept.groups.has(number));
		return number;
	};
	for (const { envelope: group, sets } of batch.groups.values()) {
		const groupNumber = group.controlNumber || nextGroupNumber();
		const keptInGroup = x12 ? new Set(sets.map((set) => set.controlNumber)) : kept.messages;
		if (group.written) {
			put(x12 ? gsSegment(group, groupNumber, values) : ungSegment(group, groupNumber, values));
			unzCount++;
		}
		const written: WrittenGroup = {
			functionalId: group.functionalId,
			controlNumber: group.written ? groupNumber : '',
			version: group.version,
			sets: [],
		};
		let setNumber = 0;
		const nextSetNumber = () => {
			let number: string;
			do number = x12 ? String(++setNumber).padStart(4, '0') : String(++messageNumber);
			while (keptInGroup.has(number));
			return number;
		};
		for (const set of sets) {
			if (!group.written) unzCount++;
			const number = set.controlNumber || nextSetNumber();
			const headerKey = x12 ? 'ST02' : 'UNH01';
			const header = x12
				? { ST01: set.header.ST01, [headerKey]: number, ...withoutKeys(set.header, 'ST01', 'ST02') }
				: { UNH01: number, ...withoutKeys(set.header, 'UNH01') };
			put(renderSegment(x12 ? 'ST' : 'UNH', header, values), ends.inSet);
			chunks.push(set.body.text);
			segmentCount += set.body.count;
			put(
				renderSegment(
					x12 ? 'SE' : 'UNT',
					x12
						? { SE01: set.body.count + 2, SE02: number }
						: { UNT01: set.body.count + 2, UNT02: number },
					values,
				),
			);
			written.sets.push({ code: set.code, controlNumber: number });
		}
		if (group.written) {
			put(
				renderSegment(
					x12 ? 'GE' : 'UNE',
					x12
						? { GE01: sets.length, GE02: groupNumber }
						: { UNE01: sets.length, UNE02: groupNumber },
					values,
				),
			);
		}
		groups.push(written);
	}
	put(
		renderSegment(
			x12 ? 'IEA' : 'UNZ',
			x12
				? { IEA01: groups.length, IEA02: envelope.controlNumber }
				: { UNZ01: unzCount, UNZ02: envelope.controlNumber },
			values,
		),
	);
	const setCodes = [...new Set(groups.flatMap((group) => group.sets.map((set) => set.code)))];
	const summary: WriteSummary = {
		standard: envelope.standard,
		fileName: `${setCodes.join('-')}-${envelope.controlNumber}.${x12 ? 'x12' : 'edi'}`,
		sender: { ...envelope.sender },
		receiver: { ...envelope.receiver },
		partner: `${envelope.receiver.qualifier}:${envelope.receiver.id}`,
		interchangeControlNumber: envelope.controlNumber,
		groups,
		groupControlNumbers: groups
			.filter((group) => group.controlNumber !== '')
			.map((group) => group.controlNumber),
		setControlNumbers: groups.flatMap((group) => group.sets.map((set) => set.controlNumber)),
		setCodes,
		segmentCount,
		createdAt: now.toISOString(),
	};
	const text = chunks.join('');
	// Values are checked as they are written, naming their element; what is left to find here
	// is a separator the character set cannot carry.
	const charset = singleByteCharset(envelope.standard, envelope.version);
	const encoding = charset ? 'latin1' : 'utf8';
	if (charset && new RegExp(`[^\\x00-\\x${charset.highest.toString(16)}]`).test(text)) {
		throw new EdiWriteError(
			`holds characters that the syntax ${charset.id} cannot carry`,
			undefined,
			'Choose the syntax UNOW (UTF-8), or remove those characters.',
		);
	}
	return { text, encoding, items: batch.items, summary };
}

/** The group and message (EDIFACT) control numbers an interchange's items keep. */
function keptNumbers(batch: Batch): { groups: Set<string>; messages: Set<string> } {
	const groups = new Set<string>();
	const messages = new Set<string>();
	for (const { envelope, sets } of batch.groups.values()) {
		if (envelope.controlNumber !== '') groups.add(envelope.controlNumber);
		for (const set of sets) if (set.controlNumber !== '') messages.add(set.controlNumber);
	}
	return { groups, messages };
}

function withoutKeys(segment: { [key: string]: unknown }, ...keys: string[]) {
	const out: { [key: string]: unknown } = {};
	for (const key in segment)
		if (!keys.includes(key) && segment[key] !== undefined) out[key] = segment[key];
	return out;
}

/** Groups after the first take k × 10⁸ + N: never a number an interchange of its own can have. */
const GROUP_STEP = 100_000_000;

/**
 * GS06 / UNG05 of the interchange's `index`th group (from 0), when the items give none: the first
 * group takes the interchange's number N, so that one group reads as one number; the second and
 * later ones k × 10⁸ + N, which stay distinct in the interchange and across interchanges as long
 * as N stays below 10⁸ (n8n's execution IDs will for a long time).
 */
function groupControlNumber(interchangeNumber: string, index: number): string {
	if (index === 0) return interchangeNumber;
	const number = Number(interchangeNumber);
	if (!Number.isInteger(number) || number >= GROUP_STEP || index > 9) {
		throw new EdiWriteError(
			`the interchange holds ${index + 1} or more functional groups, and its control number ${interchangeNumber} leaves no distinct group control number (GS06) for them`,
			undefined,
			'Keep control numbers below 100000000, or write one interchange per item.',
		);
	}
	return String(index * GROUP_STEP + number);
}
