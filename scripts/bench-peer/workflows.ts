/**
 * The three workflows of `npm run bench:peer`, as n8n 2.41.1 imports them: (node) the ECGridOS
 * node's API Key → Generate, (chain) what users build without it: HTTP Request posting the SOAP 1.1
 * envelope, XML, Edit Fields; (trivial) n8n's start-up and shut-down alone. Both real workflows get
 * their N items the same Code-free way: Edit Fields (raw JSON with an array) → Split Out.
 */
import type { WorkflowJson } from '../e2e/workflows';

/** The users net.admin may generate keys for (network 1), cycled over the items. */
export const TARGET_USERS = [1002, 1003, 1004];

/** The ECGridOS node's output field and the chain's Edit Fields output field: the same name. */
export const KEY_FIELD = 'apiKey';

const trigger = {
	id: 'b0000000-0000-4000-8000-000000000001',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function itemsNodes(n: number) {
	const users = JSON.stringify(TARGET_USERS);
	return [
		trigger,
		{
			id: 'b0000000-0000-4000-8000-000000000002',
			name: 'User IDs',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 0],
			parameters: {
				mode: 'raw',
				jsonOutput: `={{ { "userId": Array.from({ length: ${n} }, (_, i) => ${users}[i % ${TARGET_USERS.length}]) } }}`,
				options: {},
			},
		},
		{
			id: 'b0000000-0000-4000-8000-000000000003',
			name: 'One Item per User',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [400, 0],
			parameters: { fieldToSplitOut: 'userId', options: {} },
		},
	];
}

/** Links the nodes one after the other, in the order given. */
function chainOf(names: string[]): WorkflowJson['connections'] {
	const connections: WorkflowJson['connections'] = {};
	for (let i = 0; i + 1 < names.length; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 } as never]] };
	}
	return connections;
}

function workflow(
	name: string,
	nodes: Array<Record<string, unknown> & { name: string }>,
): WorkflowJson {
	return {
		name,
		nodes: nodes as WorkflowJson['nodes'],
		connections: chainOf(nodes.map((node) => node.name)),
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** A workflow that makes no items: what `n8n execute` costs before and after any work. */
export function trivialWorkflow(): WorkflowJson {
	return workflow('bench:peer trivial', [
		trigger,
		{
			id: 'b0000000-0000-4000-8000-000000000009',
			name: 'Nothing',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [200, 0],
			parameters: {},
		},
	]);
}

/**
 * The N items alone, with no HTTP: what n8n holds for them (and its expression engine) before
 * either contender adds anything; the memory baseline of both.
 */
export function itemsWorkflow(n: number): WorkflowJson {
	return workflow(`bench:peer items N=${n}`, itemsNodes(n));
}

/** The ECGridOS node (typed for the community route; `prepareWorkflow` sets the credential). */
export function nodeWorkflow(n: number, concurrency: number): WorkflowJson {
	return workflow(`bench:peer node N=${n} C=${concurrency}`, [
		...itemsNodes(n),
		{
			id: 'b0000000-0000-4000-8000-000000000004',
			name: 'Generate API Key',
			type: 'n8n-nodes-ecgridos.ecGridOs',
			typeVersion: 1,
			position: [600, 0],
			parameters: {
				resource: 'apiKey',
				operation: 'generate',
				userId: '={{ $json.userId }}',
				options: { concurrency },
			},
		},
	]);
}

/** The key goes into the envelope and an expression verbatim: only a GUID may. */
function guid(text: string): string {
	if (!/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(text)) {
		throw new Error('the API key for the chain is not a GUID');
	}
	return text;
}

/**
 * The chain. The HTTP Request node has no concurrency limit: every item's request starts at once
 * unless Batching throttles it (Items per Batch, then Batch Interval ms before the next batch;
 * it does not wait for the earlier requests). "Concurrency C" for it is therefore Batching with
 * C items per batch and the smallest interval it honours (1 ms): the closest setting it offers.
 * The response format stays the default (autodetect): it turns text/xml into a string in `data`
 * (an explicit "Text" format with a raw body returns the unread stream in 2.41.1).
 */
export function chainWorkflow(
	n: number,
	concurrency: number,
	endpoint: string,
	apiKey: string,
): WorkflowJson {
	const envelope =
		'<?xml version="1.0" encoding="utf-8"?>\n' +
		'<soap:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
		'xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">' +
		'<soap:Body><GenerateAPIKey xmlns="https://os.ecgrid.io/">' +
		`<SessionID>${guid(apiKey)}</SessionID><UserID>{{ $json.userId }}</UserID>` +
		'</GenerateAPIKey></soap:Body></soap:Envelope>';
	return workflow(`bench:peer chain N=${n} C=${concurrency}`, [
		...itemsNodes(n),
		{
			id: 'b0000000-0000-4000-8000-000000000005',
			name: 'HTTP Request',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [600, 0],
			parameters: {
				method: 'POST',
				url: endpoint,
				sendHeaders: true,
				headerParameters: {
					parameters: [{ name: 'SOAPAction', value: '"https://os.ecgrid.io/GenerateAPIKey"' }],
				},
				sendBody: true,
				contentType: 'raw',
				rawContentType: 'text/xml; charset=utf-8',
				body: `=${envelope}`,
				options: {
					batching: { batch: { batchSize: concurrency, batchInterval: 1 } },
				},
			},
		},
		{
			id: 'b0000000-0000-4000-8000-000000000006',
			name: 'XML',
			type: 'n8n-nodes-base.xml',
			typeVersion: 1,
			position: [800, 0],
			parameters: { mode: 'xmlToJson', dataPropertyName: 'data', options: {} },
		},
		{
			id: 'b0000000-0000-4000-8000-000000000007',
			name: 'Edit Fields',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [1000, 0],
			parameters: {
				mode: 'manual',
				assignments: {
					assignments: [
						{
							id: 'b0000000-0000-4000-8000-000000000008',
							name: KEY_FIELD,
							type: 'string',
							value:
								"={{ $json['soap:Envelope']['soap:Body'].GenerateAPIKeyResponse.GenerateAPIKeyResult }}",
						},
					],
				},
				options: {},
			},
		},
	]);
}
