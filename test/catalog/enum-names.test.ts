import { ENUM_TYPES } from '../../nodes/EcGridOs/soap/wsdl/operations.generated';

describe('WSDL enums', () => {
	// Enum fields take a name in any case (fieldValues.ts): that needs one name per spelling.
	it.each(Object.entries(ENUM_TYPES))(
		'%s has no two names that differ only in case',
		(_type, names) => {
			const lower = names.map((name) => name.toLowerCase());
			expect(new Set(lower).size).toBe(names.length);
		},
	);
});
