import { KNOWN_STRUCTURES, readEdi, readItems, type Json } from '../../../nodes/shared/edi';
import { parseStructure, tagsOf, type LoopRule } from '../../../nodes/shared/edi/structure/grammar';
import {
	edifactStructure,
	X12_DATE_TIME_ELEMENTS,
	X12_ELEMENT_REFERENCES,
	x12ElementReference,
	x12Structure,
} from '../../../nodes/shared/edi/structure';
import { designator } from '../../../nodes/shared/edi/shape';

/** Every element a structure checks, as reference designators (`BEG03`). */
function checkedElements(rule: LoopRule, out = new Set<string>()): Set<string> {
	for (const child of rule.children) {
		if (child.kind === 'loop') checkedElements(child, out);
		else for (const element of child.mandatory) out.add(designator(child.tag, element));
	}
	return out;
}

describe('transaction set structures as data', () => {
	it('knows the sets the issue lists', () => {
		expect(KNOWN_STRUCTURES.X12.sort()).toEqual(
			[
				'204',
				'214',
				'810',
				'820',
				'832',
				'846',
				'850',
				'855',
				'856',
				'860',
				'940',
				'945',
				'990',
				'997',
				'999',
			].sort(),
		);
		expect(KNOWN_STRUCTURES.EDIFACT.sort()).toEqual([
			'CONTRL',
			'DESADV',
			'INVOIC',
			'ORDERS',
			'ORDRSP',
		]);
	});

	it.each(KNOWN_STRUCTURES.X12)('X12 %s opens with ST and closes with SE', (code) => {
		const rule = x12Structure(code)!;
		expect(rule.children[0]).toMatchObject({ kind: 'segment', tag: 'ST', required: true });
		expect(rule.children[rule.children.length - 1]).toMatchObject({
			kind: 'segment',
			tag: 'SE',
			required: true,
		});
	});

	it.each(KNOWN_STRUCTURES.EDIFACT)('EDIFACT %s opens with UNH and closes with UNT', (type) => {
		const rule = edifactStructure(type)!;
		expect(rule.children[0]).toMatchObject({ tag: 'UNH', required: true });
		expect(rule.children[rule.children.length - 1]).toMatchObject({ tag: 'UNT', required: true });
	});

	it('reads the notation: usage, repeats, mandatory elements and loops', () => {
		const rule = parseStructure('ST!(1,2) BEG!(3) REF* PER*3 [!*200 N1 N2*2] SE!');
		expect(rule.children).toEqual([
			{ kind: 'segment', tag: 'ST', required: true, max: 1, mandatory: [1, 2] },
			{ kind: 'segment', tag: 'BEG', required: true, max: 1, mandatory: [3] },
			{
				kind: 'segment',
				tag: 'REF',
				required: false,
				max: Number.POSITIVE_INFINITY,
				mandatory: [],
			},
			{ kind: 'segment', tag: 'PER', required: false, max: 3, mandatory: [] },
			{
				kind: 'loop',
				id: 'N1',
				key: 'N1_loop',
				required: true,
				max: 200,
				children: [
					{ kind: 'segment', tag: 'N1', required: false, max: 1, mandatory: [] },
					{ kind: 'segment', tag: 'N2', required: false, max: 2, mandatory: [] },
				],
			},
			{ kind: 'segment', tag: 'SE', required: true, max: 1, mandatory: [] },
		]);
		expect([...tagsOf(rule)]).toEqual(['ST', 'BEG', 'REF', 'PER', 'N1', 'N2', 'SE']);
	});

	it('lists a second loop that a tag starts at one level under its own key', () => {
		const rule = parseStructure('UNH! [* ALC MOA] [* LIN [* ALC MOA]] UNS! [* ALC MOA] UNT!');
		const loops = rule.children.filter((child) => child.kind === 'loop');
		expect(loops.map((loop) => loop.key)).toEqual(['ALC_loop', 'LIN_loop', 'ALC_loop_2']);
		// Inside LIN the count starts again.
		expect(loops[1].kind === 'loop' && loops[1].children[1]).toMatchObject({ key: 'ALC_loop' });
	});

	it.each([
		...KNOWN_STRUCTURES.X12.map((code) => ['X12', code, x12Structure(code)!] as const),
		...KNOWN_STRUCTURES.EDIFACT.map((type) => ['EDIFACT', type, edifactStructure(type)!] as const),
	])('%s %s: no two parts of one loop share a key in the output', (_standard, _code, root) => {
		const clashes: string[] = [];
		const visit = (loop: LoopRule) => {
			const keys = loop.children.map((child) => (child.kind === 'segment' ? child.tag : child.key));
			keys.forEach((key, index) => {
				if (keys.indexOf(key) !== index) clashes.push(`${loop.id}: ${key}`);
			});
			for (const child of loop.children) if (child.kind === 'loop') visit(child);
		};
		visit(root);
		expect(clashes).toEqual([]);
	});

	it('refuses a malformed structure line', () => {
		expect(() => parseStructure('ST [* N1')).toThrow(/Unclosed/);
		expect(() => parseStructure('ST ] SE')).toThrow(/Unbalanced/);
		expect(() => parseStructure('ST n1 SE')).toThrow(/Unreadable token "n1"/);
		expect(() => parseStructure('[* N1] SE')).toThrow(/header segment/);
	});
});

describe('data element reference numbers (AK402 / IK402)', () => {
	// Checked: what a structure makes mandatory, and every date and time element (its format).
	const checked = new Set([
		...KNOWN_STRUCTURES.X12.flatMap((code) => [...checkedElements(x12Structure(code)!)]),
		...Object.keys(X12_DATE_TIME_ELEMENTS),
	]);

	it('has one for every element Read checks in an X12 set, and none for any other', () => {
		expect(
			[...checked].filter((reference) => x12ElementReference(reference) === undefined),
		).toEqual([]);
		expect(Object.keys(X12_ELEMENT_REFERENCES).filter((key) => !checked.has(key))).toEqual([]);
	});

	it('gives the dictionary numbers, as digits', () => {
		expect(x12ElementReference('BEG03')).toBe('324');
		expect(x12ElementReference('N101')).toBe('98');
		expect(x12ElementReference('ST01')).toBe('143');
		expect(x12ElementReference('W0502')).toBe('285');
		expect(x12ElementReference('B1003')).toBe('140');
		for (const number of Object.values(X12_ELEMENT_REFERENCES)) expect(number).toMatch(/^\d{1,4}$/);
		expect(x12ElementReference('ZZZ01')).toBeUndefined();
		expect(x12ElementReference('constructor')).toBeUndefined();
	});

	it('checks only what the standard makes mandatory in 214 B10 and 990 B1', () => {
		const b10 = x12Structure('214')!.children.find(
			(rule) => rule.kind === 'segment' && rule.tag === 'B10',
		);
		const b1 = x12Structure('990')!.children.find(
			(rule) => rule.kind === 'segment' && rule.tag === 'B1',
		);
		expect(b10).toMatchObject({ mandatory: [3] });
		expect(b1).toMatchObject({ mandatory: [2] });
	});
});

describe('structures against layouts partners send', () => {
	const x12 = (body: string[]) => {
		const isa =
			'ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*GLOBEXRETAIL   *261207*1200*U*00401*000000701*0*P*>~';
		const set = [...body, `SE*${body.length + 1}*0001`];
		return `${isa}GS*PO*ACMESUPPLY*GLOBEXRETAIL*20261207*1200*1*X*004010~${set.join('~')}~GE*1*1~IEA*1*000000701~`;
	};

	it('860: a change line without its change type (POC02) is an element error', () => {
		const [item] = readItems(
			readEdi(x12(['ST*860*0001', 'BCH*01*SA*PO-1***20261207', 'POC*1**10*5*EA', 'CTT*1'])),
			'set',
		);
		expect(item.status).toBe('rejected');
		expect(item.errors).toEqual([
			expect.objectContaining({ level: 'segment', code: '8', segment: 'POC', position: 3 }),
			expect.objectContaining({ level: 'element', code: '1', reference: 'POC02' }),
			expect.objectContaining({ level: 'set', code: '5' }),
		]);
	});

	it.each([
		['850', 'BEG*00*SA*PO-1**20261207'],
		['855', 'BAK*00*AC*PO-1*20261207'],
		['860', 'BCH*01*SA*PO-1***20261207'],
	])(
		'%s: a line’s PID loop comes right after its MEA, before PO4, REF, SAC and DTM',
		(code, header) => {
			const line = code === '860' ? 'POC*1*CA*10*5*EA' : 'PO1*1*10*EA*2.5**VP*ABC';
			const trailing = code === '855' ? ['ACK*IA*10*EA'] : [];
			const [item] = readItems(
				readEdi(
					x12([
						`ST*${code}*0001`,
						header,
						line,
						'PID*F****WIDGET',
						'PO4*12',
						'REF*ZZ*X',
						'SAC*A*C310***100',
						'DTM*002*20261215',
						...trailing,
						'CTT*1',
					]),
				),
				'set',
			);
			expect([item.status, item.errors]).toEqual(['accepted', []]);
			const [first] = (item.segments as Json)[`${line.slice(0, 3)}_loop`] as Json[];
			expect(Object.keys(first)).toEqual(
				expect.arrayContaining(['PID_loop', 'PO4', 'REF', 'SAC_loop', 'DTM']),
			);
			expect(Object.keys((first.PID_loop as Json[])[0])).toEqual(['PID']);
		},
	);

	it('says in words how often a loop started past its limit: 2nd, 201st, 212th', () => {
		const names = Array.from({ length: 213 }, (_, index) => `N1*ST*STORE ${index + 1}`);
		const [item] = readItems(
			readEdi(
				x12(['ST*850*0001', 'BEG*00*SA*PO-1**20261207', ...names, 'PO1*1*10*EA', 'CTT*1', 'CTT*1']),
			),
			'set',
		);
		const tooMany = (item.errors as Json[])
			.filter((error) => error.code === '4')
			.map((error) => error.message);
		expect(tooMany).toHaveLength(14);
		expect(tooMany.slice(0, 3)).toEqual([
			'Loop N1 starts for the 201st time at position 203; at most 200 allowed',
			'Loop N1 starts for the 202nd time at position 204; at most 200 allowed',
			'Loop N1 starts for the 203rd time at position 205; at most 200 allowed',
		]);
		expect(tooMany.slice(10)).toEqual([
			'Loop N1 starts for the 211th time at position 213; at most 200 allowed',
			'Loop N1 starts for the 212th time at position 214; at most 200 allowed',
			'Loop N1 starts for the 213th time at position 215; at most 200 allowed',
			'Loop CTT starts for the 2nd time at position 218; at most 1 allowed',
		]);
	});

	it('945: the N1 loop is mandatory, as the standard has it (AK304 3)', () => {
		const [item] = readItems(
			readEdi(
				x12([
					'ST*945*0001',
					'W06*N*ORD-3301*20261207*SHP-91',
					'LX*1',
					'W12*CC*24*24**EA**VN*AS-3301',
					'W03*24',
				]),
			),
			'set',
		);
		expect(item.status).toBe('rejected');
		expect(item.errors).toEqual([
			expect.objectContaining({ level: 'segment', code: '3', segment: 'N1' }),
			expect.objectContaining({ level: 'set', code: '5' }),
		]);
	});

	it('846: the LIN loop is mandatory, as the standard has it (AK304 3)', () => {
		const [item] = readItems(
			readEdi(x12(['ST*846*0001', 'BIA*00*MM*INV-1207*20261207', 'DTM*405*20261207', 'CTT*0'])),
			'set',
		);
		expect(item.errors).toEqual([
			expect.objectContaining({ level: 'segment', code: '3', segment: 'LIN' }),
			expect.objectContaining({ level: 'set', code: '5' }),
		]);
	});

	it('INVOIC: an allowance or charge may carry its reference group (ALC, RFF, DTM)', () => {
		const text =
			"UNB+UNOC:3+ACMESUPPLY:ZZ+GLOBEXRETAIL:ZZ+261207:1200+IV1'UNH+1+INVOIC:D:96A:UN'BGM+380+INV-1+9'DTM+137:20261207:102'" +
			"ALC+C++++FC'RFF+AAK:DN-1'DTM+171:20261201:102'MOA+23:10'" +
			"LIN+1++4000862141404:SRS'QTY+47:1'UNS+S'MOA+77:10'UNT+12+1'UNZ+1+IV1'";
		const [item] = readItems(readEdi(text), 'set');
		expect([item.status, item.errors]).toEqual(['accepted', []]);
		expect((item.segments as Json).ALC_loop).toMatchObject([
			{ ALC: { ALC01: 'C' }, RFF_loop: [{ RFF: { RFF01: 'AAK' }, DTM: [{ DTM01: '171' }] }] },
		]);
	});

	const edifact = (type: string, body: string[]) => {
		const message = [`UNH+1+${type}:D:96A:UN`, ...body];
		return (
			"UNB+UNOC:3+NORTHWIND:ZZ+SOUTHBAY:ZZ+261207:1200+NW5'" +
			`${message.join("'")}'UNT+${message.length + 1}+1'UNZ+1+NW5'`
		);
	};

	// Each message uses segments, groups and repeats that directory D.96A (or D.01B) allows.
	it.each([
		[
			'ORDERS',
			[
				'BGM+220+PO-7+9',
				'DTM+137:20261207:102',
				'NAD+BY+5412345000013::9',
				'RCS+7+ABC',
				'RFF+CT:C-1',
				'RFF+ON:PO-6',
				'LIN+1++4000862141404:SRS',
				'QTY+21:48',
				'CCI+++COL::9',
				'CAV+RED',
				'PAC+4++CT',
				'QTY+52:12',
				'LOC+7+DOCK4',
				'DTM+2:20261215:102',
				'DTM+63:20261216:102',
				'UNS+S',
			],
		],
		[
			'ORDRSP',
			[
				'BGM+231+RSP-7+29',
				'DTM+137:20261207:102',
				'RFF+ON:PO-7',
				'AJT+1',
				'FTX+AAI+++stock',
				'LIN+1+3+4000862141404:SRS',
				'PAT+1',
				'AJT+2',
				'UNS+S',
			],
		],
		[
			'DESADV',
			[
				'BGM+351+DES-7+9',
				'TOD+6++EXW',
				'FTX+AAB+++one',
				'FTX+AAB+++two',
				'CPS+1',
				'PAC+1++201',
				'HAN+EAT',
				'FTX+HAN+++keep dry',
				'PCI+33E',
				'GIR+3+BATCH-1:BX',
				'GIN+BJ+354123450000000014',
				'CPS+2+1',
				'LIN+1++4000862141404:SRS',
				'QTY+12:48',
				'PCI+36E',
				'DTM+361:20271207:102',
				'DTM+94:20261201:102',
				'GIN+BX+LOT-9',
			],
		],
		[
			'INVOIC',
			[
				'BGM+380+INV-7+9',
				'DTM+137:20261207:102',
				'FTX+AAI+++1',
				'PAT+1',
				'PAI+::42',
				'ALC+C++++FC',
				'RFF+AAK:DN-1',
				'RFF+ON:PO-7',
				'MOA+23:10',
				'RCS+7',
				'RFF+CT:C-1',
				'RFF+ON:PO-7',
				'LIN+1++4000862141404:SRS',
				'QTY+47:2',
				'LOC+7+DOCK4',
				'QTY+47:1',
				'QTY+46:1',
				'UNS+S',
				'MOA+77:10',
			],
		],
	])('%s: a message the directories allow is accepted', (type, body) => {
		const [item] = readItems(readEdi(edifact(type, body)), 'set');
		expect([item.status, item.errors]).toEqual(['accepted', []]);
	});
});
