import { summarizeEnvelope, type EdifactSummary } from '../../nodes/shared/edi';

const summarize = (text: string) =>
	summarizeEnvelope(Buffer.from(text, 'latin1')) as EdifactSummary;

const DEFAULTS = {
	component: ':',
	element: '+',
	decimal: '.',
	release: '?',
	repetition: ' ',
	segment: "'",
};

const ORDERS = { type: 'ORDERS', version: 'D', release: '96A', agency: 'UN', count: 1 };

const INTERCHANGE =
	"UNB+UNOA:2+GLOBEXRETAIL:ZZ+ACMESUPPLY+261201:0930+R1'" +
	"UNH+1+ORDERS:D:96A:UN'BGM+220+PO-1+9'UNT+3+1'" +
	"UNZ+1+R1'";

const SUMMARY: EdifactSummary = {
	standard: 'EDIFACT',
	sender: { id: 'GLOBEXRETAIL', qualifier: 'ZZ' },
	receiver: { id: 'ACMESUPPLY' },
	controlReference: 'R1',
	syntax: { id: 'UNOA', version: '2' },
	date: '261201',
	time: '0930',
	interchanges: [
		{
			sender: { id: 'GLOBEXRETAIL', qualifier: 'ZZ' },
			receiver: { id: 'ACMESUPPLY' },
			controlReference: 'R1',
		},
	],
	messageTypes: [ORDERS],
	delimiters: DEFAULTS,
};

/** The interchange above written with other service characters, announced by a UNA. */
function withUna(una: string): string {
	const [component, element, , release, , segment] = una;
	return (
		`UNA${una}` +
		INTERCHANGE.replace(/[?:+']/g, (char) =>
			char === ':' ? component : char === '+' ? element : char === "'" ? segment : release,
		)
	);
}

describe('EDIFACT service characters', () => {
	it("uses the defaults :+.? ' without a UNA", () => {
		expect(summarize(INTERCHANGE)).toStrictEqual(SUMMARY);
	});

	it('honours a UNA that repeats the defaults', () => {
		expect(summarize(`UNA:+.? '${INTERCHANGE}`)).toStrictEqual(SUMMARY);
	});

	it('honours a UNA with other characters in every position', () => {
		expect(summarize(withUna('^|,!*~'))).toStrictEqual({
			...SUMMARY,
			delimiters: {
				component: '^',
				element: '|',
				decimal: ',',
				release: '!',
				// A syntax version 2 interchange: the fifth character is reserved, whatever it holds.
				repetition: ' ',
				segment: '~',
			},
		});
	});

	it('takes a space in the UNA release position as "no release character"', () => {
		const summary = summarize(`UNA:+.  '${INTERCHANGE.replace('GLOBEXRETAIL', 'GLOBEX?')}`);
		expect(summary.delimiters.release).toBe('');
		expect(summary.sender.id).toBe('GLOBEX?');
	});

	it('makes * the repetition separator of syntax version 4 when there is no UNA', () => {
		const summary = summarize(INTERCHANGE.replace('UNOA:2', 'UNOC:4'));
		expect(summary.delimiters).toStrictEqual({ ...DEFAULTS, repetition: '*' });
		// A UNA's own fifth character is kept as it is.
		expect(
			summarize(`UNA:+.? '${INTERCHANGE.replace('UNOA:2', 'UNOC:4')}`).delimiters,
		).toStrictEqual(DEFAULTS);
	});

	it('reads a UNB that follows the UNA on the next line, and CRLF after every segment', () => {
		const text = `  UNA:+.? '\r\n${INTERCHANGE.replace(/'/g, "'\r\n")}\r\n`;
		expect(summarize(text)).toStrictEqual(SUMMARY);
	});
});

describe('EDIFACT release character', () => {
	it('unescapes separators in the values it reports', () => {
		const text = INTERCHANGE.replace('GLOBEXRETAIL:ZZ', "GLOBEX?+SONS?:CO?':ZZ").replace(
			'R1',
			'R??1',
		);
		const summary = summarize(text);
		expect(summary.sender).toEqual({ id: "GLOBEX+SONS:CO'", qualifier: 'ZZ' });
		expect(summary.controlReference).toBe('R?1');
	});

	it('does not end a segment at a released terminator, so text after it is no segment', () => {
		const text = INTERCHANGE.replace(
			"BGM+220+PO-1+9'",
			"FTX+AAI+++Not a message?'UNH+2+INVOIC:D:96A:UN'",
		);
		expect(summarize(text).messageTypes).toEqual([ORDERS]);
	});

	it('ends a segment at a terminator after a released release character', () => {
		const text = INTERCHANGE.replace(
			"BGM+220+PO-1+9'",
			"FTX+AAI+++Ends with a question mark??'UNH+2+INVOIC:D:96A:UN'",
		);
		expect(summarize(text).messageTypes).toEqual([
			{ type: 'INVOIC', version: 'D', release: '96A', agency: 'UN', count: 1 },
			ORDERS,
		]);
	});

	it('does the same with a release character of its own', () => {
		const text = withUna('^|,!*~').replace('PO-1', 'PO-1!~UNH|9|DESADV^D^96A^UN');
		expect(summarize(text).messageTypes).toEqual([ORDERS]);
	});
});

describe('EDIFACT messages and interchanges', () => {
	it('counts messages per full identifier, sorted', () => {
		const messages = [
			'DESADV:D:96A:UN:EAN005',
			'ORDERS:D:96A:UN',
			'ORDERS:D:01B:UN',
			'ORDERS:D:96A:UN',
			'ORDERS:D:96A:UN:EAN008',
		]
			.map((type, index) => `UNH+${index + 1}+${type}'UNT+2+${index + 1}'`)
			.join('');
		const summary = summarize(`UNB+UNOA:2+A+B+261201:0930+R1'${messages}UNZ+5+R1'`);
		expect(summary.messageTypes).toEqual([
			{
				type: 'DESADV',
				version: 'D',
				release: '96A',
				agency: 'UN',
				associationCode: 'EAN005',
				count: 1,
			},
			{ type: 'ORDERS', version: 'D', release: '01B', agency: 'UN', count: 1 },
			{ type: 'ORDERS', version: 'D', release: '96A', agency: 'UN', count: 2 },
			{
				type: 'ORDERS',
				version: 'D',
				release: '96A',
				agency: 'UN',
				associationCode: 'EAN008',
				count: 1,
			},
		]);
	});

	it('counts at most 100 message types and says how many messages it left out', () => {
		const messages = Array.from(
			{ length: 130 },
			(_, index) => `UNH+${index}+T${index}:D:96A:UN'UNT+2+${index}'`,
		).join('');
		const summary = summarize(`UNB+UNOA:2+A+B+261201:0930+R1'${messages}UNZ+130+R1'`);
		expect(summary.messageTypes).toHaveLength(100);
		expect(summary.warnings).toEqual([
			'Only 100 message types are counted; 30 messages of other types were not',
		]);
	});

	it('reads the optional UNB application reference and test indicator', () => {
		const summary = summarize(INTERCHANGE.replace("+R1'", "+R1++ORDERS++++1'"));
		expect(summary.applicationReference).toBe('ORDERS');
		expect(summary.testIndicator).toBe('1');
	});

	it('reads the first of several interchanges and says so', () => {
		const second = INTERCHANGE.replace(/R1/g, 'R2').replace('GLOBEXRETAIL', 'OTHER');
		const summary = summarize(INTERCHANGE + second);
		expect(summary.controlReference).toBe('R1');
		expect(summary.sender.id).toBe('GLOBEXRETAIL');
		expect(summary.messageTypes).toEqual([{ ...ORDERS, count: 2 }]);
		expect(summary.warnings).toEqual([
			"The file holds 2 interchanges: the UNB values are the first one's, message types are those of all",
		]);
	});
});

describe('EDIFACT that is cut short or out of order', () => {
	it('warns about a truncated UNA', () => {
		expect(summarize('UNA:+')).toMatchObject({
			standard: 'EDIFACT',
			sender: { id: '' },
			controlReference: '',
			delimiters: DEFAULTS,
			warnings: ['The UNA is truncated: 2 of its 6 service characters are present'],
		});
	});

	it('warns about a UNA followed by nothing', () => {
		expect(summarize("UNA:+.? '\n").warnings).toEqual(['The UNA is followed by no segments']);
	});

	it('warns about an interchange without UNB, and still counts its messages', () => {
		const summary = summarize("UNA:+.? 'UNH+1+ORDERS:D:96A:UN'UNT+2+1'");
		expect(summary.messageTypes).toEqual([ORDERS]);
		expect(summary.warnings).toEqual(['The interchange does not start with a UNB segment']);
	});

	it('never throws on any prefix of an interchange', () => {
		const text = `UNA:+.? '${INTERCHANGE}`;
		for (let length = 4; length <= text.length; length++) {
			expect(summarize(text.slice(0, length)).standard).toBe('EDIFACT');
		}
	});
});
