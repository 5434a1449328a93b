/**
 * `startSimulator()`: the composition of the three layers, a demo world (`world/`), a handler for
 * every operation (`operations/`) and the ECGridOS wire (`wire/`), on one HTTP server with the
 * admin endpoint beside it.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

import { EcGridError, FrameworkFault } from './errors';
import { InjectionBook } from './injection';
import { Partners } from './partner/partners';
import type { InjectionOutcome } from './injection';
import { ENDPOINT_PATH, OPERATIONS } from './metadata';
import { DEFAULT_HANDLERS } from './operations';
import type {
	DropParcelInput,
	OperationContext,
	OperationHandler,
	ParcelView,
	RecordedRequest,
	Simulator,
	SimulatorOptions,
} from './types';
import { ADMIN_PREFIX, adminReply } from './wire/admin';
import type { Decoded } from './wire/decode';
import { decodeRequest } from './wire/decode';
import { flattenHeaders, listen, readBody, send, splitUrl } from './wire/http-server';
import { readArguments } from './wire/parameters';
import type { Reply } from './wire/replies';
import {
	ecGridErrorReply,
	frameworkFaultReply,
	htmlPage,
	plainText,
	resultReply,
	withCustomErrors,
} from './wire/replies';
import { wsdlDocument } from './wire/wsdl';
import { DEMO_MAILBOX_ID, createDemoWorld } from './world/demo';
import { dropParcel } from './world/parcels';
import type { SimParcel } from './world/records';
import type { World } from './world/world';

const DEFAULT_SESSION_IDLE_MS = 20 * 60 * 1000;
const DEFAULT_MAX_SESSIONS = 5;

/** Start a simulator on 127.0.0.1 with a freshly seeded demo world. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const settings = {
		sessionIdleMs: options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS,
		maxSessionsPerUser: options.maxSessionsPerUser ?? DEFAULT_MAX_SESSIONS,
		seed: options.seed ?? 1,
	};
	const world = createDemoWorld({
		...settings,
		demoParcels: options.demoParcels,
		parcelIdBase: options.parcelIdBase,
	});
	const handlers = new Map<string, OperationHandler>(Object.entries(DEFAULT_HANDLERS));
	const injections = new InjectionBook(settings.seed);
	const partners = new Partners(world, {
		partners: options.partners,
		seed: settings.seed,
		log: options.log,
	});
	world.onDelivered = (delivery) => partners.receive(delivery);
	const requests: RecordedRequest[] = [];
	const sockets = new Set<Socket>();
	const pendingDelays = new Set<() => void>();
	const log = options.log;
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

	const admin = {
		dropParcel(input: DropParcelInput): ParcelView {
			const mailboxId = input.mailboxId ?? DEMO_MAILBOX_ID;
			const mailbox = world.mailboxes.get(mailboxId);
			if (!mailbox) throw new Error(`No mailbox ${mailboxId}`);
			if (!Buffer.isBuffer(input.content)) throw new Error('content must be a Buffer');
			return parcelView(dropParcel(world, mailbox, input));
		},
		parcel(parcelId: number): ParcelView | undefined {
			const parcel = world.parcels.get(parcelId);
			return parcel ? parcelView(parcel) : undefined;
		},
		inBox(mailboxId = DEMO_MAILBOX_ID): ParcelView[] {
			return [...world.parcels.values()]
				.filter((p) => p.mailboxId === mailboxId && p.direction === 'InBox' && p.inInBox)
				.sort((a, b) => a.date.getTime() - b.date.getTime() || a.parcelId - b.parcelId)
				.map(parcelView);
		},
	};

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const raw = await readBody(req);
		const body = raw.toString('utf8');
		const [path, query = ''] = splitUrl(req.url ?? '/');
		const method = req.method ?? 'GET';
		if (path.startsWith(ADMIN_PREFIX)) {
			send(res, adminReply(method, path, query, raw, admin));
			return;
		}
		if (path === ENDPOINT_PATH && method === 'GET' && query.toLowerCase() === 'wsdl') {
			const location = `http://${req.headers.host ?? `127.0.0.1:${port}`}${ENDPOINT_PATH}`;
			send(res, {
				status: 200,
				headers: { 'content-type': 'text/xml; charset=utf-8' },
				body: wsdlDocument(location),
			});
			return;
		}
		const headers = flattenHeaders(req);
		const call = { method, path, query, headers, body };
		const decoded = await decodeRequest(call);
		const operation = operationOf(decoded);
		const binding = bindingOf(decoded);
		requests.push({ ...call, binding, operation });

		const injected = injections.take(operation);
		const latency = injected.latencyMs + (options.latencyMs ?? 0);
		if (latency > 0) await delay(latency);
		if (closed) return;
		const note = (outcome: string) =>
			log?.(
				`${new Date().toISOString()} ${operation ?? `${method} ${path}`} ${binding} ${outcome}`,
			);
		if (injected.action === 'drop') {
			note('injected drop');
			req.socket.destroy();
			return;
		}
		// A hung request keeps its socket open until close() destroys it.
		if (injected.action === 'hang') {
			note('injected hang');
			return;
		}

		const context = { world, settings, handlers, remoteAddress: req.socket.remoteAddress ?? '' };
		let outcome = 'ok';
		const reply = await injectedReply(injected, decoded, async () => {
			const answered = await answer(decoded, context);
			outcome = answered.outcome;
			return answered.reply;
		});
		note(injected.action === 'none' ? outcome : `injected ${injected.action}`);
		const plainBinding = binding === 'httpGet' || binding === 'httpPost';
		send(res, options.customErrors && plainBinding ? withCustomErrors(reply) : reply);
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
		inject: (fault) => ('partner' in fault ? partners.inject(fault) : injections.add(fault)),
		clearInjections: () => {
			injections.clear();
			partners.clear();
		},
		answers: partners.answers,
		resetRequests: () => {
			requests.length = 0;
		},
		register(operation, handler) {
			if (!Object.hasOwn(OPERATIONS, operation)) {
				throw new Error(`${operation} is not an ECGridOS operation`);
			}
			handlers.set(operation, handler);
		},
		dropParcel: admin.dropParcel,
		parcel: admin.parcel,
		inBox: admin.inBox,
		parcelContent: (parcelId) => {
			const parcel = world.parcels.get(parcelId);
			return parcel ? Buffer.from(parcel.content) : undefined;
		},
		async close() {
			if (closed) return;
			closed = true;
			partners.close();
			const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
			for (const release of [...pendingDelays]) release();
			for (const socket of sockets) socket.destroy();
			await stopped;
		},
	};
}

function parcelView(parcel: SimParcel): ParcelView {
	return {
		parcelId: parcel.parcelId,
		direction: parcel.direction,
		networkId: parcel.networkId,
		mailboxId: parcel.mailboxId,
		fileName: parcel.fileName,
		bytes: parcel.content.length,
		standard: parcel.standard,
		status: parcel.status ?? null,
		inInBox: parcel.inInBox,
		counters: { ...parcel.counters },
		interchangeIds: [...parcel.interchangeIds],
	};
}

interface AnswerContext {
	world: World;
	settings: OperationContext['settings'];
	handlers: ReadonlyMap<string, OperationHandler>;
	remoteAddress: string;
}

/** The reply the service itself would give (no injections), and its outcome for the log. */
async function answer(
	decoded: Decoded,
	context: AnswerContext,
): Promise<{ reply: Reply; outcome: string }> {
	if (decoded.kind === 'help') {
		const names = [...context.handlers.keys()].sort().join(', ');
		const text = `Operations (SOAP 1.1, SOAP 1.2, HTTP GET, HTTP POST; WSDL at ?WSDL): ${names}.`;
		return { reply: htmlPage(200, 'ECGridOS simulator', text), outcome: 'ok' };
	}
	if (decoded.kind === 'notFound') {
		return {
			reply: htmlPage(404, 'The resource cannot be found.', 'HTTP 404.'),
			outcome: 'not found',
		};
	}
	if (decoded.kind === 'fault') {
		return {
			reply: frameworkFaultReply(decoded.binding, decoded.fault),
			outcome: 'framework fault',
		};
	}

	const { binding, operation } = decoded;
	try {
		const params = readArguments(operation, decoded.args, binding);
		const handler = context.handlers.get(operation.name) as OperationHandler;
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
		return { reply: resultReply(binding, operation, value), outcome: 'ok' };
	} catch (error) {
		if (error instanceof EcGridError) {
			return { reply: ecGridErrorReply(binding, operation.name, error), outcome: error.retCode };
		}
		if (error instanceof FrameworkFault) {
			return { reply: frameworkFaultReply(binding, error), outcome: 'framework fault' };
		}
		const message = `Server was unable to process request. ---> ${(error as Error)?.message ?? error}`;
		return {
			reply: frameworkFaultReply(binding, new FrameworkFault('Server', message)),
			outcome: 'server fault',
		};
	}
}

/** Replace or damage the real reply as an injection asks. */
async function injectedReply(
	{ action, retCode }: InjectionOutcome,
	decoded: Decoded,
	real: () => Promise<Reply>,
): Promise<Reply> {
	switch (action) {
		case 'drop':
		case 'hang':
			throw new Error(`an injected ${action} has no reply`);
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
		case 'ecgridError': {
			if (decoded.kind !== 'call') return real();
			const error = new EcGridError(retCode ?? 'InternalError', '', 'Simulated ECGridOS error.');
			return ecGridErrorReply(decoded.binding, decoded.operation.name, error);
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
