import type { OperationHandler } from '../types';

/** GenerateAPIKey(SessionID, UserID) → new GUID; the user's previous key stops working. */
export const generateApiKey: OperationHandler = (context) => {
	const target = context.targetUser(context.params.UserID as number);
	return context.world.replaceApiKey(target.userId);
};

/** UserGetAPIKey(SessionID, UserID) → the user's current key. */
export const userGetApiKey: OperationHandler = (context) => {
	const target = context.targetUser(context.params.UserID as number);
	return context.world.apiKeyOf(target.userId);
};
