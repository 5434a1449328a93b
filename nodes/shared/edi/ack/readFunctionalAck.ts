import { pushAll } from '../arrays';
import { VERDICT_WORDS, type Json } from '../items';
import type { Syntax, TransactionSet, Verdict } from '../model';
import { designator } from '../shape';
import { componentsOf } from '../values';
import {
	describe,
	ELEMENT_ERRORS,
	GROUP_ERRORS,
	GROUP_ERRORS_BEFORE_5010,
	SECURITY_REJECTIONS,
	SEGMENT_ERRORS,
	SET_ERRORS,
	SET_ERRORS_BEFORE_5010,
} from './codes';

const trimmed = (value: string | undefined) => (value ?? '').trim();

/** A count or position as written, when it is one; a damaged acknowledgment may give anything. */
const numberOf = (value: string): number | undefined =>
	/^\d+$/.test(value) ? Number(value) : undefined;

const verdictWord = (letter: string) =>
	Object.hasOwn(VERDICT_WORDS, letter) ? VERDICT_WORDS[letter as Verdict] : 'rejected';

/** AK501 / AK901 M, W or X: rejected for security reasons, said in words. */
const securityRejection = (level: string, letter: string): Json[] =>
	Object.hasOwn(SECURITY_REJECTIONS, letter)
		? [{ level, code: letter, message: SECURITY_REJECTIONS[letter] }]
		: [];

/** Something wrong with the acknowledgment itself, not with what it acknowledges. */
const note = (code: string, message: string): Json => ({ level: 'acknowledgment', code, message });

const plural = (count: number | undefined, word: string) =>
	`${count} ${word}${count === 1 ? '' : 's'}`;

/** The code tables of the acknowledgment's own version: a few codes changed meaning in 005010. */
function codeTables(version: string) {
	const before5010 = version.slice(0, 6) < '005010';
	return {
		group: before5010 ? { ...GROUP_ERRORS, ...GROUP_ERRORS_BEFORE_5010 } : GROUP_ERRORS,
		set: before5010 ? { ...SET_ERRORS, ...SET_ERRORS_BEFORE_5010 } : SET_ERRORS,
	};
}

type OpenSet = { set: Json; errors: Json[]; status?: string };

/**
 * Walks AK1 [AK2 [AK3 [CTX…] [AK4 [CTX…]]…] AK5/IK5]… AK9 of one 997 or 999 (`ack`, its group's
 * GS08 in `version`). A set answers one group; a sender that puts several AK1…AK9 in one set still
 * has each group read. A damaged acknowledgment (a loop without its AK5, a group without its AK9,
 * an AK9 that contradicts itself) is still read, and its items say what is wrong with it.
 */
export function readFunctionalAck(ack: TransactionSet, version: string, syntax: Syntax): Json[] {
	const kind = trimmed(ack.header.elements[0]);
	const tables = codeTables(version);
	const items: Json[] = [];
	/** What is wrong with the acknowledgment's own envelope (SE01, SE02), for every item. */
	const own = ack.findings
		.filter((finding) => finding.level === 'set')
		.map((finding) => note(finding.code, `The ${kind} itself is damaged: ${finding.message}`));
	let group: Json | undefined;
	let sets: OpenSet[] = [];
	let current: OpenSet | undefined;
	let lastSegmentError: Json | undefined;
	/** The error the next CTX belongs to: the last IK3's or IK4's. */
	let lastError: Json | undefined;
	let groupVerdict: Json | undefined;

	const closeSet = () => {
		if (current && current.status === undefined) {
			const { code, controlNumber } = current.set;
			const tag = kind === '999' ? 'IK5' : 'AK5';
			current.errors.push(
				note(
					tag,
					`The ${kind} gives set ${code} ${controlNumber} no ${tag}: only the group’s verdict (AK9) is known for it`,
				),
			);
			sets.push(current);
		}
		current = undefined;
		lastSegmentError = undefined;
		lastError = undefined;
	};
	const closeGroup = () => {
		closeSet();
		if (group === undefined && sets.length === 0 && groupVerdict === undefined) return;
		pushAll(items, groupItems(kind, group, groupVerdict, sets, own));
		group = undefined;
		groupVerdict = undefined;
		sets = [];
	};

	for (const { tag, elements } of ack.segments) {
		// Elements a damaged acknowledgment leaves out read as empty.
		const e = Array.from({ length: Math.max(elements.length, 6) }, (_, index) =>
			trimmed(elements[index]),
		);
		switch (tag) {
			case 'AK1':
				closeGroup();
				group = { functionalId: e[0], controlNumber: e[1], ...(e[2] ? { version: e[2] } : {}) };
				break;
			case 'AK2':
				closeSet();
				current = {
					set: {
						code: e[0],
						controlNumber: e[1],
						...(e[2] ? { implementationReference: e[2] } : {}),
					},
					errors: [],
				};
				break;
			case 'AK3':
			case 'IK3': {
				const position = numberOf(e[1]);
				lastSegmentError = {
					level: 'segment',
					code: e[3],
					segment: e[0],
					...(position !== undefined ? { position } : {}),
					...(e[2] ? { loop: e[2] } : {}),
					message: `${describe(SEGMENT_ERRORS, e[3])}: ${e[0] || 'a segment'}${position !== undefined ? ` at position ${position}` : ''}`,
				};
				lastError = lastSegmentError;
				current?.errors.push(lastSegmentError);
				break;
			}
			case 'AK4':
			case 'IK4': {
				// AK401 / IK401: element position, component position, repetition (from 005010).
				const [element, component, repetition] = e[0].split(/[^0-9]/);
				const segmentTag = lastSegmentError?.segment as string | undefined;
				const position = numberOf(element);
				const reference =
					segmentTag && position !== undefined ? designator(segmentTag, position) : undefined;
				const number = trimmed(e[1]);
				const named = [reference, number && `data element ${number}`].filter(Boolean).join(', ');
				lastError = {
					level: 'element',
					code: e[2],
					...(lastSegmentError
						? { segment: lastSegmentError.segment, position: lastSegmentError.position }
						: {}),
					...(position !== undefined ? { element: position } : {}),
					...(numberOf(component ?? '') !== undefined ? { component: Number(component) } : {}),
					...(numberOf(repetition ?? '') !== undefined ? { repetition: Number(repetition) } : {}),
					...(reference ? { reference } : {}),
					...(number ? { referenceNumber: number } : {}),
					...(e[3] ? { data: e[3] } : {}),
					...(lastSegmentError?.businessUnit
						? { businessUnit: lastSegmentError.businessUnit }
						: {}),
					message: `${describe(ELEMENT_ERRORS, e[2])}: element ${e[0] || '(not given)'}${segmentTag ? ` of ${segmentTag}` : ''}${named ? ` (${named})` : ''}`,
				};
				if (lastSegmentError?.businessUnit) {
					say(lastError, businessUnitPhrase(lastSegmentError.businessUnit as Json));
				}
				current?.errors.push(lastError);
				break;
			}
			case 'CTX':
				if (current && lastError) addContext(lastError, elements, syntax);
				break;
			case 'AK5':
			case 'IK5':
				if (current) {
					const codes = e.slice(1).filter((code) => code !== '');
					current.status = verdictWord(e[0]);
					current.errors = [
						...securityRejection('set', e[0]),
						...codes.map((code) => ({ level: 'set', code, message: describe(tables.set, code) })),
						...current.errors,
					];
					sets.push(current);
				}
				closeSet();
				break;
			case 'AK9': {
				closeSet();
				const codes = e.slice(4).filter((code) => code !== '');
				groupVerdict = {
					status: verdictWord(e[0]),
					declared: numberOf(e[1]),
					received: numberOf(e[2]),
					accepted: numberOf(e[3]),
					errors: [
						...securityRejection('group', e[0]),
						...codes.map((code) => ({
							level: 'group',
							code,
							message: describe(tables.group, code),
						})),
					],
				};
				break;
			}
		}
	}
	closeGroup();
	if (items.length === 0) {
		items.push({
			status: 'rejected',
			acknowledged: { group: {} },
			errors: [...own, note('AK1', `The ${kind} holds no AK1 … AK9: it acknowledges no group`)],
		});
	}
	return items;
}

/**
 * A CTX after an IK3 or IK4 (005010X231A1): either the business unit the error is in (only
 * CTX01, e.g. `CLM01:claim number`), or where the situational rule that was broken was
 * triggered (`SITUATIONAL TRIGGER`, segment, position, loop, element). Both go on the error and
 * into its sentence; later IK4s of the same IK3 inherit the business unit.
 */
function addContext(error: Json, elements: string[], syntax: Syntax): void {
	const [name = '', value = ''] = componentsOf(syntax, elements[0]);
	const segment = trimmed(elements[1]);
	const position = numberOf(trimmed(elements[2]));
	const loop = trimmed(elements[3]);
	const [element, component] = componentsOf(syntax, elements[4]).map(numberOf);
	const [referenceNumber = ''] = componentsOf(syntax, elements[5]);
	let said: string;
	if (segment === '') {
		if (name === '' && value === '') return;
		error.businessUnit = { reference: name, value };
		said = businessUnitPhrase(error.businessUnit as Json);
	} else {
		const context: Json = {
			...(name ? { name } : {}),
			segment,
			...(position !== undefined ? { position } : {}),
			...(loop ? { loop } : {}),
			...(element !== undefined ? { element } : {}),
			...(component !== undefined ? { component } : {}),
			...(referenceNumber ? { referenceNumber } : {}),
		};
		error.context = [...((error.context as Json[] | undefined) ?? []), context];
		const where =
			element !== undefined
				? `${designator(segment, element)}${component !== undefined ? `-${component}` : ''}`
				: segment;
		said = `${name ? name.toLowerCase() : 'context'} ${where}${position !== undefined ? ` at position ${position}` : ''}${loop ? ` in loop ${loop}` : ''}`;
	}
	say(error, said);
}

const businessUnitPhrase = ({ reference, value }: Json) =>
	`business unit ${[reference, value].filter(Boolean).join(' ')}`;

/** Each error's sentence without its context, and the context phrases said so far. */
const sentences = new WeakMap<Json, { base: string; phrases: string[] }>();

/** Adds a phrase of context to an error's sentence: `… at position 4 (business unit CLM01 X; …)`. */
function say(error: Json, phrase: string): void {
	const sentence = sentences.get(error) ?? { base: error.message as string, phrases: [] };
	sentence.phrases.push(phrase);
	sentences.set(error, sentence);
	error.message = `${sentence.base} (${sentence.phrases.join('; ')})`;
}

/** The items of one acknowledged group: one per set it lists, or the group's own. */
function groupItems(
	kind: string,
	group: Json | undefined,
	groupVerdict: Json | undefined,
	sets: OpenSet[],
	own: Json[],
): Json[] {
	const notes = [...own, ...groupNotes(kind, group, groupVerdict, sets)];
	const acknowledgedGroup = {
		...group,
		...(groupVerdict
			? {
					status: groupVerdict.status,
					declared: groupVerdict.declared,
					received: groupVerdict.received,
					accepted: groupVerdict.accepted,
				}
			: {}),
	};
	const groupErrors = (groupVerdict?.errors as Json[] | undefined) ?? [];
	if (sets.length === 0) {
		return [
			{
				status: groupVerdict?.status ?? 'rejected',
				acknowledged: { group: acknowledgedGroup },
				errors: [...groupErrors, ...notes],
			},
		];
	}
	// A rejected group (AK9 R) rejects every set in it, whatever each set's own AK5 says.
	const groupRejected = groupVerdict?.status === 'rejected';
	return sets.map(({ status, set, errors }) => ({
		status: groupRejected ? 'rejected' : (status ?? groupVerdict?.status ?? 'rejected'),
		acknowledged: { group: acknowledgedGroup, transactionSet: set },
		errors: [...groupErrors, ...errors, ...notes],
	}));
}

/** Where a group's AK1 or AK9 is missing, or its AK9 contradicts itself or the sets listed. */
function groupNotes(
	kind: string,
	group: Json | undefined,
	verdict: Json | undefined,
	sets: OpenSet[],
): Json[] {
	const notes: Json[] = [];
	if (group === undefined) {
		notes.push(note('AK1', `The ${kind} has no AK1: which group it answers is not known`));
	}
	if (verdict === undefined) {
		const id = [group?.functionalId, group?.controlNumber].filter(Boolean).join(' ');
		const name = id ? `group ${id}` : 'its group';
		notes.push(
			note(
				'AK9',
				`The ${kind} has no AK9 for ${name}: the group’s verdict and counts are not known`,
			),
		);
		return notes;
	}
	const { received, accepted, status } = verdict as {
		received?: number;
		accepted?: number;
		status: string;
	};
	if (received !== undefined && accepted !== undefined && accepted > received) {
		notes.push(note('AK9', `AK9 says ${plural(accepted, 'set')} accepted of ${received} received`));
	}
	if (received !== undefined && sets.length > received) {
		notes.push(
			note('AK9', `AK9 says ${plural(received, 'set')} received, the ${kind} lists ${sets.length}`),
		);
	}
	const rejected = sets.filter((set) => set.status === 'rejected').length;
	if ((status === 'accepted' || status === 'acceptedWithErrors') && rejected > 0) {
		notes.push(
			note('AK9', `AK9 says the group is accepted, the ${kind} rejects ${rejected} of its sets`),
		);
	}
	if (status === 'rejected' && accepted !== undefined && accepted > 0) {
		notes.push(note('AK9', `AK9 rejects the group but counts ${plural(accepted, 'set')} accepted`));
	}
	return notes;
}
