import { renderSegment } from './segment';
import type { GroupEnvelope, InterchangeEnvelope } from './settings';
import type { ValueWriter } from './syntax';

/*
 * The envelope segments around written sets, without terminators. Values go through the same
 * ValueWriter as the sets (X12: checked for separators; EDIFACT: escaped).
 */

/** The ISA: every element at its fixed width, ISA11 the repetition separator from 00402 on. */
export function isaSegment(envelope: InterchangeEnvelope, values: ValueWriter): string {
	const { syntax } = envelope;
	const field = (value: string, width: number, reference: string) =>
		values.write(value, reference).padEnd(width, ' ');
	return [
		'ISA',
		'00',
		''.padEnd(10),
		'00',
		''.padEnd(10),
		field(envelope.sender.qualifier, 2, 'ISA05'),
		field(envelope.sender.id, 15, 'ISA06'),
		field(envelope.receiver.qualifier, 2, 'ISA07'),
		field(envelope.receiver.id, 15, 'ISA08'),
		envelope.date,
		envelope.time,
		syntax.repetition === '' ? 'U' : syntax.repetition,
		envelope.version,
		envelope.controlNumber,
		envelope.acknowledgmentRequested ? '1' : '0',
		envelope.usage,
		syntax.component,
	].join(syntax.element);
}

export function gsSegment(
	group: GroupEnvelope,
	controlNumber: string,
	values: ValueWriter,
): string {
	return renderSegment(
		'GS',
		{
			GS01: group.functionalId,
			GS02: group.sender,
			GS03: group.receiver,
			GS04: group.date,
			GS05: group.time,
			GS06: controlNumber,
			GS07: group.agency,
			GS08: group.version,
		},
		values,
	);
}

/** UNA: the service characters, a space where there is no release or repetition character. */
export function unaSegment(envelope: InterchangeEnvelope): string {
	const { syntax } = envelope;
	return `UNA${syntax.component}${syntax.element}${syntax.decimal}${syntax.release || ' '}${syntax.repetition || ' '}`;
}

export function unbSegment(envelope: InterchangeEnvelope, values: ValueWriter): string {
	const [syntaxId, syntaxVersion] = envelope.version.split(':');
	return renderSegment(
		'UNB',
		{
			UNB01: syntaxId,
			UNB01_02: syntaxVersion,
			UNB01_03: envelope.codeListVersion,
			UNB01_04: envelope.characterEncoding,
			UNB02: envelope.sender.id,
			UNB02_02: envelope.sender.qualifier,
			UNB02_03: envelope.sender.routingAddress,
			UNB02_04: envelope.sender.internalId,
			UNB03: envelope.receiver.id,
			UNB03_02: envelope.receiver.qualifier,
			UNB03_03: envelope.receiver.routingAddress,
			UNB03_04: envelope.receiver.internalId,
			UNB04: envelope.date,
			UNB04_02: envelope.time,
			UNB05: envelope.controlNumber,
			UNB07: envelope.applicationReference,
			UNB08: envelope.processingPriority,
			UNB09: envelope.acknowledgmentRequested ? '1' : '',
			UNB10: envelope.agreementId,
			UNB11: envelope.usage,
		},
		values,
	);
}

export function ungSegment(
	group: GroupEnvelope,
	controlNumber: string,
	values: ValueWriter,
): string {
	const [version, release, association] = group.version.split(':');
	return renderSegment(
		'UNG',
		{
			UNG01: group.functionalId,
			UNG02: group.sender,
			UNG02_02: group.senderQualifier,
			UNG03: group.receiver,
			UNG03_02: group.receiverQualifier,
			UNG04: group.date,
			UNG04_02: group.time,
			UNG05: controlNumber,
			UNG06: group.agency,
			UNG07: version,
			UNG07_02: release,
			UNG07_03: association,
		},
		values,
	);
}
