/**
 * Shaped like an HTTP client error with status 401, the status n8n-core answers by running the
 * credential's preAuthentication again (see `httpRequestWithAuthentication`). Nothing is sent.
 */
export class SessionExpiredSignal extends Error {
	readonly response = { status: 401 };

	constructor() {
		super('The ECGridOS session expired');
		this.name = 'SessionExpiredSignal';
	}
}
