import type { Readable } from 'node:stream';

import { replyText, UnreadableResponseError, type ReplyText } from '../soap';

/** What bounds one answer: the whole of it must arrive before the deadline and within the cap. */
export interface ReplyLimits {
	deadline: AbortSignal;
	maxReplyBytes: number;
}

/** Raised into a reply stream when its deadline passes, so the read stops where it is. */
export class DeadlinePassed extends Error {
	constructor() {
		super('The deadline for the ECGridOS answer passed');
		this.name = 'DeadlinePassed';
	}
}

function isReadable(body: unknown): body is Readable {
	return (
		typeof body === 'object' &&
		body !== null &&
		typeof (body as Readable).pipe === 'function' &&
		typeof (body as Readable)[Symbol.asyncIterator] === 'function'
	);
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

function tooLarge(limits: ReplyLimits, status: number): UnreadableResponseError {
	return new UnreadableResponseError(
		`The ECGridOS reply is larger than the Max Reply Size (${megabytes(limits.maxReplyBytes)})`,
		'tooLarge',
		status,
	);
}

/**
 * Collects a reply's bytes. When the server says how many there will be, into one buffer of
 * that size as they arrive, so the chunks can go at once and nothing is copied twice; a server
 * that sends more (or a body n8n decompressed) is collected chunk by chunk from there on.
 */
class ReplyBytes {
	private readonly chunks: Buffer[] = [];

	private filled = 0;

	private whole: Buffer | undefined;

	received = 0;

	constructor(expectedBytes: number | undefined) {
		if (expectedBytes !== undefined && expectedBytes > 0)
			this.whole = Buffer.allocUnsafe(expectedBytes);
	}

	push(bytes: Buffer): void {
		this.received += bytes.length;
		if (this.whole && this.filled + bytes.length <= this.whole.length) {
			this.filled += bytes.copy(this.whole, this.filled);
			return;
		}
		if (this.whole) {
			this.chunks.push(this.whole.subarray(0, this.filled));
			this.whole = undefined;
		}
		this.chunks.push(bytes);
	}

	bytes(): Buffer {
		if (this.whole) return this.whole.subarray(0, this.filled);
		return this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.received);
	}
}

/**
 * Reads a reply body as text (long plain runs left as bytes, see replyText), counting the bytes as they arrive (after decompression, which
 * n8n's helper does inside the stream) and stopping at the cap or the deadline, whichever
 * comes first: a gzip bomb or a server dripping one byte at a time cannot hold the node.
 * The bytes are decoded once, whole: text decoded per chunk and joined costs twice the memory.
 * `expectedBytes` is the Content-Length, trusted only as far as the cap.
 */
export async function readBody(
	body: unknown,
	status: number,
	limits: ReplyLimits,
	expectedBytes?: number,
): Promise<ReplyText> {
	if (!isReadable(body)) {
		// An n8n that ignores `encoding: 'stream'` hands over the whole body; it is still capped.
		const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : '');
		if (bytes.length > limits.maxReplyBytes) throw tooLarge(limits, status);
		return replyText(bytes, status);
	}
	const stop = () => body.destroy(new DeadlinePassed());
	if (limits.deadline.aborted) stop();
	limits.deadline.addEventListener('abort', stop, { once: true });
	const reply = new ReplyBytes(
		expectedBytes !== undefined && expectedBytes <= limits.maxReplyBytes
			? expectedBytes
			: undefined,
	);
	try {
		for await (const chunk of body) {
			const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
			if (reply.received + bytes.length > limits.maxReplyBytes) throw tooLarge(limits, status);
			reply.push(bytes);
		}
	} finally {
		limits.deadline.removeEventListener('abort', stop);
		if (!body.destroyed) body.destroy();
	}
	return replyText(reply.bytes(), status);
}

/**
 * Settles with the promise, or rejects when the deadline passes first: the deadline holds even
 * where a helper does not take an abort signal. A late answer's stream is closed unread.
 */
export async function beforeDeadline<T>(promise: Promise<T>, deadline: AbortSignal): Promise<T> {
	return await new Promise<T>((resolve, reject) => {
		const onAbort = () => {
			reject(new DeadlinePassed());
			promise.then(
				(late) => {
					const body = (late as { body?: unknown } | undefined)?.body;
					if (isReadable(body)) body.destroy();
				},
				() => undefined,
			);
		};
		if (deadline.aborted) return onAbort();
		deadline.addEventListener('abort', onAbort, { once: true });
		promise.then(
			(value) => {
				deadline.removeEventListener('abort', onAbort);
				resolve(value);
			},
			(error: unknown) => {
				deadline.removeEventListener('abort', onAbort);
				reject(error);
			},
		);
	});
}
