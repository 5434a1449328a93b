import { EcGridOsFault, RetCode, retCodeName } from '../../nodes/EcGridOs/soap';

describe('retCodeName', () => {
	it('numbers the WSDL enum from Unknown = -1, so the documented example 8 is InvalidDataLength', () => {
		expect(retCodeName(-1)).toBe('Unknown');
		expect(retCodeName(0)).toBe('Success');
		expect(retCodeName(8)).toBe('InvalidDataLength');
		expect(RetCode).toEqual({ SessionTimeout: 1, AccessDenied: 2, NotFound: 3 });
	});

	it('knows no name outside the enum', () => {
		expect(retCodeName(99)).toBeUndefined();
		expect(retCodeName(Number.NaN)).toBeUndefined();
	});
});

describe('EcGridOsFault description', () => {
	it('names the RetCode only where the number maps to one', () => {
		const fault = (errorCode: number) =>
			new EcGridOsFault(
				{ errorCode, errorString: 'x', errorItem: '', errorMessage: '' },
				'',
				500,
				'x',
			);
		expect(fault(3).description).toBe(
			'ECGridOS error code 3 (NotFound). Nothing with that ID exists, or the credential’s user cannot see it. HTTP 500.',
		);
		expect(fault(3).errorCodeLabel).toBe('3 (NotFound)');
		expect(fault(99).description).toBe('ECGridOS error code 99. HTTP 500.');
		expect(fault(99).retCode).toBeUndefined();
	});
});
