import { readFileSync } from 'node:fs';

import { OPERATIONS_DOC, operationsDoc } from '../../scripts/operations-doc';
import { PLANS } from '../../nodes/EcGridOs/description/plans';

describe('docs/operations.md', () => {
	it('is what npm run docs:operations writes from the node description', () => {
		expect(readFileSync(OPERATIONS_DOC, 'utf8')).toBe(operationsDoc());
	});

	it('lists every operation with its calls', () => {
		const doc = operationsDoc();
		for (const plan of PLANS) expect(doc).toContain(`\`${plan.entry.calls.call}\``);
	});
});
