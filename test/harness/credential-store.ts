import type { ICredentialDataDecryptedObject, INodeCredentialsDetails } from 'n8n-workflow';

/** A saved credential, as `n8n import:credentials` takes it (with plain `data`). */
export interface HarnessCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/** One write made through the credentials helper, e.g. a session token stored by preAuthentication. */
export interface CredentialUpdate {
	id: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/**
 * In-memory stand-in for n8n's credentials table. Reads hand out deep copies, as a database read
 * would, so a node that mutates its credentials cannot change what the next read sees; every
 * write is recorded in `updates`.
 */
export class CredentialStore {
	readonly updates: CredentialUpdate[] = [];

	/** How many times each credential (by id) was read, as n8n's database would be queried. */
	readonly reads = new Map<string, number>();

	private readonly byId = new Map<string, HarnessCredential>();

	constructor(credentials: HarnessCredential[] = []) {
		for (const credential of credentials) this.byId.set(credential.id, structuredClone(credential));
	}

	/** The stored credential a node refers to (by id, else by name), checked against its type. */
	get(details: INodeCredentialsDetails, type: string): HarnessCredential {
		const found =
			(details.id !== null ? this.byId.get(details.id) : undefined) ??
			[...this.byId.values()].find((credential) => credential.name === details.name);
		if (found === undefined || found.type !== type) {
			throw new Error(`No ${type} credential with id "${details.id}" / name "${details.name}"`);
		}
		this.reads.set(found.id, (this.reads.get(found.id) ?? 0) + 1);
		return structuredClone(found);
	}

	set(details: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): void {
		const stored = this.get(details, type);
		this.byId.set(stored.id, { ...stored, data: structuredClone(data) });
		this.updates.push({ id: stored.id, type, data: structuredClone(data) });
	}
}
