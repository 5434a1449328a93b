/** A parcel's file name as ECGridOS gives it, made a name a later node can write safely. */
export interface ParcelFileName {
	/** One path part: no folder, no `..`, no control character. */
	fileName: string;
	/** The folders the sender's name held, as given, for the binary's `directory`. */
	directory?: string;
}

/** Both separators: a name from a Windows sender (`in\po.x12`) is split wherever n8n runs. */
const LAST_SEPARATOR = /[\\/](?=[^\\/]*$)/;

/** C0 controls and DEL: a file system refuses NUL, an HTTP header (the editor's download) a line break. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/**
 * ECGridOS passes on the name the sender gave, which may hold folders (`in/2026/po.x12`,
 * `..\..\x.edi`). n8n splits a name only at its own platform's separator, so `..\x.edi` stayed
 * whole on Linux and `$json.fileName` kept every folder: a Read/Write Files from Disk node
 * writing to `/data/{{ $json.fileName }}` could land outside `/data`. The file gets the last
 * part; a name with none (`..`, `in/`) gets `fallback`.
 */
export function parcelFileName(given: unknown, fallback: () => string): ParcelFileName {
	const name = typeof given === 'string' ? given.trim() : '';
	const [folders, last] = LAST_SEPARATOR.test(name) ? name.split(LAST_SEPARATOR) : ['', name];
	const fileName = last.replace(CONTROL_CHARACTERS, '_').trim();
	const usable = fileName !== '' && fileName !== '.' && fileName !== '..';
	return {
		fileName: usable ? fileName : fallback(),
		...(folders !== '' && { directory: folders }),
	};
}
