/** The ECGrid EDI node's form, as n8n builds it from the built node's description. */
import type { INodeProperties, INodeType } from 'n8n-workflow';

import { checkControlNumber } from '../../nodes/shared/edi';
import { loadPackage } from '../harness';

const edi = loadPackage().nodes.find((node) => node.description.name === 'ecGridEdi') as INodeType;
const { properties } = edi.description;

const accepts = (value: number) => {
	try {
		checkControlNumber(value);
		return true;
	} catch {
		return false;
	}
};

describe('the ECGrid EDI form', () => {
	describe('Control Number', () => {
		const controlNumbers = properties.filter((property) => property.name === 'controlNumber');

		it('is on Create Acknowledgment and Write', () => {
			expect(
				controlNumbers.flatMap((property) => property.displayOptions?.show?.operation),
			).toEqual(['createAcknowledgment', 'write']);
		});

		it.each(controlNumbers.map((property) => [property.displayOptions?.show?.operation, property]))(
			'on %s keeps a number typed in to what the node accepts (1 to 999999999, whole)',
			(_operation, property) => {
				const { minValue, maxValue, numberPrecision } = (property as INodeProperties).typeOptions!;
				expect(numberPrecision).toBe(0);
				expect([accepts(minValue!), accepts(minValue! - 1)]).toEqual([true, false]);
				expect([accepts(maxValue!), accepts(maxValue! + 1)]).toEqual([true, false]);
			},
		);
	});
});
