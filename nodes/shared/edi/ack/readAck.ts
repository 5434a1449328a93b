import { pushAll } from '../arrays';
import { interchangeContext, VERDICT_WORDS, type Json } from '../items';
import type { Interchange, Segment, Verdict } from '../model';
import { readEdi } from '../read';
import { componentsOf } from '../values';
import { CONTRL_ACTIONS, describe, EDIFACT_ERRORS, TA1_NOTES } from './codes';
import { readFunctionalAck } from './readFunctionalAck';

/** The content is EDI but carries no 997, 999, TA1 or CONTRL. */
export class NotAnAcknowledgmentError extends Error {}

const trimmed = (value: string | undefined) => (value ?? '').trim();

/** A count or position as written, when it is one; a damaged acknowledgment may give anything. */
const numberOf = (value: string): number | undefined =>
	/^\d+$/.test(value) ? Number(value) : undefined;

const verdictWord = (letter: string) =>
	Object.hasOwn(VERDICT_WORDS, letter) ? VERDICT_WORDS[letter as Verdict] : 'rejected';

/**
 * A received 997, 999, TA1 or CONTRL as one item per acknowledged set (or group / interchange
 * when it names no sets): which control numbers it answers, the verdict, the errors in words.
 */
export function readAcknowledgments(content: Buffer | string): Json[] {
	// What matters is what the acknowledgment says; its own segments are walked, not validated.
	const interchanges = readEdi(content, {
		shape: false,
		keepSegments: true,
		validateStructure: false,
	});
	const items: Json[] = [];
	for (const interchange of interchanges) {
		const from = interchangeContext(interchange);
		const ack = {
			sender: from.sender,
			receiver: from.receiver,
			controlNumber: from.controlNumber ?? from.controlReference,
		};
		if (interchange.standard === 'X12') {
			for (const ta1 of interchange.ta1)
				items.push({ acknowledgment: 'TA1', ...readTa1(ta1), from: ack });
			for (const group of interchange.groups) {
				for (const set of group.sets) {
					const code = trimmed(set.header.elements[0]);
					if (code === '997' || code === '999') {
						const version = trimmed(group.header?.elements[7]);
						pushAll(
							items,
							readFunctionalAck(set, version, interchange.syntax).map((item) => ({
								acknowledgment: code,
								...item,
								from: ack,
							})),
						);
					}
				}
			}
		} else {
			for (const group of interchange.groups) {
				for (const set of group.sets) {
					if (componentsOf(interchange.syntax, set.header.elements[1])[0] !== 'CONTRL') continue;
					pushAll(
						items,
						readContrl(interchange, set.segments).map((item) => ({
							acknowledgment: 'CONTRL',
							...item,
							from: ack,
						})),
					);
				}
			}
		}
	}
	if (items.length === 0) {
		throw new NotAnAcknowledgmentError('The file holds no 997, 999, TA1 or CONTRL acknowledgment');
	}
	return items;
}

/** TA104: the interchange accepted, accepted with errors noted, or rejected. */
const TA1_STATUSES = ['A', 'E', 'R'];

function readTa1(ta1: Segment): Json {
	const [controlNumber = '', date = '', time = '', status = '', note = ''] = ta1.elements.map(
		(value) => value.trim(),
	);
	const known = TA1_STATUSES.includes(status);
	return {
		status: known ? verdictWord(status) : 'rejected',
		acknowledged: { interchange: { controlNumber, date, time } },
		errors: [
			...(note && note !== '000'
				? [{ level: 'interchange', code: note, message: describe(TA1_NOTES, note) }]
				: []),
			...(known
				? []
				: [
						{
							level: 'acknowledgment',
							code: 'TA104',
							message: `TA104 "${status}" is none of A, E and R: read as rejected`,
						},
					]),
		],
	};
}

/** Walks UCI [UCF] [UCM [UCS [UCD]…]…]… of one CONTRL. */
function readContrl(interchange: Interchange, segments: Segment[]): Json[] {
	const parts = (raw: string | undefined) => componentsOf(interchange.syntax, raw);
	const action = (code: string | undefined) =>
		Object.hasOwn(CONTRL_ACTIONS, code ?? '') ? CONTRL_ACTIONS[code!] : 'rejected';
	const error = (level: string, code: string | undefined, where: string) =>
		code ? [{ level, code, message: `${describe(EDIFACT_ERRORS, code)}${where}` }] : [];
	let acknowledgedInterchange: Json = {};
	let interchangeErrors: Json[] = [];
	let group: Json | undefined;
	let groupErrors: Json[] = [];
	/** UCFs (each group with its errors) and UCMs (each message's item), in the CONTRL's order. */
	const answers: Array<{ group: Json; errors: Json[] } | { message: Json }> = [];
	let current: Json | undefined;
	let segmentPosition: number | undefined;
	for (const { tag, elements } of segments) {
		switch (tag) {
			case 'UCI':
				acknowledgedInterchange = {
					controlReference: parts(elements[0])[0],
					sender: parts(elements[1])[0],
					receiver: parts(elements[2])[0],
					status: action(parts(elements[3])[0]),
				};
				interchangeErrors = error(
					'interchange',
					parts(elements[4])[0],
					elements[5] ? ` (${parts(elements[5])[0]})` : '',
				);
				break;
			case 'UCF':
				group = { controlNumber: parts(elements[0])[0], status: action(parts(elements[3])[0]) };
				groupErrors = error(
					'group',
					parts(elements[4])[0],
					elements[5] ? ` (${parts(elements[5])[0]})` : '',
				);
				answers.push({ group, errors: groupErrors });
				break;
			case 'UCM': {
				segmentPosition = undefined;
				const [type, version = '', release = '', agency = ''] = parts(elements[1]);
				// Action 4 on the interchange or group rejects every message under it (ISO 9735).
				const rejectedAbove =
					acknowledgedInterchange.status === 'rejected' || group?.status === 'rejected';
				current = {
					status: rejectedAbove ? 'rejected' : action(parts(elements[2])[0]),
					acknowledged: {
						interchange: acknowledgedInterchange,
						...(group ? { group } : {}),
						transactionSet: {
							code: type,
							controlNumber: parts(elements[0])[0],
							version,
							release,
							agency,
						},
					},
					errors: [
						...interchangeErrors,
						...groupErrors,
						...error(
							'set',
							parts(elements[3])[0],
							elements[4] ? ` (${parts(elements[4])[0]})` : '',
						),
					],
				};
				answers.push({ message: current });
				break;
			}
			case 'UCS':
				// A UCS without a code only points at the segment its UCDs are in.
				segmentPosition = numberOf(parts(elements[0])[0]);
				if (current && parts(elements[1])[0]) {
					(current.errors as Json[]).push({
						level: 'segment',
						code: parts(elements[1])[0],
						...(segmentPosition !== undefined ? { position: segmentPosition } : {}),
						message: `${describe(EDIFACT_ERRORS, parts(elements[1])[0])}: ${segmentPosition !== undefined ? `segment at position ${segmentPosition}` : 'a segment'}`,
					});
				}
				break;
			case 'UCD':
				if (current) {
					const [element = '', component = ''] = parts(elements[1]);
					(current.errors as Json[]).push({
						level: 'element',
						code: parts(elements[0])[0],
						...(segmentPosition ? { position: segmentPosition } : {}),
						...(numberOf(element) !== undefined ? { element: Number(element) } : {}),
						...(numberOf(component) !== undefined ? { component: Number(component) } : {}),
						message: `${describe(EDIFACT_ERRORS, parts(elements[0])[0])}: element ${parts(elements[1]).filter(Boolean).join(':') || '(not given)'}${segmentPosition ? ` of the segment at position ${segmentPosition}` : ''}`,
					});
				}
				break;
		}
	}
	// Action 7 says "this level acknowledged, the lower ones too unless explicitly rejected": a
	// level with a rejected group or message under it was accepted only in part (as an X12 AK9 P
	// says), so that a send flow matching the interchange or group does not mark it accepted.
	const partly = (level: Json, below: Json[]) => {
		if (level.status === 'accepted' && below.some((each) => each.status === 'rejected'))
			level.status = 'partiallyAccepted';
	};
	const groups = answers.flatMap((answer) => ('group' in answer ? [answer.group] : []));
	const messages = answers.flatMap((answer) => ('message' in answer ? [answer.message] : []));
	const messagesOf = new Map<Json, Json[]>();
	for (const message of messages) {
		const of = (message.acknowledged as Json).group as Json | undefined;
		if (of === undefined) continue;
		const listed = messagesOf.get(of);
		if (listed) listed.push(message);
		else messagesOf.set(of, [message]);
	}
	for (const each of groups) partly(each, messagesOf.get(each) ?? []);
	partly(acknowledgedInterchange, [...groups, ...messages]);
	const interchangeRejected = acknowledgedInterchange.status === 'rejected';
	if (answers.length > 0) {
		// A UCF that lists no message (a group rejected for its UNE, or accepted whole while
		// another group's messages are listed) is an item of its own: one item per set alone
		// would lose that group's verdict.
		return answers.flatMap((answer): Json[] => {
			if ('message' in answer) return [answer.message];
			if (messagesOf.has(answer.group)) return [];
			return [
				{
					status: interchangeRejected ? 'rejected' : answer.group.status,
					acknowledged: { interchange: acknowledgedInterchange, group: answer.group },
					errors: [...interchangeErrors, ...answer.errors],
				},
			];
		});
	}
	return [
		{
			status: acknowledgedInterchange.status ?? 'rejected',
			acknowledged: { interchange: acknowledgedInterchange },
			errors: interchangeErrors,
		},
	];
}
