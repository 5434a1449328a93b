import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { OPERATIONS } from '../../nodes/EcGridOs/soap/wsdl/operations.generated';

const REPO = resolve(__dirname, '..', '..');
// The WSDL is reference data beside the repository (shared/), never copied into it.
const WSDL = resolve(REPO, '..', 'shared', 'reference', 'ecgridos', 'ECGridOS.wsdl');

// A fresh clone has no shared/ beside it: the regeneration check then skips, saying so.
const withWsdl = existsSync(WSDL) ? it : it.skip;
if (!existsSync(WSDL)) console.warn(`Skipping the WSDL regeneration check: ${WSDL} is absent`);

describe('scripts/generate-operations.ts', () => {
	withWsdl('regenerates exactly the committed metadata from the WSDL', () => {
		const output = join(mkdtempSync(join(tmpdir(), 'ecgridos-gen-')), 'operations.generated.ts');
		execFileSync(
			process.execPath,
			['--import', 'tsx', 'scripts/generate-operations.ts', WSDL, output],
			{
				cwd: REPO,
			},
		);
		const committed = readFileSync(
			join(REPO, 'nodes/EcGridOs/soap/wsdl/operations.generated.ts'),
			'utf8',
		);
		expect(readFileSync(output, 'utf8')).toBe(committed);
	});

	it('describes all 221 operations, with every parameter and a result', () => {
		expect(Object.keys(OPERATIONS)).toHaveLength(221);
		expect(OPERATIONS.GenerateAPIKey).toEqual({
			name: 'GenerateAPIKey',
			parameters: [
				{ name: 'SessionID', type: 'string', minOccurs: 0, maxOccurs: 1 },
				{ name: 'UserID', type: 'int', minOccurs: 1, maxOccurs: 1 },
			],
			result: { name: 'GenerateAPIKeyResult', type: 'string', minOccurs: 0, maxOccurs: 1 },
			httpResultElement: 'string',
		});
		expect(Object.values(OPERATIONS).every((operation) => operation.result !== undefined)).toBe(
			true,
		);
	});
});
