import { isXml2jsException, type Finding } from '../../scripts/scan-package';

const finding = (
	ruleId: string,
	message = '',
	file = 'dist/nodes/EcGridOs/soap/xml.js',
): Finding => ({
	file,
	line: 1,
	ruleId,
	message,
});

describe("scan-package: the one exception to n8n's scanner", () => {
	it('allows xml2js as the only runtime dependency, and its require', () => {
		const dependency = finding('@n8n/community-nodes/no-runtime-dependencies', '…', 'package.json');
		expect(isXml2jsException(dependency, ['xml2js'])).toBe(true);
		expect(isXml2jsException(dependency, ['xml2js', 'left-pad'])).toBe(false);
		expect(
			isXml2jsException(
				finding(
					'@n8n/community-nodes/no-restricted-imports',
					"Require of 'xml2js' is not allowed.",
				),
				['xml2js'],
			),
		).toBe(true);
	});

	it('allows nothing else', () => {
		for (const other of [
			finding(
				'@n8n/community-nodes/no-restricted-imports',
				"Require of 'node:buffer' is not allowed.",
			),
			finding('n8n-nodes-base/cred-filename-against-convention', 'Rename file'),
			finding('no-console', 'xml2js'),
		])
			expect(isXml2jsException(other, ['xml2js'])).toBe(false);
	});
});
