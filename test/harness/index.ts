// Must come first: points n8n-core at a temporary user folder before it is loaded.
import './env';

export { CredentialStore } from './credential-store';
export type { CredentialUpdate, HarnessCredential } from './credential-store';
export { HarnessCredentialsHelper } from './credentials-helper';
export { NodeTypeRegistry } from './node-types';
export { loadPackage, REPO_ROOT } from './package-loader';
export type { NodePackage } from './package-loader';
export { runWorkflow } from './run-workflow';
export type { RunWorkflowOptions, WorkflowRunResult } from './run-workflow';
export { testCredential } from './test-credential';
export type { TestCredentialOptions } from './test-credential';
export { loadWorkflowFile } from './workflow-file';
export { DataTableStore } from './data-tables';
export type { ColumnType } from './data-tables';
export type { WorkflowJson } from './workflow-file';
export { binaryBytes, storeBinaryDataInFiles } from './binary-data';
export { searchList } from './list-search';
export { activateTrigger, registeredCronTargets } from './trigger-runner';
export type { ActivateOptions, ActiveTrigger, TriggerExecution } from './trigger-runner';
