/** The ECGrid EDI node's form, as n8n builds it from the built node's description. */
import {
	NodeHelpers,
	type INode,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
} from 'n8n-workflow';

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

	describe('Write → Options', () => {
		const writeOptions = properties.find((property) => property.name === 'writeOptions')!;

		/** The options "Add Option" offers, as the editor's collection decides them. */
		function offered(standard: string): string[] {
			const parameters: INodeParameters = { operation: 'write', standard, writeOptions: {} };
			const node: INode = {
				id: 'edi',
				name: 'ECGrid EDI',
				type: 'n8n-nodes-ecgridos.ecGridEdi',
				typeVersion: 1,
				position: [0, 0],
				parameters,
			};
			return (writeOptions.options as INodeProperties[])
				.filter((option) =>
					NodeHelpers.displayParameterPath(
						{ parameters },
						option,
						'parameters.writeOptions',
						node,
						edi.description,
					),
				)
				.map((option) => option.displayName);
		}

		it('offers no EDIFACT-only option for X12', () => {
			expect(offered('X12')).not.toContain('Always Write UNA');
			expect(offered('X12')).not.toContain('Release Character');
		});

		it('offers them for EDIFACT, and every other option for both', () => {
			const all = (writeOptions.options as INodeProperties[]).map((option) => option.displayName);
			expect(offered('EDIFACT')).toEqual(all);
			expect(offered('X12')).toEqual(
				all.filter((name) => !['Always Write UNA', 'Release Character'].includes(name)),
			);
		});
	});

	describe('Create Acknowledgment', () => {
		const shown = properties.filter((property) =>
			property.displayOptions?.show?.operation?.includes('createAcknowledgment'),
		);

		it('says, on each X12-only setting, what an EDIFACT interchange gets instead', () => {
			for (const name of ['x12Acknowledgment', 'ta1']) {
				const property = shown.find((candidate) => candidate.name === name)!;
				expect({ name, description: property.description }).toEqual({
					name,
					description: expect.stringMatching(/EDIFACT interchange .*CONTRL/),
				});
			}
		});
	});

	it('starts a description with "Whether" on a boolean only', () => {
		const all = properties.flatMap((property) => [
			property,
			...((property.options ?? []) as INodeProperties[]).filter((option) => 'type' in option),
		]);
		const misworded = all
			.filter((property) => property.type !== 'boolean')
			.filter((property) => property.description?.startsWith('Whether'))
			.map((property) => property.name);
		expect(misworded).toEqual([]);
	});

	it('shows an example in every ID and qualifier the user must type', () => {
		const ids = properties.filter(
			(property) =>
				property.type === 'string' &&
				property.required &&
				property.default === '' &&
				/(Id|Qualifier)$/.test(property.name),
		);
		expect(ids.map((property) => property.name)).toEqual([
			'senderQualifier',
			'senderId',
			'receiverQualifier',
			'receiverId',
		]);
		for (const property of ids)
			expect({ name: property.name, placeholder: property.placeholder }).toEqual({
				name: property.name,
				placeholder: expect.stringMatching(/^[A-Z0-9]+$/),
			});
	});
});
