import { join } from 'node:path';

import { loadWorkflowFile, type WorkflowJson } from '../harness/workflow-file';
import { setting } from './send-edi-example';

export const WATCH_ACKNOWLEDGMENTS_EXAMPLE = join(
	__dirname,
	'..',
	'..',
	'examples',
	'watch-acknowledgments.workflow.json',
);
export const WATCH_ALERT_PATH = '/hooks/edi-watch';

/** The shipped Watch Acknowledgments example with its alert URL (the Settings node's) at `sinkUrl`. */
export function watchAcknowledgmentsExample(sinkUrl: string): WorkflowJson {
	const workflow = loadWorkflowFile(WATCH_ACKNOWLEDGMENTS_EXAMPLE);
	setting(workflow, 'alertUrl').value = `${sinkUrl}${WATCH_ALERT_PATH}`;
	return workflow;
}
