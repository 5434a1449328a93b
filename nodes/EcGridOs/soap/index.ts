/** The ECGridOS protocol, free of n8n: build requests, read replies, one error family. */
export { BINDINGS, isBinding, isSoapBinding, type Binding } from './bindings';
export * from './errors';
export { getOperation, SESSION_PARAMETER } from './operations';
export { redact } from './redact';
export { buildRequest, type CallTarget, type OperationCall, type WireRequest } from './request';
export { parseResponse, type WireResponse } from './response';
export { decodeBase64 } from './base64';
export { replyText, type ReplyText } from './replyText';
export { errorCodeOfText, RetCode, retCodeName } from './retCode';
export {
	MalformedValueError,
	ParameterTypeError,
	type ParameterValue,
	type ResultValue,
} from './values';
export { callOperation, type Send } from './client';
