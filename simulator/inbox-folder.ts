/**
 * `--inbox <dir>`: every file in the folder, present at start or arriving later, becomes a parcel
 * in a mailbox's InBox (file name kept). A file is taken once its size and modification time have
 * held still for one poll, so a copy still being written is not cut short; a file rewritten later
 * becomes a new parcel. Files are left where they are.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface InboxFolderOptions {
	/** Default 500 ms. */
	intervalMs?: number;
	onError?: (error: Error) => void;
}

export interface InboxFolder {
	/** Resolves after the next full scan (tests, and the first scan at start). */
	scanned(): Promise<void>;
	stop(): void;
}

export function watchInboxFolder(
	dir: string,
	drop: (fileName: string, content: Buffer) => void,
	options: InboxFolderOptions = {},
): InboxFolder {
	const taken = new Set<string>();
	const lastSeen = new Map<string, string>();
	let timer: NodeJS.Timeout | undefined;
	let stopped = false;
	let waiters: (() => void)[] = [];

	async function scan(first: boolean): Promise<void> {
		const names = (await readdir(dir, { withFileTypes: true }))
			.filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
			.map((entry) => entry.name)
			.sort();
		for (const name of names) {
			const info = await stat(join(dir, name));
			const version = `${name}|${info.size}|${info.mtimeMs}`;
			if (taken.has(version)) continue;
			// Present at start: taken at once; arriving later: once it held still for a poll.
			if (first || lastSeen.get(name) === version) {
				taken.add(version);
				drop(name, await readFile(join(dir, name)));
			}
			lastSeen.set(name, version);
		}
	}

	const tick = (first: boolean) => {
		scan(first)
			.catch((error: Error) => options.onError?.(error))
			.finally(() => {
				const done = waiters;
				waiters = [];
				for (const resolve of done) resolve();
				if (!stopped) timer = setTimeout(() => tick(false), options.intervalMs ?? 500);
			});
	};
	tick(true);

	return {
		scanned: () => new Promise((resolve) => waiters.push(resolve)),
		stop() {
			stopped = true;
			if (timer) clearTimeout(timer);
		},
	};
}
