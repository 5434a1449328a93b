import { join } from 'node:path';

import { loadWorkflowFile, type WorkflowJson } from '../harness/workflow-file';

export const WATCH_ACKNOWLEDGMENTS_EXAMPLE = join(
	__dirname,
	'..',
	'..',
	'examples',
	'watch-acknowledgments.workflow.json',
);
export const WATCH_ALERT_PATH = '/hooks/edi-watch';
const SETTINGS_NODE = 'Settings';

/** The shipped Watch Acknowledgments example with its alert URL (the Settings node's) at `sinkUrl`. */
export function watchAcknowledgmentsExample(sinkUrl: string): WorkflowJson {
	const workflow = loadWorkflowFile(WATCH_ACKNOWLEDGMENTS_EXAMPLE);
	const settings = workflow.nodes.find((node) => node.name === SETTINGS_NODE);
	const assignments = (
		settings?.parameters.assignments as { assignments: Array<{ name: string; value: unknown }> }
	).assignments;
	const alertUrl = assignments.find((assignment) => assignment.name === 'alertUrl');
	if (!alertUrl)
		throw new Error(`${WATCH_ACKNOWLEDGMENTS_EXAMPLE}: no alertUrl in ${SETTINGS_NODE}`);
	alertUrl.value = `${sinkUrl}${WATCH_ALERT_PATH}`;
	return workflow;
}
