import { summarizeEnvelope, type EnvelopeSummary } from '../../nodes/shared/edi';
import { readSample, sampleNames } from './samples';

const X12_DEFAULT_DELIMITERS = { element: '*', segment: '~', subElement: '>' };
const EDIFACT_DEFAULT_DELIMITERS = {
	component: ':',
	element: '+',
	decimal: '.',
	release: '?',
	repetition: ' ',
	segment: "'",
};
const GLOBEX = { qualifier: 'ZZ', id: 'GLOBEXRETAIL' };
const ACME = { qualifier: 'ZZ', id: 'ACMESUPPLY' };
const ACME_GROUP = { sender: 'ACMESUPPLY', receiver: 'GLOBEXRETAIL', version: '004010' };

/** Every sample's full summary, written out by hand: the reader must produce exactly this. */
const EXPECTED: Record<string, EnvelopeSummary> = {
	'x12-850-purchase-order.edi': {
		standard: 'X12',
		sender: GLOBEX,
		receiver: ACME,
		controlNumber: '000000101',
		date: '261201',
		time: '0930',
		usageIndicator: 'P',
		version: '00401',
		interchanges: [{ sender: GLOBEX, receiver: ACME, controlNumber: '000000101' }],
		functionalGroups: [
			{
				functionalId: 'PO',
				sender: 'GLOBEXRETAIL',
				receiver: 'ACMESUPPLY',
				controlNumber: '101',
				version: '004010',
			},
		],
		transactionSets: [{ code: '850', count: 1 }],
		delimiters: X12_DEFAULT_DELIMITERS,
	},
	'x12-997-functional-ack.edi': {
		standard: 'X12',
		sender: ACME,
		receiver: GLOBEX,
		controlNumber: '000000201',
		date: '261201',
		time: '0945',
		usageIndicator: 'P',
		version: '00401',
		interchanges: [{ sender: ACME, receiver: GLOBEX, controlNumber: '000000201' }],
		functionalGroups: [{ functionalId: 'FA', controlNumber: '201', ...ACME_GROUP }],
		transactionSets: [{ code: '997', count: 1 }],
		delimiters: X12_DEFAULT_DELIMITERS,
	},
	'x12-856-ship-notice.edi': {
		standard: 'X12',
		sender: ACME,
		receiver: GLOBEX,
		controlNumber: '000000202',
		date: '261202',
		time: '1600',
		usageIndicator: 'P',
		version: '00401',
		interchanges: [{ sender: ACME, receiver: GLOBEX, controlNumber: '000000202' }],
		functionalGroups: [{ functionalId: 'SH', controlNumber: '202', ...ACME_GROUP }],
		transactionSets: [{ code: '856', count: 1 }],
		delimiters: X12_DEFAULT_DELIMITERS,
	},
	'x12-810-invoice.edi': {
		standard: 'X12',
		sender: ACME,
		receiver: GLOBEX,
		controlNumber: '000000203',
		date: '261203',
		time: '1415',
		usageIndicator: 'P',
		version: '00401',
		interchanges: [{ sender: ACME, receiver: GLOBEX, controlNumber: '000000203' }],
		functionalGroups: [{ functionalId: 'IN', controlNumber: '203', ...ACME_GROUP }],
		transactionSets: [{ code: '810', count: 1 }],
		delimiters: X12_DEFAULT_DELIMITERS,
	},
	'x12-two-groups-invoices-and-ship-notices.edi': {
		standard: 'X12',
		sender: ACME,
		receiver: GLOBEX,
		controlNumber: '000000204',
		date: '261204',
		time: '0800',
		usageIndicator: 'P',
		version: '00401',
		interchanges: [{ sender: ACME, receiver: GLOBEX, controlNumber: '000000204' }],
		functionalGroups: [
			{ functionalId: 'IN', controlNumber: '204', ...ACME_GROUP },
			{ functionalId: 'SH', controlNumber: '205', ...ACME_GROUP },
		],
		transactionSets: [
			{ code: '810', count: 2 },
			{ code: '856', count: 2 },
		],
		delimiters: X12_DEFAULT_DELIMITERS,
	},
	'x12-850-custom-delimiters.edi': {
		standard: 'X12',
		sender: { qualifier: 'ZZ', id: 'INITECHSTORES' },
		receiver: ACME,
		controlNumber: '000004711',
		date: '261201',
		time: '1100',
		usageIndicator: 'T',
		version: '00501',
		interchanges: [
			{
				sender: { qualifier: 'ZZ', id: 'INITECHSTORES' },
				receiver: ACME,
				controlNumber: '000004711',
			},
		],
		functionalGroups: [
			{
				functionalId: 'PO',
				sender: 'INITECHSTORES',
				receiver: 'ACMESUPPLY',
				controlNumber: '4711',
				version: '005010',
			},
		],
		transactionSets: [{ code: '850', count: 1 }],
		delimiters: { element: '|', segment: '~', subElement: '^', repetition: '{' },
	},
	'edifact-orders.edi': {
		standard: 'EDIFACT',
		sender: { id: 'GLOBEXRETAIL', qualifier: 'ZZ' },
		receiver: { id: 'ACMESUPPLY', qualifier: 'ZZ' },
		controlReference: 'GR000731',
		syntax: { id: 'UNOC', version: '3' },
		date: '261201',
		time: '0930',
		applicationReference: 'ORDERS',
		interchanges: [
			{
				sender: { id: 'GLOBEXRETAIL', qualifier: 'ZZ' },
				receiver: { id: 'ACMESUPPLY', qualifier: 'ZZ' },
				controlReference: 'GR000731',
			},
		],
		messageTypes: [
			{
				type: 'ORDERS',
				version: 'D',
				release: '96A',
				agency: 'UN',
				associationCode: 'EAN008',
				count: 1,
			},
		],
		delimiters: EDIFACT_DEFAULT_DELIMITERS,
	},
	'edifact-invoic.edi': {
		standard: 'EDIFACT',
		sender: { id: 'ACMESUPPLY', qualifier: 'ZZ' },
		receiver: { id: 'GLOBEXRETAIL', qualifier: 'ZZ' },
		controlReference: 'AS000412',
		syntax: { id: 'UNOC', version: '3' },
		date: '261203',
		time: '1415',
		applicationReference: 'INVOIC',
		interchanges: [
			{
				sender: { id: 'ACMESUPPLY', qualifier: 'ZZ' },
				receiver: { id: 'GLOBEXRETAIL', qualifier: 'ZZ' },
				controlReference: 'AS000412',
			},
		],
		messageTypes: [
			{
				type: 'INVOIC',
				version: 'D',
				release: '96A',
				agency: 'UN',
				associationCode: 'EAN008',
				count: 2,
			},
		],
		delimiters: EDIFACT_DEFAULT_DELIMITERS,
	},
	'edifact-invoic-custom-delimiters.edi': {
		standard: 'EDIFACT',
		sender: { id: 'ACMESUPPLY', qualifier: 'ZZ' },
		receiver: { id: 'INITECHSTORES' },
		controlReference: 'AS000413',
		syntax: { id: 'UNOC', version: '4' },
		date: '20261205',
		time: '1030',
		applicationReference: 'INVOIC',
		testIndicator: '1',
		interchanges: [
			{
				sender: { id: 'ACMESUPPLY', qualifier: 'ZZ' },
				receiver: { id: 'INITECHSTORES' },
				controlReference: 'AS000413',
			},
		],
		messageTypes: [{ type: 'INVOIC', version: 'D', release: '01B', agency: 'UN', count: 1 }],
		delimiters: {
			component: '^',
			element: '|',
			decimal: ',',
			release: '!',
			repetition: '*',
			segment: '~',
		},
	},
};

describe('the sample files in examples/edi', () => {
	it('are exactly the ones this test describes', () => {
		expect(sampleNames()).toEqual(Object.keys(EXPECTED).sort());
	});

	it.each(Object.keys(EXPECTED))('%s is summarised exactly', (name) => {
		expect(summarizeEnvelope(readSample(name))).toStrictEqual(EXPECTED[name]);
	});
});

/*
 * The samples must be envelopes a real translator accepts: counts and control numbers in the
 * trailers match their headers. This check is independent of the reader under test: it splits
 * the files the simple way, which is fine for a handful of small files.
 */
function x12Problems(text: string): string[] {
	const problems: string[] = [];
	const element = text[3];
	const terminator = text[105];
	if (text.indexOf(terminator) !== 105) problems.push('ISA is not 106 characters');
	const segments = text
		.split(terminator)
		.map((segment) => segment.trim())
		.filter((segment) => segment !== '')
		.map((segment) => segment.split(element));
	const isa = segments[0];
	let groups = 0;
	let group: string[] | undefined;
	let setsInGroup = 0;
	let set: string[] | undefined;
	let segmentsInSet = 0;
	for (const segment of segments) {
		if (set) segmentsInSet++;
		switch (segment[0]) {
			case 'GS':
				group = segment;
				groups++;
				setsInGroup = 0;
				break;
			case 'ST':
				set = segment;
				segmentsInSet = 1;
				setsInGroup++;
				break;
			case 'SE':
				if (segment[1] !== String(segmentsInSet)) problems.push(`SE01 ${segment[1]}`);
				if (segment[2] !== set?.[2]) problems.push(`SE02 ${segment[2]}`);
				set = undefined;
				break;
			case 'GE':
				if (segment[1] !== String(setsInGroup)) problems.push(`GE01 ${segment[1]}`);
				if (segment[2] !== group?.[6]) problems.push(`GE02 ${segment[2]}`);
				break;
			case 'IEA':
				if (segment[1] !== String(groups)) problems.push(`IEA01 ${segment[1]}`);
				if (segment[2] !== isa[13]) problems.push(`IEA02 ${segment[2]}`);
		}
	}
	if (segments.at(-1)?.[0] !== 'IEA') problems.push('no IEA at the end');
	return problems;
}

function edifactProblems(text: string): string[] {
	const problems: string[] = [];
	const una = text.startsWith('UNA') ? text.slice(3, 9) : ":+.? '";
	const [, element, , release, , terminator] = una;
	const body = text.startsWith('UNA') ? text.slice(9) : text;
	const segments: string[][] = [];
	let current = '';
	for (let index = 0; index < body.length; index++) {
		const char = body[index];
		if (char === release) current += char + body[++index];
		else if (char === terminator) {
			segments.push(current.trim().split(element));
			current = '';
		} else current += char;
	}
	if (current.trim() !== '') problems.push('text after the last segment terminator');
	let messages = 0;
	let header: string[] | undefined;
	let segmentsInMessage = 0;
	for (const segment of segments) {
		if (header) segmentsInMessage++;
		if (segment[0] === 'UNH') {
			header = segment;
			segmentsInMessage = 1;
			messages++;
		} else if (segment[0] === 'UNT') {
			if (segment[1] !== String(segmentsInMessage)) problems.push(`UNT01 ${segment[1]}`);
			if (segment[2] !== header?.[1]) problems.push(`UNT02 ${segment[2]}`);
			header = undefined;
		} else if (segment[0] === 'UNZ') {
			if (segment[1] !== String(messages)) problems.push(`UNZ01 ${segment[1]}`);
			if (segment[2] !== segments[0][5]) problems.push(`UNZ02 ${segment[2]}`);
		}
	}
	if (segments[0]?.[0] !== 'UNB') problems.push('no UNB first');
	if (segments.at(-1)?.[0] !== 'UNZ') problems.push('no UNZ at the end');
	return problems;
}

describe('the sample files are well-formed interchanges', () => {
	it.each(Object.keys(EXPECTED))('%s has matching trailer counts and control numbers', (name) => {
		const text = readSample(name).toString('latin1');
		expect(name.startsWith('x12') ? x12Problems(text) : edifactProblems(text)).toEqual([]);
	});

	it('keeps the line endings each sample is about', () => {
		expect(readSample('x12-850-custom-delimiters.edi').toString('latin1')).toContain('~\r\nGS|');
		expect(readSample('x12-997-functional-ack.edi').toString('latin1')).not.toMatch(/[\r\n]/);
		expect(readSample('edifact-orders.edi').toString('latin1')).not.toMatch(/[\r\n]/);
		expect(readSample('edifact-invoic.edi').toString('latin1')).toMatch(/^UNA:\+\.\? '\nUNB/);
	});
});
