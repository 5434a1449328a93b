import { EcGridOsFault, FrameworkFault, type ErrorInfo } from './errors';
import { childOf, findDescendant, type XmlElement } from './xml';

function readErrorInfo(detail: XmlElement | undefined): ErrorInfo | undefined {
	if (!detail) return undefined;
	// Loren Data's clients read detail/ErrorInfo/*; their docs show the four fields bare.
	const info =
		findDescendant(detail, 'ErrorInfo') ?? (childOf(detail, 'ErrorCode') ? detail : undefined);
	if (!info) return undefined;
	const text = (name: string) => childOf(info, name)?.text.trim() ?? '';
	return {
		errorCode: Number.parseInt(text('ErrorCode'), 10),
		errorString: text('ErrorString'),
		errorItem: text('ErrorItem'),
		errorMessage: text('ErrorMessage'),
	};
}

/** `Code/Value` plus nested `Subcode/Value`s, joined as `soap:Sender/ns:Detail`. */
function readSoap12Code(code: XmlElement | undefined): string {
	const values: string[] = [];
	for (let level = code; level; level = childOf(level, 'Subcode')) {
		const value = childOf(level, 'Value')?.text.trim();
		if (value) values.push(value);
	}
	return values.join('/');
}

/**
 * Reads a SOAP Fault element of either version:
 * 1.1 `<faultcode/><faultstring/><detail><ErrorInfo>…</ErrorInfo></detail>`,
 * 1.2 `<Code><Value/></Code><Reason><Text/></Reason><Detail><ErrorInfo>…</ErrorInfo></Detail>`.
 */
export function readFault(fault: XmlElement, httpStatus: number): EcGridOsFault | FrameworkFault {
	const isSoap12 = childOf(fault, 'Code') !== undefined || childOf(fault, 'Reason') !== undefined;
	const faultCode = isSoap12
		? readSoap12Code(childOf(fault, 'Code'))
		: (childOf(fault, 'faultcode')?.text.trim() ?? '');
	const faultString = isSoap12
		? (childOf(childOf(fault, 'Reason'), 'Text')?.text.trim() ?? '')
		: (childOf(fault, 'faultstring')?.text.trim() ?? '');
	const errorInfo = readErrorInfo(childOf(fault, isSoap12 ? 'Detail' : 'detail'));
	if (errorInfo) return new EcGridOsFault(errorInfo, faultCode, httpStatus, faultString);
	return new FrameworkFault(
		faultString || 'The ECGridOS service returned a fault',
		faultCode,
		httpStatus,
	);
}

/**
 * The GET/POST bindings answer errors with a plain-text .NET exception, e.g.
 * `System.InvalidOperationException: Missing parameter: UserID.`, maybe more text lines, then a
 * stack trace (`   at …`). The first line is the message; the other text lines are detail.
 */
export function readPlainTextException(body: string, httpStatus: number): FrameworkFault {
	const lines = body.trim().split(/\r?\n/);
	const match = /^([\w.]+(?:Exception|Error)):\s*(.*)$/.exec(lines[0] ?? '');
	const message =
		(match ? match[2] : (lines[0] ?? '')).trim() || 'The ECGridOS service returned an error';
	const stackStart = lines.findIndex((line, index) => index > 0 && /^\s+at |^\s*---/.test(line));
	const detail = lines
		.slice(1, stackStart === -1 ? undefined : stackStart)
		.map((line) => line.trim())
		.filter(Boolean)
		.join(' ');
	return new FrameworkFault(
		message.slice(0, 500),
		match?.[1] ?? '',
		httpStatus,
		detail.slice(0, 1000),
	);
}
