/**
 * The curated catalog: how the WSDL's operations appear in n8n. Wire facts (parameters, types,
 * results) stay in the generated WSDL metadata; an entry here only says which WSDL calls one
 * user-facing operation folds, and the words a user reads. Plain data, free of n8n.
 */

/**
 * The WSDL calls one operation folds. `call` is the plain form; the others are chosen per item:
 * - `ex`: the same call with an explicit Network ID / Mailbox ID (chosen when the user sets one);
 * - `base64`, `exBase64`: content carried as a base64 string (`…A`/`…B` calls, option
 *   "Send Content as Base64 Text") instead of a byte array;
 * - `noUpdate`, `noUpdateBase64`: the same read without marking anything in ECGrid (option
 *   "Mark as Downloaded" off).
 */
export interface OperationCalls {
	call: string;
	ex?: string;
	base64?: string;
	exBase64?: string;
	noUpdate?: string;
	noUpdateBase64?: string;
}

export type CallVariant = keyof OperationCalls;

/** A parameter as one operation shows it, where the generic field does not fit. */
export interface FieldOverride {
	/** Shown under the field. */
	description?: string;
	/** For ID fields: empty is allowed and sent as 0, which ECGridOS reads as "any" / "none". */
	optional?: boolean;
	/** For number, boolean and options fields: the value a new node starts with. */
	default?: number | boolean | string;
}

export interface OperationEntry {
	/** Title Case, e.g. "Get Many". */
	name: string;
	/** Sentence case, names the object: "Get many mailboxes". AI tools read it. */
	action: string;
	/** One sentence in our own words: what it does and what comes back. */
	description: string;
	calls: OperationCalls;
	/**
	 * For calls that destroy or replace something (terminate, suspend, delete, cancel, replace a
	 * key or password): what is lost. Shown as a notice and added to the action for AI tools.
	 */
	destroys?: string;
	/** For scalar results: the output field, e.g. `mailboxId` after Mailbox → Create. */
	resultName?: string;
	/**
	 * For calls that exist to return one value (a key): its name in words, e.g. "API key". An
	 * empty, whitespace or nil answer then fails the item instead of giving an empty value.
	 */
	requiredResult?: string;
	/** Per WSDL parameter name. */
	fields?: Record<string, FieldOverride>;
}

export interface ResourceEntry {
	/** Title Case, e.g. "Trading Partner". */
	name: string;
	/** camelCase, e.g. `tradingPartner`. */
	value: string;
	/** The operation a new node shows first: always a read. */
	defaultOperation: string;
	/** Keyed by the operation's camelCase value, unique within the resource. */
	operations: Record<string, OperationEntry>;
}
