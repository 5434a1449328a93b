import { UnreadableResponseError } from './errors';

/**
 * Turns a reply's bytes into text as they arrive, strictly: ECGridOS answers in UTF-8, and a
 * byte sequence that is not UTF-8 means the reply was damaged or is not ECGridOS's. Decoding
 * chunk by chunk lets each chunk go as soon as it is read.
 */
export class ReplyTextDecoder {
	private readonly decoder = new TextDecoder('utf-8', { fatal: true });

	private readonly parts: string[] = [];

	constructor(private readonly httpStatus: number) {}

	push(chunk: Uint8Array): void {
		this.parts.push(this.decode(chunk, true));
	}

	finish(): string {
		this.parts.push(this.decode(undefined, false));
		return this.parts.join('');
	}

	private decode(chunk: Uint8Array | undefined, more: boolean): string {
		try {
			return this.decoder.decode(chunk, { stream: more });
		} catch {
			throw new UnreadableResponseError(
				'ECGridOS sent a reply that is not valid UTF-8 text',
				'malformed',
				this.httpStatus,
			);
		}
	}
}
