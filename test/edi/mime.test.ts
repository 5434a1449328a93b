import { fileExtensionFor, mimeTypeFor, type EnvelopeSummary } from '../../nodes/shared/edi';

const summary = (standard: EnvelopeSummary['standard']) => ({ standard }) as EnvelopeSummary;

describe('mimeTypeFor and fileExtensionFor', () => {
	it.each([
		['X12', 'application/edi-x12', 'x12'],
		['EDIFACT', 'application/edifact', 'edi'],
		['XML', 'application/xml', 'xml'],
		['unknown', 'application/octet-stream', 'bin'],
	] as const)('%s is %s, .%s', (standard, mimeType, extension) => {
		expect(mimeTypeFor(summary(standard))).toBe(mimeType);
		expect(fileExtensionFor(summary(standard))).toBe(extension);
	});

	it('treats a standard it does not know as unknown', () => {
		const other = { standard: 'TRADACOMS' } as unknown as EnvelopeSummary;
		expect(mimeTypeFor(other)).toBe('application/octet-stream');
		expect(fileExtensionFor(other)).toBe('bin');
	});
});
