/**
 * What the benches run through n8n-core: N items of API Key → Generate (GenerateAPIKey over SOAP
 * 1.1) or Get (UserGetAPIKey) in a workflow with the ECGridOS node, against whichever endpoint the
 * credential names.
 */
import { runWorkflow, type NodePackage, type WorkflowJson } from '../test/harness';
import { DEMO_USERS } from '../simulator';

export const ADMIN_KEY = DEMO_USERS.find((user) => user.userId === 1001)?.apiKey ?? '';
const TARGET_USERS = [1002, 1003, 1004];

export const userIds = (n: number) =>
	Array.from({ length: n }, (_, i) => TARGET_USERS[i % TARGET_USERS.length]);

/** Generate first asks WhoAmI once per run (the own-key guard); Get makes only the items' calls. */
export type KeyOperation = 'generate' | 'get';

function keyWorkflow(operation: KeyOperation, concurrency: number): WorkflowJson {
	return {
		name: 'bench',
		nodes: [
			{
				id: 't',
				name: 'Trigger',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'g',
				name: 'Generate',
				type: 'n8n-nodes-ecgridos.ecGridOs',
				typeVersion: 1,
				position: [200, 0],
				parameters: {
					resource: 'apiKey',
					operation,
					userId: '={{ $json.userId }}',
					options: { concurrency },
				},
				credentials: { ecGridOsApi: { id: 'bench', name: 'bench' } },
			},
		],
		connections: {
			Trigger: { main: [[{ node: 'Generate', type: 'main', index: 0 }]] },
		},
	};
}

/** Runs N items at the given Concurrency; throws unless every item got its key. */
export async function runThroughWorkflow(
	url: string,
	n: number,
	concurrency: number,
	nodePackage: NodePackage,
	operation: KeyOperation = 'generate',
): Promise<void> {
	const result = await runWorkflow(keyWorkflow(operation, concurrency), {
		nodePackage,
		credentials: [
			{
				id: 'bench',
				name: 'bench',
				type: 'ecGridOsApi',
				data: { apiKey: ADMIN_KEY, baseUrl: url },
			},
		],
		items: userIds(n).map((userId) => ({ userId })),
	});
	if (result.error !== undefined)
		throw new Error(`workflow failed: ${JSON.stringify(result.error)}`);
	const output = result.outputOf('Generate');
	const failed = output.filter((item) => item.json.error !== undefined);
	if (output.length !== n || failed.length > 0)
		throw new Error(
			`workflow returned ${output.length} items, ${failed.length} failed${failed.length > 0 ? `: ${JSON.stringify(failed[0].json.error)}` : ''}`,
		);
}
