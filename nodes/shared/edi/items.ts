import type { Finding, Group, Interchange, Syntax, TransactionSet, Verdict } from './model';
import type { ReadSet } from './read';
import { shapeSegment } from './shape';
import { componentsOf, valueOf } from './values';

/** How acknowledgments' verdict letters read in an item. */
export const VERDICT_WORDS: Record<Verdict, Status> = {
	A: 'accepted',
	E: 'acceptedWithErrors',
	P: 'partiallyAccepted',
	R: 'rejected',
};

export type Status = 'accepted' | 'acceptedWithErrors' | 'partiallyAccepted' | 'rejected';

export type Json = { [key: string]: unknown };

/** How Read splits a file into items. */
export type SplitBy = 'set' | 'group' | 'interchange';

const trimmed = (value: string | undefined) => (value ?? '').trim();

const parts = (interchange: Interchange, raw: string | undefined) =>
	componentsOf(interchange.syntax, raw);
const value = (interchange: Interchange, raw: string | undefined) =>
	valueOf(interchange.syntax, raw);

/** The interchange envelope a user maps and routes on (no segments). */
export function interchangeContext(interchange: Interchange): Json {
	const e = interchange.header.elements;
	if (interchange.standard === 'X12') {
		return {
			sender: { qualifier: trimmed(e[4]), id: trimmed(e[5]) },
			receiver: { qualifier: trimmed(e[6]), id: trimmed(e[7]) },
			controlNumber: trimmed(e[12]),
			date: trimmed(e[8]),
			time: trimmed(e[9]),
			version: trimmed(e[11]),
			usageIndicator: trimmed(e[14]),
			acknowledgmentRequested: trimmed(e[13]) === '1',
			delimiters: delimitersOf(interchange),
			// Only when there are any, so that items of other files keep their shape.
			...(interchange.ta1.length > 0 && {
				ta1: interchange.ta1.map((segment) => shapeSegment(segment, interchange.syntax)),
			}),
		};
	}
	const [syntaxId, syntaxVersion, codeListVersion, characterEncoding] = parts(interchange, e[0]);
	const [date, time = ''] = parts(interchange, e[3]);
	return {
		sender: edifactParty(interchange, e[1]),
		receiver: edifactParty(interchange, e[2]),
		controlReference: value(interchange, e[4]),
		date,
		time,
		syntax: {
			id: syntaxId,
			version: syntaxVersion ?? '',
			// Syntax 4's service code list directory version and character encoding, when given.
			...(codeListVersion && { codeListVersion }),
			...(characterEncoding && { characterEncoding }),
		},
		applicationReference: value(interchange, e[6]),
		processingPriority: value(interchange, e[7]),
		acknowledgmentRequested: value(interchange, e[8]) === '1',
		agreementId: value(interchange, e[9]),
		testIndicator: value(interchange, e[10]),
		delimiters: delimitersOf(interchange),
	};
}

/**
 * UNB02 / UNB03: identification and qualifier, plus the routing address and (syntax 4) internal
 * identification a VAN may route by, given only when the file has them so that other items keep
 * their shape, and so that Write can put them back.
 */
function edifactParty(interchange: Interchange, raw: string | undefined): Json {
	const [id, qualifier = '', routingAddress = '', internalId = ''] = parts(interchange, raw);
	return {
		id,
		qualifier,
		...(routingAddress !== '' && { routingAddress }),
		...(internalId !== '' && { internalId }),
	};
}

/** The separators and line break as the file wrote them, so Write can write it again alike. */
function delimitersOf(interchange: Interchange): Json {
	const { syntax, layout } = interchange;
	const delimiters: Json = {
		element: syntax.element,
		component: syntax.component,
		repetition: syntax.repetition,
		segment: syntax.terminator,
		lineBreak: layout?.lineBreak ?? '',
		lineBreakAfter: layout?.lineBreakAfter ?? 'segment',
	};
	if (interchange.standard === 'X12') return delimiters;
	return {
		...delimiters,
		release: syntax.release,
		decimal: (syntax as Syntax & { decimal?: string }).decimal ?? '.',
		serviceStringAdvice: layout?.serviceStringAdvice ?? false,
	};
}

/** The functional group envelope; EDIFACT messages sent without UNG have none. */
export function groupContext(interchange: Interchange, group: Group): Json | undefined {
	if (!group.header) return undefined;
	const e = group.header.elements;
	if (interchange.standard === 'X12') {
		return {
			functionalId: trimmed(e[0]),
			sender: trimmed(e[1]),
			receiver: trimmed(e[2]),
			date: trimmed(e[3]),
			time: trimmed(e[4]),
			controlNumber: trimmed(e[5]),
			version: trimmed(e[7]),
		};
	}
	const [sender, senderQualifier = ''] = parts(interchange, e[1]);
	const [receiver, receiverQualifier = ''] = parts(interchange, e[2]);
	const [date, time = ''] = parts(interchange, e[3]);
	return {
		functionalId: value(interchange, e[0]),
		sender,
		receiver,
		controlNumber: value(interchange, e[4]),
		// UNG06 is the controlling agency, UNG07 the message version and release.
		version: parts(interchange, e[6]).join(':'),
		agency: value(interchange, e[5]),
		senderQualifier,
		receiverQualifier,
		date,
		time,
	};
}

/** The set's own header: code and control number (X12), or message type and reference (EDIFACT). */
export function setContext(interchange: Interchange, set: TransactionSet): Json {
	const e = set.header.elements;
	if (interchange.standard === 'X12') {
		const context: Json = { code: trimmed(e[0]), controlNumber: trimmed(e[1]) };
		if (trimmed(e[2]) !== '') context.implementationReference = trimmed(e[2]);
		return context;
	}
	const [type, version = '', release = '', agency = '', associationCode = ''] = parts(
		interchange,
		e[1],
	);
	return {
		code: type,
		controlNumber: value(interchange, e[0]),
		version,
		release,
		agency,
		associationCode,
	};
}

/** Why an item per set stands for an envelope instead: it holds none (an empty group, a TA1 alone). */
const holdsNoSet = (level: 'interchange' | 'group'): Json => ({
	level,
	message: `The ${level === 'group' ? 'functional group' : 'interchange'} holds no transaction set (message): only its envelope is given`,
});

/** A finding as an item shows it, without empty fields. */
function errorOf(finding: Finding): Json {
	return Object.fromEntries(Object.entries(finding).filter(([, value]) => value !== undefined));
}

/**
 * At most this many of an interchange's own errors are repeated in each of its set and group
 * items: an interchange of thousands of sets and thousands of stray segments would otherwise
 * repeat every one in every item, the file's size squared.
 */
const MAX_ENVELOPE_ERRORS_PER_ITEM = 10;

/** The interchange's errors as each set or group item repeats them: the first few, then how many more. */
function repeatedEnvelopeErrors(interchange: Interchange): Json[] {
	const { findings } = interchange;
	const errors = findings.slice(0, MAX_ENVELOPE_ERRORS_PER_ITEM).map(errorOf);
	const more = findings.length - errors.length;
	if (more > 0) {
		errors.push({
			level: 'interchange',
			message: `${more} more errors of the interchange envelope are not repeated in each item: Output One Item Per Interchange lists them all`,
		});
	}
	return errors;
}

/**
 * A set's verdict as its item reports it: a rejected interchange or a group rejected for its own
 * envelope takes its sets with it.
 */
function statusOf(interchange: Interchange, group: Group, set: TransactionSet): Verdict {
	if (interchange.verdict === 'R' || group.findings.length > 0) return 'R';
	return set.verdict;
}

function setItem(interchange: Interchange, group: Group, set: ReadSet): Json {
	const verdict = statusOf(interchange, group, set);
	return {
		transactionSet: setContext(interchange, set),
		status: VERDICT_WORDS[verdict],
		valid: verdict === 'A' || verdict === 'E',
		errors: set.findings.map(errorOf),
		structure: set.structure,
		segments: set.data,
	};
}

/**
 * Read's output items: one per set (default), group or interchange, each with its envelope
 * context, `status`, `valid` and `errors` (its own and its envelope's findings).
 */
export function readItems(interchanges: Interchange[], splitBy: SplitBy): Json[] {
	const items: Json[] = [];
	for (const interchange of interchanges) {
		const standard = interchange.standard;
		const interchangeJson = {
			...interchangeContext(interchange),
			status: VERDICT_WORDS[interchange.verdict],
		};
		// An interchange or group that holds no set still gives an item, so that no file goes
		// missing; it goes to Invalid, since nothing in it can take a set's way.
		const envelopeOnly = splitBy !== 'interchange' && interchange.groups.length === 0;
		if (splitBy === 'interchange' || envelopeOnly) {
			const envelopeErrors = interchange.findings.map(errorOf);
			const groups = interchange.groups.map((group) => groupJson(interchange, group));
			items.push({
				standard,
				status: VERDICT_WORDS[worst(interchange)],
				valid: isValid(worst(interchange)) && !envelopeOnly,
				errors: envelopeOnly ? [...envelopeErrors, holdsNoSet('interchange')] : envelopeErrors,
				interchange: interchangeJson,
				groups,
			});
			continue;
		}
		const envelopeErrors = repeatedEnvelopeErrors(interchange);
		for (const group of interchange.groups) {
			const empty = splitBy === 'set' && group.sets.length === 0;
			if (splitBy === 'group' || empty) {
				const json = groupJson(interchange, group);
				const verdict = interchange.verdict === 'R' ? 'R' : group.verdict;
				items.push({
					standard,
					...json,
					status: VERDICT_WORDS[verdict],
					valid: isValid(verdict) && !empty,
					errors: [
						...envelopeErrors,
						...(json.errors as Json[]),
						...(empty ? [holdsNoSet('group')] : []),
					],
					interchange: interchangeJson,
				});
				continue;
			}
			const groupJsonContext = groupContext(interchange, group);
			const groupErrors = group.findings.map(errorOf);
			for (const set of group.sets) {
				const { transactionSet, status, valid, errors, structure, segments } = setItem(
					interchange,
					group,
					set as ReadSet,
				);
				items.push({
					standard,
					transactionSet,
					status,
					valid,
					errors: [...envelopeErrors, ...groupErrors, ...(errors as Json[])],
					interchange: interchangeJson,
					// Not a spread: V8 gives each spread copy a map of its own, and a file has thousands.
					group:
						groupJsonContext &&
						Object.assign({}, groupJsonContext, { status: VERDICT_WORDS[group.verdict] }),
					structure,
					segments,
				});
			}
		}
	}
	return items.map(dropUndefined);
}

function groupJson(interchange: Interchange, group: Group): Json {
	return {
		...(groupContext(interchange, group) ?? {}),
		status: VERDICT_WORDS[group.verdict],
		errors: group.findings.map(errorOf),
		transactionSets: group.sets.map((set) => setItem(interchange, group, set as ReadSet)),
	};
}

/** The worst verdict anywhere in an interchange. */
function worst(interchange: Interchange): Verdict {
	if (interchange.verdict === 'R') return 'R';
	const verdicts = interchange.groups.map((group) => group.verdict);
	if (verdicts.every((verdict) => verdict === 'R') && verdicts.length > 0) return 'R';
	if (verdicts.some((verdict) => verdict === 'R' || verdict === 'P')) return 'P';
	return verdicts.includes('E') || interchange.verdict === 'E' ? 'E' : 'A';
}

const isValid = (verdict: Verdict) => verdict === 'A' || verdict === 'E';

/** The item without its undefined fields; most items have none, and are kept as they are. */
function dropUndefined(item: Json): Json {
	for (const key in item) {
		if (item[key] === undefined)
			return Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined));
	}
	return item;
}
