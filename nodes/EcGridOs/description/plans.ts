import { planOf, type OperationPlan } from '../catalog/plan';
import { RESOURCES } from '../catalog/resources';

/** Every user-facing operation's plan, built once when the node module loads. */
export const PLANS: readonly OperationPlan[] = RESOURCES.flatMap((resource) =>
	Object.entries(resource.operations).map(([operation, entry]) =>
		planOf(resource.value, operation, entry),
	),
);

const BY_KEY = new Map(PLANS.map((plan) => [`${plan.resource}.${plan.operation}`, plan]));

export function findPlan(resource: string, operation: string): OperationPlan | undefined {
	return BY_KEY.get(`${resource}.${operation}`);
}
