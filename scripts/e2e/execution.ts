/** Reads what `n8n execute --rawOutput` prints: banner lines, then the run as pretty JSON. */

export interface NodeError {
	message?: string;
	description?: string | null;
	name?: string;
	[key: string]: unknown;
}

export interface OutputItem {
	json: Record<string, unknown>;
	pairedItem?: { item: number } | Array<{ item: number }> | number;
}

export interface TaskData {
	executionStatus?: string;
	error?: NodeError;
	data?: { main?: Array<OutputItem[] | null> };
}

export interface ExecutionRun {
	status?: string;
	data: {
		resultData: {
			error?: NodeError;
			runData: Record<string, TaskData[]>;
		};
	};
}

/**
 * n8n pretty-prints the run with two-space indentation, so its first line is `{` (possibly after
 * a log prefix) and its last is a bare `}`; everything around it is log noise.
 */
export function parseExecution(stdout: string): ExecutionRun {
	const lines = stdout.split('\n');
	for (let start = 0; start < lines.length; start++) {
		if (!lines[start].trimEnd().endsWith('{')) continue;
		const end = lines.findIndex((line, index) => index > start && line.trimEnd() === '}');
		if (end === -1) break;
		const first = lines[start].trimEnd();
		const candidate = ['{', ...lines.slice(start + 1, end + 1)].join('\n');
		if (first !== '{' && !first.endsWith(' {')) continue;
		try {
			const parsed = JSON.parse(candidate) as ExecutionRun;
			if (parsed?.data?.resultData) return parsed;
		} catch {
			// Not the run: keep looking.
		}
	}
	throw new Error(`no execution JSON in n8n output:\n${stdout.slice(0, 2_000)}`);
}

/** The one run of `nodeName` in this execution. */
export function taskOf(run: ExecutionRun, nodeName: string): TaskData {
	const tasks = run.data.resultData.runData[nodeName];
	if (!tasks || tasks.length === 0) throw new Error(`node "${nodeName}" did not run`);
	return tasks[tasks.length - 1];
}

export function mainOutput(task: TaskData): OutputItem[] {
	return task.data?.main?.[0] ?? [];
}
