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
};

/** AK905-AK909: group-level error codes. */
export const GROUP_ERRORS: Record<string, string> = {
	'1': 'This functional group is not supported',
	'2': 'This functional group version is not supported',
	'3': 'The group trailer (GE) is missing',
	'4': 'The group control numbers in GS06 and GE02 differ',
	'5': 'GE01 does not match the number of transaction sets',
	'6': 'The group control number is not valid or was used before',
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
	'23': 'The transaction set control number is not unique in the group',
	// 999 only: the implementation guide's rules, beyond the standard's.
	I5: 'One or more segments break the implementation guide',
	I6: 'This implementation guide is not supported',
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
	I6: 'The implementation guide does not allow this code here',
	I7: 'A loop occurs fewer times than the implementation guide requires',
	I8: 'A segment occurs fewer times than the implementation guide requires',
	I9: 'A segment the implementation guide requires in this situation is missing',
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
