/**
 * The two kinds of failure the simulator answers with.
 *
 * - `EcGridError`: an ECGridOS business error. On SOAP it becomes a fault whose `detail` carries
 *   `<ErrorInfo>`; on HTTP GET/POST a plain-text SoapException (see responses.ts).
 * - `FrameworkFault`: what ASMX itself says before ECGridOS code runs (bad SOAPAction, missing
 *   parameter, unparsable int …). Never carries ErrorInfo.
 */

/** ECGridOS `RetCode`, numbered from Unknown = -1 (so InvalidDataLength = 8, as documented). */
export const RetCode = {
	Unknown: -1,
	Success: 0,
	SessionTimeout: 1,
	AccessDenied: 2,
	NotFound: 3,
	InvalidID: 4,
	Duplicate: 5,
	IDExistsOnNetwork: 6,
	InvalidDataType: 7,
	InvalidDataLength: 8,
	DataError: 9,
	SQLError: 10,
	InternalError: 11,
} as const;

export type RetCodeName = keyof typeof RetCode;

/** Our own short wording per code; ECGridOS puts this in ErrorString and in the faultstring. */
const ERROR_STRINGS: Record<RetCodeName, string> = {
	Unknown: 'Unknown error.',
	Success: 'Success.',
	SessionTimeout: 'Session timed out.',
	AccessDenied: 'Access denied.',
	NotFound: 'Not found.',
	InvalidID: 'Invalid ID.',
	Duplicate: 'Duplicate.',
	IDExistsOnNetwork: 'ID exists on network.',
	InvalidDataType: 'Invalid data type.',
	InvalidDataLength: 'Invalid data length.',
	DataError: 'Data error.',
	SQLError: 'SQL error.',
	InternalError: 'Internal error.',
};

export class EcGridError extends Error {
	readonly code: number;
	readonly errorString: string;

	constructor(
		readonly retCode: RetCodeName,
		/** The parameter or field the error is about (`ErrorItem`), '' if none. */
		readonly item: string,
		/** Free text (`ErrorMessage`). Must never contain a secret. */
		readonly detailMessage: string,
	) {
		super(`${ERROR_STRINGS[retCode]} ${detailMessage}`.trim());
		this.name = 'EcGridError';
		this.code = RetCode[retCode];
		this.errorString = ERROR_STRINGS[retCode];
	}
}

/** SOAP fault code family; mapped to the 1.1 or 1.2 spelling when serialized. */
export type FaultSide = 'Client' | 'Server' | 'VersionMismatch';

export class FrameworkFault extends Error {
	constructor(
		readonly side: FaultSide,
		/** faultstring / Reason text on the SOAP bindings. */
		readonly soapMessage: string,
		/** Full plain-text body on the HTTP GET/POST bindings (ASMX exception text). */
		readonly plainText: string = soapMessage,
	) {
		super(soapMessage);
		this.name = 'FrameworkFault';
	}
}

/** ASMX's words for a GET/POST request that misses a parameter. */
export function missingParameter(name: string): FrameworkFault {
	return new FrameworkFault(
		'Client',
		`Server was unable to read request. ---> Missing parameter: ${name}.`,
		`System.InvalidOperationException: Missing parameter: ${name}.\r\n` +
			'   at System.Web.Services.Protocols.ValueCollectionParameterReader.Read(NameValueCollection collection)',
	);
}
