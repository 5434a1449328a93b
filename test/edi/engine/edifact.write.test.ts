import { readEdi, readItems, type Json } from '../../../nodes/shared/edi';
import { write } from './write.support';

/** An ORDERS as a no-code user builds it, its document number `number`. */
const order = (number: unknown) => ({
	transactionSet: { code: 'ORDERS', version: 'D', release: '96A', agency: 'UN' },
	segments: {
		BGM: { BGM01: '220', BGM02: number, BGM03: '9' },
		DTM: [{ DTM01: '137', DTM01_02: '20261201', DTM01_03: '102' }],
		UNS: { UNS01: 'S' },
	},
});

const EDIFACT = { standard: 'EDIFACT' as const, version: 'UNOC:3' };

describe('EDIFACT Write: repetitions and the syntax version', () => {
	it('refuses a repetition separator for syntax versions 1 to 3, which have none', () => {
		for (const version of ['UNOA:1', 'UNOB:2', 'UNOC:3']) {
			const { interchanges, failures } = write([order('PO-1')], {
				...EDIFACT,
				version,
				delimiters: { repetition: '^' },
			});
			expect(interchanges).toEqual([]);
			expect(failures.map((failure) => failure.message)).toEqual([
				`Item 0: the repetition separator '^' needs syntax version 4, not UNB01 "${version}": versions 1 to 3 have no repetitions`,
			]);
		}
	});

	it('writes repetitions with syntax version 4, and Read gives them back as the list', () => {
		const { interchanges, failures } = write([order(['PO-1', 'PO*2'])], {
			...EDIFACT,
			version: 'UNOC:4',
			delimiters: { repetition: '^' },
		});
		expect(failures).toEqual([]);
		expect(interchanges[0].text).toContain("UNA:+.?^'UNB+UNOC:4+");
		expect(interchanges[0].text).toContain("BGM+220+PO-1^PO*2+9'");
		const [item] = readItems(readEdi(interchanges[0].text), 'set');
		expect((item.segments as Json).BGM).toEqual({
			BGM01: '220',
			BGM02: ['PO-1', 'PO*2'],
			BGM03: '9',
		});
	});
});
