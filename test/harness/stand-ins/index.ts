import type { INodeType } from 'n8n-workflow';

import { HttpRequestStandIn } from './http-request';
import { ManualTriggerStandIn } from './manual-trigger';
import { NoOpStandIn } from './no-op';
import { SetStandIn } from './set';
import { SplitOutStandIn } from './split-out';

/** Test-only stand-ins for the n8n-nodes-base nodes our example workflows use. */
export function createStandIns(): INodeType[] {
	return [
		new HttpRequestStandIn(),
		new ManualTriggerStandIn(),
		new NoOpStandIn(),
		new SetStandIn(),
		new SplitOutStandIn(),
	];
}
