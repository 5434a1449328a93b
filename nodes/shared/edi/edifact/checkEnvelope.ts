import type { Finding, Group, Interchange, TransactionSet } from '../model';
import { segmentCountOf } from '../tree';
import { componentsOf, valueOf } from '../values';

/** The syntax identifiers ISO 9735 defines: UNOA to UNOY. */
const SYNTAX_IDENTIFIER = /^UNO[A-Y]$/;
/** The syntax versions ISO 9735 has defined: 1 to 4. */
const SYNTAX_VERSION = /^[1-4]$/;

/** UN/EDIFACT syntax error 32: an interchange or group that holds no message. */
const LOWER_LEVEL_EMPTY = '32';

const component = (interchange: Interchange, raw: string | undefined, index = 0) =>
	componentsOf(interchange.syntax, raw)[index] ?? '';
const value = (interchange: Interchange, raw: string | undefined) =>
	valueOf(interchange.syntax, raw);

/** UNZ, UNE and UNT against UNB, UNG and UNH: trailers present, counts and references matching. */
export function checkEdifactEnvelopes(interchanges: Interchange[]): void {
	const seen = new Set<string>();
	for (const interchange of interchanges) {
		const header = interchange.header.elements;
		const push = (code: string, message: string, segment = 'UNB', element?: number) =>
			interchange.findings.push({
				level: 'interchange',
				code,
				segment,
				message,
				...(element ? { element } : {}),
			});
		const syntaxId = component(interchange, header[0]);
		if (!SYNTAX_IDENTIFIER.test(syntaxId)) {
			push('2', `UNB01 syntax identifier "${syntaxId}" is not one of UNOA to UNOY`, 'UNB', 1);
		} else {
			// S001's version (0002) is mandatory: it says which service characters and rules apply.
			const syntaxVersion = component(interchange, header[0], 1);
			if (syntaxVersion === '') {
				push('13', `UNB01 has no syntax version number after ${syntaxId}`, 'UNB', 1);
			} else if (!SYNTAX_VERSION.test(syntaxVersion)) {
				push('2', `UNB01 syntax version "${syntaxVersion}" is not one of 1 to 4`, 'UNB', 1);
			}
		}
		[2, 3, 4, 5].forEach((element) => {
			if (component(interchange, header[element - 1]) === '') {
				push('13', `UNB0${element} is missing in the interchange header`, 'UNB', element);
			}
		});
		const reference = value(interchange, header[4]);
		const sender = component(interchange, header[1]);
		if (seen.has(`${sender}|${reference}`)) {
			push(
				'26',
				`Interchange reference UNB05 ${reference} from ${sender} appears twice in the file`,
			);
		}
		seen.add(`${sender}|${reference}`);
		const explicit = interchange.groups.filter((group) => group.header).length;
		if (explicit > 0 && explicit < interchange.groups.length) {
			push('30', 'The interchange mixes functional groups (UNG) with messages outside any group');
		}
		const trailer = interchange.trailer;
		if (!trailer) {
			push(
				'13',
				`Interchange ${reference} has no UNZ trailer: the file ends or a new UNB starts first`,
				'UNZ',
			);
		} else {
			if (value(interchange, trailer.elements[1]) !== reference) {
				push(
					'28',
					`UNZ02 "${value(interchange, trailer.elements[1])}" does not match UNB05 "${reference}"`,
					'UNZ',
					2,
				);
			}
			const counted =
				explicit > 0
					? explicit
					: interchange.groups.reduce((sum, group) => sum + group.sets.length, 0);
			const declared = value(interchange, trailer.elements[0]);
			if (declared === '' || Number(declared) !== counted) {
				push(
					'29',
					`UNZ01 says ${declared || 'nothing'} ${explicit > 0 ? 'groups' : 'messages'}, the interchange holds ${counted}`,
					'UNZ',
					1,
				);
			}
		}
		// ISO 9735 wants at least one message (or group) in an interchange: an empty one is
		// rejected with 32 (lower level empty), so that its CONTRL does not say "accepted". It
		// comes after a missing UNZ, the likelier cause, which the UCI then names.
		if (interchange.groups.length === 0) {
			interchange.findings.push({
				level: 'interchange',
				code: LOWER_LEVEL_EMPTY,
				message: `Interchange ${value(interchange, header[4])} holds no message`,
			});
		}
		const references = new Set<string>();
		for (const group of interchange.groups) {
			if (group.header) checkGroup(interchange, group);
			for (const set of group.sets) checkMessage(interchange, set, references);
		}
	}
}

function checkGroup(interchange: Interchange, group: Group): void {
	const reference = value(interchange, group.header!.elements[4]);
	const push = (code: string, message: string, element?: number) =>
		group.findings.push({
			level: 'group',
			code,
			segment: 'UNE',
			message,
			...(element ? { element } : {}),
		});
	if (!group.trailer) {
		push('13', `Group ${reference} has no UNE trailer`);
		return;
	}
	if (value(interchange, group.trailer.elements[1]) !== reference) {
		push(
			'28',
			`UNE02 "${value(interchange, group.trailer.elements[1])}" does not match UNG05 "${reference}"`,
			2,
		);
	}
	const declared = value(interchange, group.trailer.elements[0]);
	if (declared === '' || Number(declared) !== group.sets.length) {
		push(
			'29',
			`UNE01 says ${declared || 'nothing'} messages, the group holds ${group.sets.length}`,
			1,
		);
	}
	// A group, too, holds at least one message (a cut-off one is answered for its UNE above).
	if (group.sets.length === 0) {
		group.findings.push({
			level: 'group',
			code: LOWER_LEVEL_EMPTY,
			message: `Group ${reference} holds no message`,
		});
	}
}

function checkMessage(
	interchange: Interchange,
	set: TransactionSet,
	references: Set<string>,
): void {
	const reference = value(interchange, set.header.elements[0]);
	const type = component(interchange, set.header.elements[1]);
	const push = (code: string, message: string, segment = 'UNT', element?: number): void => {
		set.findings.push({
			level: 'set',
			code,
			segment,
			message,
			...(element ? { element } : {}),
		} as Finding);
	};
	if (reference === '') push('13', 'UNH01 (message reference) is missing', 'UNH', 1);
	else if (references.has(reference))
		push('26', `Message reference UNH01 ${reference} appears twice in the interchange`, 'UNH', 1);
	references.add(reference);
	if ([0, 1, 2, 3].some((index) => component(interchange, set.header.elements[1], index) === '')) {
		push(
			'13',
			`UNH02 "${set.header.elements[1] ?? ''}" lacks its type, version, release or agency`,
			'UNH',
			2,
		);
	}
	if (!set.trailer) {
		push('13', `Message ${type} ${reference} has no UNT trailer`);
		return;
	}
	if (value(interchange, set.trailer.elements[1]) !== reference) {
		push(
			'28',
			`UNT02 "${value(interchange, set.trailer.elements[1])}" does not match UNH01 "${reference}"`,
			'UNT',
			2,
		);
	}
	const declared = value(interchange, set.trailer.elements[0]);
	if (declared === '' || Number(declared) !== segmentCountOf(set)) {
		push(
			'29',
			`UNT01 says ${declared || 'nothing'} segments, the message holds ${segmentCountOf(set)} (UNH to UNT)`,
			'UNT',
			1,
		);
	}
}
