/*
 * What each acknowledgment code means, in this project's own plain words, for Read
 * Acknowledgment's `errors` and the README's table. Keys are the codes as the segments carry them.
 */

/** TA105: the interchange note codes. */
export const TA1_NOTES: Record<string, string> = {
	'000': 'No error',
	'001': 'The interchange control numbers in the header and trailer differ',
	'002': 'This standard is not supported',
	'003': 'This version of the controls is not supported',
	'004': 'The segment terminator is not valid',
	'005': 'The sender ID qualifier is not valid',
	'006': 'The sender ID is not valid',
	'007': 'The receiver ID qualifier is not valid',
	'008': 'The receiver ID is not valid',
	'009': 'The receiver is unknown',
	'010': 'The authorization information qualifier is not valid',
	'011': 'The authorization information is not valid',
	'012': 'The security information qualifier is not valid',
	'013': 'The security information is not valid',
	'014': 'The interchange date is not valid',
	'015': 'The interchange time is not valid',
	'016': 'The standards identifier is not valid',
	'017': 'The version ID is not valid',
	'018': 'The interchange control number is not valid',
	'019': 'The acknowledgment-requested flag is not valid',
	'020': 'The test indicator is not valid',
	'021': 'The number of included groups is wrong',
	'022': 'The control structure is not valid',
	'023': 'The file ended before the interchange did',
	'024': 'The interchange content is not valid',
	'025': 'The interchange control number was used before',
	'026': 'The data element separator is not valid',
	'027': 'The component element separator is not valid',
	'028': 'The delivery date of a deferred delivery request is not valid',
	'029': 'The delivery time of a deferred delivery request is not valid',
	'030': 'The delivery time code of a deferred delivery request is not valid',
	'031': 'The grade of service code is not valid',
	// From version 00504 on; before it an unusable ISA11 is reported as 022.
	'032': 'The repetition separator is not valid',
};

/** The security codes (authentication, encryption, security segments), told apart by their numbers. */
const SECURITY_FAILED = 'A security check failed (authentication, encryption or security segments)';

/** AK905-AK909: group-level error codes, as 005010 and later define them. */
export const GROUP_ERRORS: Record<string, string> = {
	'1': 'This functional group is not supported',
	'2': 'This functional group version is not supported',
	'3': 'The group trailer (GE) is missing',
	'4': 'The group control numbers in GS06 and GE02 differ',
	'5': 'GE01 does not match the number of transaction sets',
	'6': 'The group control number is not valid',
	'7': 'The application sender code (GS02) is not valid',
	'8': 'The application receiver code (GS03) is not valid',
	'9': 'The responsible agency code (GS07) is not valid',
	...Object.fromEntries(
		['10', '11', '12', '13', '14', '15', '16', '17', '18', '23', '24', '25', '26'].map((code) => [
			code,
			SECURITY_FAILED,
		]),
	),
	'19': 'The group control number is not unique in the interchange',
};

/**
 * AK905-AK909 codes that meant something else before 005010: 19-22 were security segments, and
 * with no code for a repeated GS06, 6 stood for it too.
 */
export const GROUP_ERRORS_BEFORE_5010: Record<string, string> = {
	'6': 'The group control number is not valid or was used before',
	'19': SECURITY_FAILED,
	'20': SECURITY_FAILED,
	'21': SECURITY_FAILED,
	'22': SECURITY_FAILED,
};

/** AK502-AK506 / IK502-IK506: set-level error codes. */
export const SET_ERRORS: Record<string, string> = {
	'1': 'This transaction set is not supported',
	'2': 'The transaction set trailer (SE) is missing',
	'3': 'The set control numbers in ST02 and SE02 differ',
	'4': 'SE01 does not match the number of segments',
	'5': 'One or more segments are in error',
	'6': 'The transaction set identifier is missing or not valid',
	'7': 'The transaction set control number is missing or not valid',
	...Object.fromEntries(
		[
			'8',
			'9',
			'10',
			'11',
			'12',
			'13',
			'15',
			'16',
			'17',
			'20',
			'21',
			'22',
			'24',
			'25',
			'26',
			'27',
		].map((code) => [code, SECURITY_FAILED]),
	),
	'18': 'The transaction set is not in a functional group',
	'19': 'The implementation convention reference (ST03) is not valid',
	'23': 'The transaction set control number is not unique in the group',
	// 999 only: the implementation guide's rules, beyond the standard's.
	I5: 'One or more segments break the implementation guide',
	I6: 'This implementation guide is not supported',
};

/** AK502-AK506 codes that meant something else before 005010 (security segments). */
export const SET_ERRORS_BEFORE_5010: Record<string, string> = {
	'19': SECURITY_FAILED,
};

/** AK501 / IK501 / AK901 verdicts that reject for security reasons: what each says. */
export const SECURITY_REJECTIONS: Record<string, string> = {
	M: 'Rejected: the message authentication code failed',
	W: 'Rejected: the assurance (security) checks failed',
	X: 'Rejected: the content could not be analyzed after decryption',
};

/** AK304 / IK304: segment-level error codes. */
export const SEGMENT_ERRORS: Record<string, string> = {
	'1': 'The segment ID is not recognized',
	'2': 'The segment is not expected here',
	'3': 'A mandatory segment is missing',
	'4': 'A loop occurs more often than allowed',
	'5': 'A segment occurs more often than allowed',
	'6': 'The segment is not part of this transaction set',
	'7': 'The segment is out of sequence',
	'8': 'The segment has data element errors',
	// 999 only: the implementation guide's rules, beyond the standard's.
	I4: 'The implementation guide does not use this segment',
	I6: 'A segment the implementation guide requires in this situation is missing',
	I7: 'A loop occurs fewer times than the implementation guide requires',
	I8: 'A segment occurs fewer times than the implementation guide requires',
	I9: 'A segment the implementation guide does not use in this situation is present',
};

/** AK403 / IK403: element-level error codes. */
export const ELEMENT_ERRORS: Record<string, string> = {
	'1': 'A mandatory data element is missing',
	'2': 'A conditionally required data element is missing',
	'3': 'There are too many data elements',
	'4': 'The data element is too short',
	'5': 'The data element is too long',
	'6': 'The data element has an invalid character',
	'7': 'The data element has an invalid code value',
	'8': 'The date is not valid',
	'9': 'The time is not valid',
	'10': 'An exclusion condition is violated',
	'12': 'There are too many repetitions',
	'13': 'There are too many components',
	// 999 only: the implementation guide's rules, beyond the standard's.
	I6: 'The implementation guide does not allow this code value',
	I9: 'A data element the implementation guide requires in this situation is missing',
	I10: 'The implementation guide does not use this data element',
	I11: 'There are fewer repetitions than the implementation guide requires',
	I12: 'The value does not match the pattern the implementation guide requires',
	I13: 'A data element the implementation guide does not use in this situation is present',
};

/**
 * UN/EDIFACT syntax error codes (service code list 0085) carried by UCI5, UCF5, UCM4, UCS2 and
 * UCD1: every code a partner's CONTRL may carry, not only those this engine writes, so that Read
 * Acknowledgment says each in words.
 */
export const EDIFACT_ERRORS: Record<string, string> = {
	'2': 'This syntax version or level is not supported',
	'7': 'The interchange recipient is not the actual recipient',
	'12': 'A value is not valid',
	'13': 'Something mandatory is missing',
	'14': 'The value is not supported in this position',
	'15': 'The segment is not supported in this position',
	'16': 'There are too many constituents',
	'17': 'No agreement allows this value',
	'18': 'An unspecified error',
	'19': 'The decimal mark is not valid, or not the one the UNA declares',
	'20': 'A character the UNA declares cannot be a service character',
	'21': 'A character is not valid in the character set the UNB names',
	'22': 'A service character is not the one the UNA declares, or not a default one',
	'23': 'The interchange sender is unknown',
	'24': 'The interchange or group is too old',
	'25': 'Test processing is not supported',
	'26': 'A duplicate was detected',
	'27': 'A security function is not supported',
	'28': 'The references in header and trailer differ',
	'29': 'The control count does not match the number received',
	'30': 'Groups and messages are mixed at the same level',
	'31': 'A group holds more than one message type',
	'32': 'A level is empty: the interchange or group holds no message',
	'33': 'Something stands outside any message or group',
	'34': 'Explicit nesting is used where it is not allowed',
	'35': 'A segment or data element repeats too often',
	'36': 'A segment group repeats too often',
	'37': 'A character is of the wrong type (a letter in a numeric element, or a digit in an alphabetic one)',
	'38': 'A decimal mark has no digit before it',
	'39': 'A data element is too long',
	'40': 'A data element is too short',
	'41': 'The network reported a permanent error: sending the same interchange again will not succeed',
	'42': 'The network reported a temporary error: sending the interchange again may succeed',
	'43': 'The network does not know the interchange recipient',
	'45': 'A separator stands right before a segment terminator or another separator (trailing separator)',
	'46': 'A character set is not supported',
	'47': 'This envelope structure is not supported',
	'48': 'A dependency condition is violated',
};

/** CONTRL action codes (UCI4, UCF4, UCM3). */
export const CONTRL_ACTIONS: Record<string, 'accepted' | 'rejected' | 'received'> = {
	'4': 'rejected',
	'7': 'accepted',
	// Only "the interchange was received": a CONTRL saying whether it is accepted may follow.
	'8': 'received',
};

export function describe(table: Record<string, string>, code: string): string {
	if (code === '') return 'An error without a code';
	return Object.hasOwn(table, code) ? table[code] : `Code ${code}`;
}
