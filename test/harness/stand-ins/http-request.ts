import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	JsonObject,
} from 'n8n-workflow';

/**
 * Stand-in for n8n-nodes-base.httpRequest 4.2 as the examples use it: a method and URL, and
 * optionally a JSON body given as JSON text ("Using JSON"), sent through n8n-core's real
 * `httpRequest`. The reply's JSON becomes the item, as in n8n. Other body modes are refused
 * rather than faked.
 */
export class HttpRequestStandIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HTTP Request (harness)',
		name: 'httpRequest',
		group: ['output'],
		version: [4.2],
		description: 'Makes an HTTP request',
		defaults: { name: 'HTTP Request' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Send Body', name: 'sendBody', type: 'boolean', default: false },
			{ displayName: 'Body Content Type', name: 'contentType', type: 'string', default: 'json' },
			{ displayName: 'Specify Body', name: 'specifyBody', type: 'string', default: 'keypair' },
			{ displayName: 'JSON', name: 'jsonBody', type: 'string', default: '' },
			{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [] },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output: INodeExecutionData[] = [];
		for (const [itemIndex] of this.getInputData().entries()) {
			const method = this.getNodeParameter('method', itemIndex) as 'GET' | 'POST';
			const url = this.getNodeParameter('url', itemIndex) as string;
			let body: IDataObject | undefined;
			if (this.getNodeParameter('sendBody', itemIndex) as boolean) {
				const contentType = this.getNodeParameter('contentType', itemIndex) as string;
				const specifyBody = this.getNodeParameter('specifyBody', itemIndex) as string;
				if (contentType !== 'json' || specifyBody !== 'json') {
					throw new NodeOperationError(
						this.getNode(),
						`The harness HTTP Request sends only JSON given as JSON text, not ${contentType}/${specifyBody}`,
					);
				}
				body = parseJsonBody(this, this.getNodeParameter('jsonBody', itemIndex), itemIndex);
			}
			try {
				const reply: unknown = await this.helpers.httpRequest({ method, url, body, json: true });
				const json = typeof reply === 'object' && reply !== null ? reply : { data: reply };
				output.push({ json: json as IDataObject, pairedItem: { item: itemIndex } });
			} catch (error) {
				throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
			}
		}
		return [output];
	}
}

/** As the real node: an object is sent as it is, text must parse as JSON. */
function parseJsonBody(context: IExecuteFunctions, value: unknown, itemIndex: number): IDataObject {
	if (typeof value === 'object' && value !== null) return value as IDataObject;
	try {
		return JSON.parse(String(value)) as IDataObject;
	} catch {
		throw new NodeOperationError(context.getNode(), 'JSON parameter needs to be valid JSON', {
			itemIndex,
		});
	}
}
