/** EDI envelope reading, free of n8n: what a parcel is, who it is between, how to name it. */
export { summarizeEnvelope } from './envelope';
export { fileExtensionFor, mimeTypeFor } from './mime';
export type * from './types';
