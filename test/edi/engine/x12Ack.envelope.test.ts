import {
	createX12Acknowledgment,
	readAcknowledgments,
	readEdi,
	VERDICT_WORDS,
	type Json,
} from '../../../nodes/shared/edi';
import { NOW } from './acknowledgment.support';
import { allCorpusFiles, corpusFile } from './corpus';

/*
 * Create Acknowledgment for 004010 and 005010 senders: the envelope a partner's translator
 * accepts (ISA11, ISA12, ISA15), the TA1 note that names the defect, the AK9 codes of the
 * acknowledgment's own version.
 */

const ORDER_4010 =
	'GS*PO*ACMESUPPLY*GLOBEXRETAIL*20261201*0930*1*X*004010~ST*850*0001~BEG*00*SA*PO-1**20261201~PO1*1*1*EA*1**BP*X~CTT*1~SE*5*0001~GE*1*1~';
const CLAIM_5010 = (version = '005010X222A1', gs06 = '1') =>
	`GS*HC*ACMESUPPLY*GLOBEXRETAIL*20261201*0930*${gs06}*X*${version}~ST*837*0001*${version}~BHT*0019*00*1*20261201*0930*CH~SE*3*0001~GE*1*${gs06}~`;

function isa(isa11: string, isa12: string, isa15 = 'P') {
	return `ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*GLOBEXRETAIL   *261201*0930*${isa11}*${isa12}*000000420*1*${isa15}*>~`;
}

function acknowledge(text: string, kind: '997' | '999' = '997'): string[] {
	return createX12Acknowledgment(readEdi(text), {
		kind,
		ta1: 'always',
		acceptedSets: false,
		controlNumber: 5,
		now: NOW,
	})!.text.split('~');
}

const isaOf = (lines: string[]) => lines[0].split('*');

describe('Create Acknowledgment: the envelope for 004010 and 005010 senders', () => {
	it('writes ISA11 U to a 004010 sender, even one whose own ISA11 is a repetition separator', () => {
		const lines = acknowledge(`${isa('^', '00401')}${ORDER_4010}IEA*1*000000420~`);
		expect(isaOf(lines).slice(11, 13)).toEqual(['U', '00401']);
		expect(lines[0]).toHaveLength(105);
	});

	it('writes a usable repetition separator to a 005010 sender, even one whose own ISA11 is U', () => {
		expect(isaOf(acknowledge(`${isa('^', '00501')}${CLAIM_5010()}IEA*1*000000420~`))[11]).toBe('^');
		expect(isaOf(acknowledge(`${isa('{', '00501')}${CLAIM_5010()}IEA*1*000000420~`))[11]).toBe('{');
		const repaired = acknowledge(`${isa('U', '00501')}${CLAIM_5010()}IEA*1*000000420~`);
		expect(isaOf(repaired).slice(11, 13)).toEqual(['^', '00501']);
		// The TA1 names what is wrong: X12 gives 005010 no code of its own for ISA11 (026 is ISA's
		// element separator), so its invalid control structure.
		expect(repaired[1]).toBe('TA1*000000420*261201*0930*R*022');
	});

	it('writes a version and a test indicator a translator accepts when the received ones are not', () => {
		const lines = acknowledge(`${isa('U', '0040A', 'X')}${ORDER_4010}IEA*1*000000420~`);
		expect(isaOf(lines).slice(11, 16)).toEqual(['U', '00401', '000000005', '0', 'P']);
		expect(
			isaOf(acknowledge(`${isa('U', '5010', 'T')}${CLAIM_5010()}IEA*1*000000420~`)).slice(11, 16),
		).toEqual(['^', '00501', '000000005', '0', 'T']);
	});

	it('names in TA105 the defect that rejects the interchange, not a doubt noted before it', () => {
		// ISA11 "^" before 00402 is only noted (016); IEA02 differing from ISA13 rejects (001).
		const lines = acknowledge(`${isa('^', '00401')}${ORDER_4010}IEA*1*000000421~`);
		expect(lines[1]).toBe('TA1*000000420*261201*0930*R*001');
	});

	it('answers a sender of a version after 005010 in the 005010 form (AK103, AK203)', () => {
		const lines = acknowledge(`${isa('^', '00602')}${CLAIM_5010('006020')}IEA*1*000000420~`);
		expect(lines.filter((line) => /^(GS|AK1)\*/.test(line))).toEqual([
			'GS*FA*GLOBEXRETAIL*ACMESUPPLY*20261207*1030*5*X*005010',
			'AK1*HC*1*006020',
		]);
	});

	it('says a group control number used twice is not unique (19) in 005010, and invalid (6) before', () => {
		const ak9s = (text: string) => acknowledge(text).filter((line) => line.startsWith('AK9'));
		expect(ak9s(`${isa('^', '00501')}${CLAIM_5010()}${CLAIM_5010()}IEA*2*000000420~`)).toEqual([
			'AK9*A*1*1*1',
			'AK9*R*1*1*0*19',
		]);
		const twice4010 = `${isa('U', '00401')}${ORDER_4010}${ORDER_4010}IEA*2*000000420~`;
		expect(ak9s(twice4010)).toEqual(['AK9*A*1*1*1', 'AK9*R*1*1*0*6']);
	});
});

describe('Create Acknowledgment: the TA1 read back', () => {
	it.each(allCorpusFiles().filter(([, name]) => name.endsWith('.x12')))(
		'%s/%s: each interchange’s TA1 says its verdict and one of its own codes',
		(folder, name) => {
			const interchanges = readEdi(corpusFile(folder, name)).filter(
				(each) => !each.groups.every((group) => group.header?.elements[0] === 'FA'),
			);
			for (const interchange of interchanges) {
				const ack = createX12Acknowledgment(interchange, {
					kind: '997',
					ta1: 'always',
					acceptedSets: false,
					controlNumber: 5,
					now: NOW,
				})!;
				const [ta1] = readAcknowledgments(ack.text).filter((item) => item.acknowledgment === 'TA1');
				const verdict = interchange.verdict === 'P' ? 'R' : interchange.verdict;
				expect(ta1.status).toBe(VERDICT_WORDS[verdict]);
				const codes = (ta1.errors as Json[]).map((error) => error.code);
				if (interchange.findings.length === 0) expect(codes).toEqual([]);
				else expect(interchange.findings.map((finding) => finding.code)).toContain(codes[0]);
			}
		},
	);
});

describe('Create Acknowledgment: what it writes reads back whole', () => {
	it.each(allCorpusFiles().filter(([, name]) => name.endsWith('.x12')))(
		'%s/%s: the 997 and 999 read back carry no note that the acknowledgment itself is damaged',
		(folder, name) => {
			for (const interchange of readEdi(corpusFile(folder, name))) {
				for (const kind of ['997', '999'] as const) {
					for (const acceptedSets of [false, true]) {
						const ack = createX12Acknowledgment(interchange, {
							kind,
							ta1: 'always',
							acceptedSets,
							controlNumber: 5,
							now: NOW,
						});
						if (!ack) continue;
						const notes = readAcknowledgments(ack.text).flatMap((item) =>
							(item.errors as Json[]).filter((error) => error.level === 'acknowledgment'),
						);
						expect(notes).toEqual([]);
					}
				}
			}
		},
	);
});

describe('Create Acknowledgment: the FA group’s header', () => {
	it('takes the partners from the ISA when the received GS02 or GS03 is empty, so that GS02/GS03 are never empty', () => {
		const text = `${isa('U', '00401')}${ORDER_4010.replace('GS*PO*ACMESUPPLY*GLOBEXRETAIL*', 'GS*PO***')}IEA*1*000000420~`;
		const gs = acknowledge(text).find((line) => line.startsWith('GS*'));
		expect(gs).toBe('GS*FA*GLOBEXRETAIL*ACMESUPPLY*20261207*1030*5*X*004010');
	});
});

describe('Create Acknowledgment: separators a broken interchange cannot lend it', () => {
	const readBack = (text: string) => {
		const ack = createX12Acknowledgment(readEdi(text), {
			kind: '997',
			ta1: 'always',
			acceptedSets: false,
			controlNumber: 5,
			now: NOW,
		})!.text;
		return { ack, items: readAcknowledgments(ack) };
	};

	it('keeps its TA1 one segment when a received ISA value holds the segment terminator', () => {
		const text = `${isa('U', '00401').replace('*261201*', '*2612~1*')}${ORDER_4010}IEA*1*000000420~`;
		const { ack, items } = readBack(text);
		expect(ack.split('~').filter((line) => line.startsWith('TA1'))).toEqual([
			'TA1*000000420*2612 1*0930*E*014',
		]);
		expect(items.map((item) => [item.acknowledgment, item.status])).toEqual([
			['TA1', 'acceptedWithErrors'],
			['997', 'accepted'],
		]);
	});

	it('writes a usable ISA16 when the received one is the element separator or the terminator', () => {
		for (const bad of ['*', '~']) {
			const text = isa('U', '00401').replace('*>~', `*${bad}~`) + ORDER_4010 + 'IEA*1*000000420~';
			const { ack, items } = readBack(text);
			const isaSegment = ack.slice(0, ack.indexOf('~') + 1);
			expect(isaSegment).toHaveLength(106);
			expect(isaSegment.split('*')).toHaveLength(17);
			expect(isaSegment[104]).not.toBe(bad);
			expect(items[0]).toMatchObject({ acknowledgment: 'TA1', status: 'rejected' });
		}
	});
});
