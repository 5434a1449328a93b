import type { INodeType } from 'n8n-workflow';

import type { DataTableStore } from '../data-tables';
import { createDataTableStandIn } from './data-table';
import { HttpRequestStandIn } from './http-request';
import { IfStandIn } from './if';
import { ManualTriggerStandIn } from './manual-trigger';
import { NoOpStandIn } from './no-op';
import { SetStandIn } from './set';
import { SplitOutStandIn } from './split-out';
import { createScheduleTriggerStandIn, createWebhookStandIn } from './start-nodes';

/** Test-only stand-ins for the n8n-nodes-base nodes our example workflows use. */
export function createStandIns(dataTables: DataTableStore): INodeType[] {
	return [
		createDataTableStandIn(dataTables),
		new HttpRequestStandIn(),
		new IfStandIn(),
		new ManualTriggerStandIn(),
		new NoOpStandIn(),
		createScheduleTriggerStandIn(),
		new SetStandIn(),
		new SplitOutStandIn(),
		createWebhookStandIn(),
	];
}
