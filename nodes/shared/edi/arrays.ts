/**
 * Appends every element of `source` to `target`. Not `target.push(...source)`: a spread passes
 * each element as an argument, and a big file's hundred thousand sets overflow the stack.
 */
export function pushAll<T>(target: T[], source: Iterable<T>): void {
	for (const each of source) target.push(each);
}
