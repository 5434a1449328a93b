import { EcGridOsError, EcGridOsFault, FrameworkFault } from '../soap';

/** Raised when Login itself fails, so callers stop instead of trying again and locking the user out. */
export class LoginFailedError extends Error {
	constructor(
		readonly loginName: string,
		readonly cause: Error,
	) {
		const refused = cause instanceof EcGridOsFault || cause instanceof FrameworkFault;
		super(
			refused
				? `ECGridOS refused the login for "${loginName}": ${cause.message}`
				: `Could not log in to ECGridOS as "${loginName}": ${cause.message}`,
		);
		this.name = 'LoginFailedError';
	}

	get description(): string {
		const advice =
			'Check the login name, password and endpoint URL of the ECGridOS Login credential. The login is not tried again in this execution, so that repeated failures cannot lock the user out.';
		return this.cause instanceof EcGridOsError ? `${advice} ${this.cause.description}` : advice;
	}
}
