import { RESOURCES } from '../catalog/resources';

/**
 * The canvas subtitle: the operation and resource as the user picked them ("Get Many in InBox:
 * Parcel"), not their internal values. The editor evaluates it as an expression with no access
 * to the node's code, so the names travel inside it as a lookup table.
 */
export function subtitleExpression(): string {
	const names: Record<string, string> = {};
	for (const resource of RESOURCES)
		for (const [value, operation] of Object.entries(resource.operations))
			names[`${resource.value}.${value}`] = `${operation.name}: ${resource.name}`;
	const key = '$parameter["resource"] + "." + $parameter["operation"]';
	return `={{ ${JSON.stringify(names)}[${key}] ?? $parameter["operation"] + ": " + $parameter["resource"] }}`;
}
