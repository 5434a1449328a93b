import type { EdiStandard } from './records';

/** One interchange envelope found in a file: who it is from and to, and its control number. */
export interface Envelope {
	standard: 'X12' | 'EDIFACT';
	senderQualifier: string;
	senderId: string;
	receiverQualifier: string;
	receiverId: string;
	/** ISA13 / UNB interchange control reference, as the raw string. */
	controlId: string;
	/** First transaction set (ST01) or message type (UNH 0065), e.g. `850`, `ORDERS`. */
	documentType: string;
	/** The ISA or UNB segment as it appears in the file. */
	header: string;
	bytes: number;
}

/** X12 if it starts with ISA, EDIFACT with UNA/UNB, XML with `<`, text if printable, else binary. */
export function detectStandard(content: Buffer): EdiStandard {
	const head = content
		.subarray(0, 512)
		.toString('latin1')
		.replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
	const start = head.trimStart();
	if (start.startsWith('ISA')) return 'X12';
	if (start.startsWith('UNA') || start.startsWith('UNB')) return 'EDIFACT';
	if (start.startsWith('<')) return 'XML';
	return isPrintableText(content) ? 'TXT' : 'Binary';
}

function isPrintableText(content: Buffer): boolean {
	if (content.length === 0) return true;
	const text = content.toString('utf8');
	if (Buffer.from(text, 'utf8').compare(content) !== 0) return false;
	return !/[\x00-\x08\x0E-\x1F\x7F]/.test(text);
}

/** Every envelope in an X12 or EDIFACT file; [] for anything else or an unreadable header. */
export function readEnvelopes(content: Buffer): Envelope[] {
	const standard = detectStandard(content);
	const text = content.toString('latin1').trimStart();
	if (standard === 'X12') return readX12(text);
	if (standard === 'EDIFACT') return readEdifact(text);
	return [];
}

function readX12(text: string): Envelope[] {
	const envelopes: Envelope[] = [];
	let at = text.indexOf('ISA');
	while (at >= 0 && text.length - at >= 106) {
		const elementSep = text[at + 3];
		const fields = text.slice(at, at + 106).split(elementSep);
		if (fields.length < 17) break;
		const segmentTerm = text[at + 105];
		const end = text.indexOf(`IEA${elementSep}`, at + 106);
		const stop = end < 0 ? text.length : text.indexOf(segmentTerm, end) + 1 || text.length;
		const body = text.slice(at, stop);
		const segments = body.split(segmentTerm).map((s) => s.trim());
		const st = segments.find((s) => s.startsWith(`ST${elementSep}`));
		envelopes.push({
			standard: 'X12',
			senderQualifier: fields[5].trim(),
			senderId: fields[6].trim(),
			receiverQualifier: fields[7].trim(),
			receiverId: fields[8].trim(),
			controlId: fields[13],
			documentType: st ? (st.split(elementSep)[1] ?? '') : '',
			header: text.slice(at, at + 106),
			bytes: Buffer.byteLength(body, 'latin1'),
		});
		at = end < 0 ? -1 : text.indexOf(`ISA${elementSep}`, stop);
	}
	return envelopes;
}

function readEdifact(text: string): Envelope[] {
	let component = ':';
	let element = '+';
	let release = '?';
	let terminator = "'";
	let rest = text;
	if (text.startsWith('UNA')) {
		component = text[3];
		element = text[4];
		release = text[6];
		terminator = text[8];
		rest = text.slice(9).trimStart();
	}
	const segments = splitUnescaped(rest, terminator, release).map((s) => s.trim());
	const envelopes: Envelope[] = [];
	for (let i = 0; i < segments.length; i++) {
		if (!segments[i].startsWith(`UNB${element}`)) continue;
		const elements = splitUnescaped(segments[i], element, release);
		const sender = splitUnescaped(elements[2] ?? '', component, release);
		const receiver = splitUnescaped(elements[3] ?? '', component, release);
		const unh = segments.slice(i + 1).find((s) => s.startsWith(`UNH${element}`));
		const messageType = unh ? (splitUnescaped(unh, element, release)[2] ?? '') : '';
		const unz = segments.findIndex((s, j) => j > i && s.startsWith(`UNZ${element}`));
		const last = unz < 0 ? segments.length - 1 : unz;
		envelopes.push({
			standard: 'EDIFACT',
			senderId: sender[0] ?? '',
			senderQualifier: sender[1] ?? '',
			receiverId: receiver[0] ?? '',
			receiverQualifier: receiver[1] ?? '',
			controlId: elements[5] ?? '',
			documentType: splitUnescaped(messageType, component, release)[0] ?? '',
			header: segments[i],
			bytes: segments.slice(i, last + 1).reduce((n, s) => n + s.length + 1, 0),
		});
	}
	return envelopes;
}

/** Split on `separator` except where the release character escapes it. */
function splitUnescaped(text: string, separator: string, release: string): string[] {
	const parts: string[] = [];
	let current = '';
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (char === release && i + 1 < text.length) {
			current += char + text[i + 1];
			i++;
		} else if (char === separator) {
			parts.push(current);
			current = '';
		} else {
			current += char;
		}
	}
	parts.push(current);
	return parts;
}
