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

/** The RetCode name for an ErrorCode, or undefined when the number is outside the known range. */
export function retCodeName(errorCode: number): string | undefined {
	return Number.isInteger(errorCode) ? RET_CODES[errorCode + 1] : undefined;
}
