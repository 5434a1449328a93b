/** Local ECGridOS simulator for tests and demos: `startSimulator()` and its types. */
export { startSimulator } from './simulator';
export { watchInboxFolder } from './inbox-folder';
export type { InboxFolder, InboxFolderOptions } from './inbox-folder';
export type {
	Binding,
	FaultInjection,
	OperationContext,
	OperationHandler,
	PartnerAnswer,
	PartnerAnswerKind,
	PartnerBehaviour,
	PartnerInjection,
	RejectRule,
	DataSetValue,
	DataTable,
	DropParcelInput,
	ParcelView,
	RecordedRequest,
	Simulator,
	SimulatorOptions,
} from './types';
export { DEMO_ANSWERING_PARTNERS } from './partner/behaviour';
export { DEMO_MAILBOX_ID, DEMO_USERS, SAMPLES_DIR, createDemoWorld, sample } from './world/demo';
export { World, canActOn, canSeeMailbox, hasLevel } from './world/world';
export type { Caller, DemoUser, NewUser } from './world/world';
export type * from './world/records';
export { EcGridError, FrameworkFault, RetCode } from './errors';
export type { RetCodeName } from './errors';
