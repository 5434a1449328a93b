import type { OperationHandler } from '../operation';
import { downloadParcel } from './downloadParcel';
import { generateApiKey } from './generateApiKey';
import { logOut } from './logOut';
import { uploadParcel } from './uploadParcel';

/** Operations whose behaviour differs from the generic path, by `resource.operation`. */
export const HANDLERS: Readonly<Record<string, OperationHandler>> = {
	'apiKey.generate': generateApiKey,
	'parcel.download': downloadParcel,
	'parcel.upload': uploadParcel,
	'parcel.uploadManagedFile': uploadParcel,
	'session.logOut': logOut,
};
