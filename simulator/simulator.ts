import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

import type { Decoded } from './wire/decode';
import { decodeRequest } from './wire/decode';
import { EcGridError, FrameworkFault } from './errors';
import { InjectionBook } from './injection';
import type { InjectedAction } from './injection';
import { ENDPOINT_PATH, OPERATIONS } from './metadata';
import { DEFAULT_HANDLERS } from './operations';
import { readArguments } from './wire/parameters';
import type { Reply } from './wire/replies';
import { ecGridErrorReply, frameworkFaultReply, htmlPage, plainText, resultReply } from './wire/replies';
import type {
	OperationContext,
	OperationHandler,
	RecordedRequest,
	Simulator,
	SimulatorOptions,
} from './types';
import { createDemoWorld } from './world/world';
import type { World } from './world/world';

const DEFAULT_SESSION_IDLE_MS = 20 * 60 * 1000;
const DEFAULT_MAX_SESSIONS = 5;

/** Start a simulator on 127.0.0.1 with a freshly seeded demo world. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const settings = {
		sessionIdleMs: options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS,
		maxSessionsPerUser: options.maxSessionsPerUser ?? DEFAULT_MAX_SESSIONS,
	};
	const world = createDemoWorld(settings);
	const handlers = new Map<string, OperationHandler>(Object.entries(DEFAULT_HANDLERS));
	const injections = new InjectionBook(options.seed ?? 1);
	const requests: RecordedRequest[] = [];
	const sockets = new Set<Socket>();
	const pendingDelays = new Set<() => void>();
	let closed = false;

	const delay = (ms: number) =>
		new Promise<void>((resolve) => {
			const done = () => {
				clearTimeout(timer);
				pendingDelays.delete(done);
				resolve();
			};
			const timer = setTimeout(done, ms);
			pendingDelays.add(done);
		});

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const body = await readBody(req);
		const [path, query = ''] = splitUrl(req.url ?? '/');
		const headers = flattenHeaders(req);
		const call = { method: req.method ?? 'GET', path, query, headers, body };
		const decoded = await decodeRequest(call);
		const operation = operationOf(decoded);
		requests.push({ ...call, binding: bindingOf(decoded), operation });

		const injected = injections.take(operation);
		if (injected.latencyMs > 0) await delay(injected.latencyMs);
		if (closed) return;
		if (injected.action === 'drop') {
			req.socket.destroy();
			return;
		}
		// A hung request keeps its socket open until close() destroys it.
		if (injected.action === 'hang') return;

		const context = { world, settings, handlers, remoteAddress: req.socket.remoteAddress ?? '' };
		const reply = await injectedReply(injected.action, decoded, () => answer(decoded, context));
		send(res, reply);
	}

	const server = createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			if (!res.headersSent && !res.destroyed) {
				send(res, plainText(500, `Simulator error: ${(error as Error)?.message ?? error}`));
			}
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	const port = await listen(server, options.port ?? 0);

	return {
		url: `http://127.0.0.1:${port}${ENDPOINT_PATH}`,
		world,
		requests,
		inject: (fault) => injections.add(fault),
		clearInjections: () => injections.clear(),
		resetRequests: () => {
			requests.length = 0;
		},
		register(operation, handler) {
			if (!Object.hasOwn(OPERATIONS, operation)) {
				throw new Error(`${operation} is not an ECGridOS operation`);
			}
			handlers.set(operation, handler);
		},
		async close() {
			if (closed) return;
			closed = true;
			const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
			for (const release of [...pendingDelays]) release();
			for (const socket of sockets) socket.destroy();
			await stopped;
		},
	};
}

interface AnswerContext {
	world: World;
	settings: OperationContext['settings'];
	handlers: ReadonlyMap<string, OperationHandler>;
	remoteAddress: string;
}

/** The reply the service itself would give (no injections). */
async function answer(decoded: Decoded, context: AnswerContext): Promise<Reply> {
	if (decoded.kind === 'help') {
		const names = [...context.handlers.keys()].sort().join(', ');
		return htmlPage(200, 'ECGridOS simulator', `Implemented operations: ${names}.`);
	}
	if (decoded.kind === 'notFound') {
		return htmlPage(404, 'The resource cannot be found.', 'HTTP 404.');
	}
	if (decoded.kind === 'fault') return frameworkFaultReply(decoded.binding, decoded.fault);

	const { binding, operation } = decoded;
	try {
		const params = readArguments(operation, decoded.args, binding);
		const handler = context.handlers.get(operation.name);
		if (!handler) {
			const message = `The simulator does not implement ${operation.name}; register() a handler.`;
			throw new FrameworkFault('Server', message, `System.NotImplementedException: ${message}`);
		}
		const { world } = context;
		const caller = () => world.authenticate(String(params.SessionID ?? ''));
		const handlerContext: OperationContext = {
			operation: operation.name,
			binding,
			params,
			world,
			remoteAddress: context.remoteAddress,
			settings: context.settings,
			caller,
			targetUser: (userId) => world.targetUser(caller(), userId),
		};
		const value = await handler(handlerContext);
		return resultReply(binding, operation, value);
	} catch (error) {
		if (error instanceof EcGridError) return ecGridErrorReply(binding, operation.name, error);
		if (error instanceof FrameworkFault) return frameworkFaultReply(binding, error);
		const message = `Server was unable to process request. ---> ${(error as Error)?.message ?? error}`;
		return frameworkFaultReply(binding, new FrameworkFault('Server', message));
	}
}

/** Replace or damage the real reply as an injection asks. */
async function injectedReply(
	action: Exclude<InjectedAction, 'drop' | 'hang'>,
	decoded: Decoded,
	real: () => Promise<Reply>,
): Promise<Reply> {
	switch (action) {
		case 'none':
			return real();
		case 'fail': {
			const binding =
				decoded.kind === 'call' || decoded.kind === 'fault' ? decoded.binding : 'unknown';
			const message = 'Server was unable to process request. ---> Simulated transient failure.';
			return frameworkFaultReply(
				binding,
				new FrameworkFault('Server', message, `System.Web.HttpException: ${message}`),
			);
		}
		case 'html':
			return htmlPage(502, '502 Bad Gateway', 'The proxy received an invalid response upstream.');
		case 'empty':
			return { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, body: '' };
		case 'truncated': {
			// A 200 whose document stops halfway, as a proxy cutting the stream would leave it.
			const reply = await real();
			const body = reply.body.slice(0, Math.floor(reply.body.length / 2));
			return { status: 200, headers: reply.headers, body };
		}
	}
}

function operationOf(decoded: Decoded): string | undefined {
	if (decoded.kind === 'call') return decoded.operation.name;
	if (decoded.kind === 'fault') return decoded.operationName;
	return undefined;
}

function bindingOf(decoded: Decoded): RecordedRequest['binding'] {
	return decoded.kind === 'call' || decoded.kind === 'fault' ? decoded.binding : 'unknown';
}

function send(res: ServerResponse, reply: Reply): void {
	if (res.destroyed) return;
	res.writeHead(reply.status, {
		...reply.headers,
		'content-length': String(Buffer.byteLength(reply.body)),
	});
	res.end(reply.body);
}

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function splitUrl(url: string): [string, string?] {
	const at = url.indexOf('?');
	return at < 0 ? [url] : [url.slice(0, at), url.slice(at + 1)];
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}

function listen(server: Server, port: number): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', reject);
			const address = server.address();
			resolve(typeof address === 'object' && address ? address.port : port);
		});
	});
}
