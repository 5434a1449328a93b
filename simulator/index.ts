/** Local ECGridOS simulator for tests and demos: `startSimulator()` and its types. */
export { startSimulator } from './simulator';
export type {
	Binding,
	FaultInjection,
	OperationContext,
	OperationHandler,
	RecordedRequest,
	Simulator,
	SimulatorOptions,
} from './types';
export { DEMO_USERS, World, canActOn } from './world/world';
export type { AuthLevel, Caller, DemoUser, NewUser, SimUser } from './world/world';
export { EcGridError, FrameworkFault, RetCode } from './errors';
export type { RetCodeName } from './errors';
