import { NodeOperationError, type IExecuteFunctions, type INode } from 'n8n-workflow';

import { claimControlNumber, type RunState } from '../../nodes/EcGridEdi/actions/controlNumber';

const node: INode = {
	id: 'edi-node',
	name: 'ECGrid EDI',
	type: 'n8n-nodes-ecgridos.ecGridEdi',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const context = { getNode: () => node } as unknown as IExecuteFunctions;

describe('ECGrid EDI: claiming a control number in a run', () => {
	const PARTNER = 'X12:ZZ:ACMESUPPLY>ZZ:GLOBEXRETAIL';

	it('takes a number once per partner, whichever item claims it again', () => {
		const state: RunState = { controlNumbers: new Map() };
		claimControlNumber(context, state, '5', 0, PARTNER);
		claimControlNumber(context, state, '5', 0, 'X12:ZZ:ACMESUPPLY>ZZ:OTHER');
		expect(() => claimControlNumber(context, state, '5', 1, PARTNER)).toThrow(
			'Control number 5 of item 1 was already used by item 0 in this run',
		);
		const again = () => claimControlNumber(context, state, '5', 0, PARTNER);
		expect(again).toThrow(NodeOperationError);
		expect(again).toThrow(
			'Control number 5 of item 0 was already used by another file of the same item in this run',
		);
	});
});
