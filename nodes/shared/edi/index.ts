/** The EDI engine, free of n8n: envelope summaries, reading and validation, acknowledgments. */
export { summarizeEnvelope } from './envelope';
export { fileExtensionFor, mimeTypeFor } from './mime';
export { answerEncoding, decodeContent, decodeText, type TextEncoding } from './text';
export { componentsOf, valueOf } from './values';
export type * from './types';

export { NotEdiError } from './model';
export type { Finding, Interchange, Verdict } from './model';
export { readEdi, type ReadOptions } from './read';
export {
	interchangeContext,
	readItems,
	VERDICT_WORDS,
	type Json,
	type SplitBy,
	type Status,
} from './items';
export {
	acceptedSetsOf,
	createX12Acknowledgment,
	MixedPartnersError,
	type Acknowledgment,
	type X12AckOptions,
} from './ack/x12Ack';
export { createContrl, type ContrlOptions } from './ack/contrl';
export { byPartners } from './ack/partners';
export { readAcknowledgments, NotAnAcknowledgmentError } from './ack/readAck';
export { checkControlNumber, ControlNumberError } from './ack/render';
export { KNOWN_STRUCTURES } from './structure';
export {
	EdiWriteError,
	FUNCTIONAL_IDS,
	writeEdi,
	type Batching,
	type Delimiters,
	type Party,
	type WriteInput,
	type WriteSettings,
	type WriteSummary,
	type WrittenInterchange,
} from './write';
