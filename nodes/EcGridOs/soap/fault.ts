import { capText, EcGridOsFault, FrameworkFault, type ErrorInfo } from './errors';
import { decodeHtmlText } from './htmlText';
import { errorCodeOfText } from './retCode';
import { childOf, findDescendant, type XmlElement } from './xml';

/** A whole number as a number; anything else exactly as sent (capped), so the user sees it. */
function readErrorCode(text: string): number | string {
	return /^[+-]?\d{1,9}$/.test(text) ? Number(text) : capText(text, 100);
}

function readErrorInfo(detail: XmlElement | undefined): ErrorInfo | undefined {
	if (!detail) return undefined;
	// Loren Data's clients read detail/ErrorInfo/*; their docs show the four fields bare.
	const info =
		findDescendant(detail, 'ErrorInfo') ?? (childOf(detail, 'ErrorCode') ? detail : undefined);
	if (!info) return undefined;
	const text = (name: string) => capText(childOf(info, name)?.text.trim() ?? '');
	return {
		errorCode: readErrorCode(childOf(info, 'ErrorCode')?.text.trim() ?? ''),
		errorString: text('ErrorString'),
		errorItem: text('ErrorItem'),
		errorMessage: text('ErrorMessage'),
	};
}

/** `Code/Value` plus nested `Subcode/Value`s, joined as `soap:Sender/ns:Detail`. */
function readSoap12Code(code: XmlElement | undefined): string {
	const values: string[] = [];
	for (let level = code; level && values.length < 8; level = childOf(level, 'Subcode')) {
		const value = childOf(level, 'Value')?.text.trim();
		if (value) values.push(capText(value, 200));
	}
	return values.join('/');
}

/**
 * Reads a SOAP Fault element of either version:
 * 1.1 `<faultcode/><faultstring/><detail><ErrorInfo>…</ErrorInfo></detail>`,
 * 1.2 `<Code><Value/></Code><Reason><Text/></Reason><Detail><ErrorInfo>…</ErrorInfo></Detail>`
 * (or `<detail>`, as ASMX sends it).
 */
export function readFault(fault: XmlElement, httpStatus: number): EcGridOsFault | FrameworkFault {
	const isSoap12 = childOf(fault, 'Code') !== undefined || childOf(fault, 'Reason') !== undefined;
	const faultCode = isSoap12
		? readSoap12Code(childOf(fault, 'Code'))
		: capText(childOf(fault, 'faultcode')?.text.trim() ?? '', 200);
	const faultString = capText(
		isSoap12
			? (childOf(childOf(fault, 'Reason'), 'Text')?.text.trim() ?? '')
			: (childOf(fault, 'faultstring')?.text.trim() ?? ''),
	);
	// ASMX writes the service's own detail element as it was built, in either version: ECGridOS's
	// is `detail` in no namespace, so a 1.2 fault may carry `<detail>` where SOAP 1.2 says Detail.
	const errorInfo = readErrorInfo(childOf(fault, 'detail') ?? childOf(fault, 'Detail'));
	if (errorInfo) return new EcGridOsFault(errorInfo, faultCode, httpStatus, faultString);
	return new FrameworkFault(
		faultString || 'The ECGridOS service returned a fault',
		faultCode,
		httpStatus,
	);
}

/** The plain-text form of an ECGridOS error: a SoapException whose text is a RetCode's wording. */
const ECGRIDOS_EXCEPTION = 'System.Web.Services.Protocols.SoapException';

/**
 * The GET/POST bindings answer errors with a plain-text .NET exception, e.g.
 * `System.InvalidOperationException: Missing parameter: UserID.`, maybe more text lines, then a
 * stack trace (`   at …`). The first line is the message; the other text lines are detail.
 * ECGridOS's own errors come as `…SoapException: Session timed out.` plus `ErrorMessage: …`:
 * they become the same EcGridOsFault the SOAP bindings give, with the ErrorCode the text names.
 * Under ASP.NET's customErrors (by default for every caller on another machine) ASMX writes the
 * message alone (`Session timed out.`), without the type; in both forms HTML-encoded.
 */
export function readPlainTextException(
	body: string,
	httpStatus: number,
): EcGridOsFault | FrameworkFault {
	const lines = decodeHtmlText(body).trim().split(/\r?\n/);
	const match = /^([\w.]+(?:Exception|Error)):\s*(.*)$/.exec(lines[0] ?? '');
	const message = capText(
		(match ? match[2] : (lines[0] ?? '')).trim() || 'The ECGridOS service returned an error',
		500,
	);
	const stackStart = lines.findIndex((line, index) => index > 0 && /^\s+at |^\s*---/.test(line));
	const detailLines = lines
		.slice(1, stackStart === -1 ? undefined : stackStart)
		.map((line) => line.trim())
		.filter(Boolean);
	const fromEcGridOs = match ? match[1] === ECGRIDOS_EXCEPTION : true;
	const errorCode = fromEcGridOs ? errorCodeOfText(message) : undefined;
	if (errorCode !== undefined) {
		const field = (name: string) =>
			detailLines
				.find((line) => line.startsWith(`${name}:`))
				?.slice(name.length + 1)
				.trim() ?? '';
		const errorInfo: ErrorInfo = {
			errorCode,
			errorString: message,
			errorItem: capText(field('ErrorItem')),
			errorMessage: capText(field('ErrorMessage')),
		};
		return new EcGridOsFault(errorInfo, match?.[1] ?? '', httpStatus, message);
	}
	return new FrameworkFault(message, match?.[1] ?? '', httpStatus, capText(detailLines.join(' ')));
}
