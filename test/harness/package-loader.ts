import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

/** What a community package contributes to n8n: its node types and credential types. */
export interface NodePackage {
	/** npm package name: workflow JSON types its nodes as `<name>.<nodeName>`. */
	name: string;
	nodes: Array<INodeType | IVersionedNodeType>;
	credentials: ICredentialType[];
}

interface PackageManifest {
	name: string;
	n8n?: { nodes?: string[]; credentials?: string[] };
}

export const REPO_ROOT = resolve(__dirname, '..', '..');

/**
 * Loads the classes listed in package.json's `n8n` section, the way n8n's package loader does:
 * the class to instantiate is named after the file (`dist/nodes/X/X.node.js` exports `X`).
 */
export function loadPackage(packageRoot: string = REPO_ROOT): NodePackage {
	const manifest = JSON.parse(
		readFileSync(join(packageRoot, 'package.json'), 'utf8'),
	) as PackageManifest;
	const load = <T>(file: string, suffix: RegExp): T => {
		const path = join(packageRoot, file);
		if (!existsSync(path)) {
			throw new Error(`${path} is missing: run \`npm run build\` first`);
		}
		const className = basename(file).replace(suffix, '');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = (require(path) as Record<string, unknown>)[className];
		if (typeof exported !== 'function') {
			throw new Error(`${path} does not export a class named ${className}`);
		}
		return new (exported as new () => T)();
	};
	return {
		name: manifest.name,
		nodes: (manifest.n8n?.nodes ?? []).map((file) =>
			load<INodeType | IVersionedNodeType>(file, /\.node\.[jt]s$/),
		),
		credentials: (manifest.n8n?.credentials ?? []).map((file) =>
			load<ICredentialType>(file, /\.credentials\.[jt]s$/),
		),
	};
}
