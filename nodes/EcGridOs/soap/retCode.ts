import { ENUM_TYPES } from './wsdl/operations.generated';

/**
 * The WSDL's RetCode names in order. ErrorCode numbers them from Unknown = -1: that reading is
 * inferred, and it makes the one documented example (8) InvalidDataLength.
 */
const RET_CODES = ENUM_TYPES.RetCode ?? [];

export const RetCode = {
	SessionTimeout: RET_CODES.indexOf('SessionTimeout') - 1,
	AccessDenied: RET_CODES.indexOf('AccessDenied') - 1,
	NotFound: RET_CODES.indexOf('NotFound') - 1,
} as const;

/** The RetCode name for an ErrorCode, or undefined when it is outside the known range. */
export function retCodeName(errorCode: number | string): string | undefined {
	return typeof errorCode === 'number' && Number.isInteger(errorCode)
		? RET_CODES[errorCode + 1]
		: undefined;
}

/** ErrorStrings whose words differ from their RetCode's name ("Session timed out." is SessionTimeout). */
const PHRASES: Record<string, string> = {
	sessiontimedout: 'SessionTimeout',
	unknownerror: 'Unknown',
};

const squeeze = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');

/**
 * The ErrorCode an ErrorString stands for, for the plain-text bindings, which send only the text:
 * "Access denied." → 2 (AccessDenied). Undefined when the text is no RetCode's wording.
 */
export function errorCodeOfText(errorString: string): number | undefined {
	const words = squeeze(errorString);
	if (words.length > 40) return undefined;
	const name = PHRASES[words] ?? RET_CODES.find((candidate) => squeeze(candidate) === words);
	return name === undefined ? undefined : RET_CODES.indexOf(name) - 1;
}
