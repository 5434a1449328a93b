import { ECGRIDOS_VERSION } from '../metadata';
import type { OperationHandler } from '../types';

/** Version() → build string; needs no SessionID. */
export const version: OperationHandler = () => `ECGridOS ${ECGRIDOS_VERSION} simulator`;

/** NowUTC() → the server clock; needs no SessionID. */
export const nowUtc: OperationHandler = () => new Date();
