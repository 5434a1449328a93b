import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	createContrl,
	createX12Acknowledgment,
	readEdi,
	readItems,
	type Interchange,
} from '../../../nodes/shared/edi';
import { ackBody, CORPUS, corpusFile, corpusFiles } from './corpus';

/** Per defect file, the acknowledgment segments it must produce (envelope segments left out). */
const expected: Record<string, string[]> = JSON.parse(
	readFileSync(join(CORPUS, 'defects', 'expected-acknowledgments.json'), 'utf8'),
);

const NOW = new Date('2026-12-07T10:30:00Z');

function acknowledge(interchange: Interchange) {
	return interchange.standard === 'X12'
		? createX12Acknowledgment(interchange, {
				kind: '997',
				ta1: 'always',
				acceptedSets: false,
				controlNumber: 5,
				now: NOW,
			})
		: createContrl(interchange, { acceptedSets: false, controlNumber: 5, now: NOW });
}

describe('one file per defect', () => {
	it('has an expectation for every defect file and a file for every expectation', () => {
		expect(Object.keys(expected).sort()).toEqual(corpusFiles('defects'));
	});

	it.each(corpusFiles('defects'))(
		'%s: the acknowledgment carries the expected codes, segment by segment',
		(name) => {
			const [interchange] = readEdi(corpusFile('defects', name));
			const ack = acknowledge(interchange)!;
			expect(ackBody(ack.text, interchange.syntax.terminator)).toEqual(expected[name]);
		},
	);

	it.each(corpusFiles('defects').filter((name) => name.startsWith('x12-')))(
		'%s: the 999 carries the same codes in IK3/IK4/IK5, with the group version in AK103',
		(name) => {
			const [interchange] = readEdi(corpusFile('defects', name));
			const ack = createX12Acknowledgment(interchange, {
				kind: '999',
				ta1: 'always',
				acceptedSets: false,
				controlNumber: 5,
				now: NOW,
			})!;
			const version = interchange.groups[0].header?.elements[7];
			expect(ackBody(ack.text, interchange.syntax.terminator)).toEqual(
				expected[name].map((line) =>
					line.startsWith('AK1*')
						? [...line.split('*').concat('', '').slice(0, 3), version].join('*')
						: line.replace(/^AK([345])\*/, 'IK$1*'),
				),
			);
		},
	);

	it.each(corpusFiles('defects'))(
		'%s: some item carries errors that say where, in a sentence',
		(name) => {
			const items = readItems(readEdi(corpusFile('defects', name)), 'set');
			const flagged = items.filter((item) => (item.errors as unknown[]).length > 0);
			expect(flagged.length).toBeGreaterThan(0);
			for (const item of flagged) {
				const errors = item.errors as Array<{ message: string; segment?: string }>;
				expect(errors.length).toBeGreaterThan(0);
				for (const error of errors) expect(error.message).toMatch(/^[A-Z0-9"].{10,}/);
				expect(
					errors.some((error) => error.segment !== undefined || /segment|set/.test(error.message)),
				).toBe(true);
			}
		},
	);

	it('rejects a set whose mandatory element is empty, naming the element and its position', () => {
		const [item] = readItems(readEdi(corpusFile('defects', 'x12-850-beg03-empty.x12')), 'set');
		expect(item).toMatchObject({ status: 'rejected', valid: false });
		expect(item.errors).toContainEqual({
			level: 'element',
			code: '1',
			segment: 'BEG',
			position: 2,
			element: 3,
			reference: 'BEG03',
			message: 'BEG03 (segment BEG at position 2) is mandatory but empty',
		});
	});

	it('keeps the accepted set of a group apart from the rejected one', () => {
		const items = readItems(
			readEdi(corpusFile('defects', 'x12-se01-segment-count-wrong.x12')),
			'set',
		);
		expect(items.map((item) => [item.status, item.valid])).toEqual([
			['rejected', false],
			['accepted', true],
		]);
		expect(items[0].group).toMatchObject({ status: 'partiallyAccepted' });
	});

	it('notes a doubtful ISA date without rejecting the sets', () => {
		const [interchange] = readEdi(corpusFile('defects', 'x12-isa-bad-date.x12'));
		expect(interchange.verdict).toBe('E');
		expect(readItems([interchange], 'set')[0]).toMatchObject({ status: 'accepted', valid: true });
	});

	it('rejects every set of an interchange whose envelope is broken', () => {
		const items = readItems(
			readEdi(corpusFile('defects', 'x12-iea02-control-number-mismatch.x12')),
			'set',
		);
		expect(items.map((item) => item.status)).toEqual(['rejected']);
		expect(items[0].errors).toEqual([
			expect.objectContaining({ level: 'interchange', code: '001', segment: 'IEA' }),
		]);
	});
});

describe('a set with more errors than anyone reads', () => {
	it('keeps the first thousand findings and still acknowledges it as rejected', () => {
		const body = Array.from({ length: 200_000 }, () => 'ZZZ*1~').join('');
		const segments = 200_000 + 3;
		const text =
			'ISA*00*          *00*          *ZZ*A              *ZZ*B              *261201*0930*U*00401*000000001*0*P*>~' +
			'GS*PO*A*B*20261201*0930*1*X*004010~ST*850*0001~BEG*00*SA*PO-1**20261201~' +
			body +
			`SE*${segments}*0001~GE*1*1~IEA*1*000000001~`;
		const [interchange] = readEdi(text);
		const [set] = interchange.groups[0].sets;
		expect(set.verdict).toBe('R');
		expect(set.findings.filter((finding) => finding.level === 'segment')).toHaveLength(1000);
		const ack = createX12Acknowledgment(interchange, {
			kind: '997',
			ta1: 'never',
			acceptedSets: false,
			controlNumber: 2,
			now: NOW,
		})!;
		expect(ack.text).toContain('AK5*R*5~AK9*R*1*1*0~');
	});
});
