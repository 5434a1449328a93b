/**
 * The admin endpoint beside the ECGridOS one, for tests and demos (not part of ECGridOS):
 *
 * - `POST /admin/inbox?mailboxId=10&fileName=a.edi` with the raw file as body → 201
 *   `{ parcelId, mailboxId, fileName, bytes, standard, status, … }`
 * - `GET /admin/inbox?mailboxId=10` → the parcels in that InBox not yet confirmed
 * - `GET /admin/parcels/{id}` → the parcel's state and counters, 404 if unknown
 */
import type { DropParcelInput, ParcelView } from '../types';
import { json } from './http-server';
import type { Reply } from './replies';

export const ADMIN_PREFIX = '/admin/';

export interface AdminActions {
	dropParcel(input: DropParcelInput): ParcelView;
	parcel(parcelId: number): ParcelView | undefined;
	inBox(mailboxId?: number): ParcelView[];
}

function optionalId(query: URLSearchParams, name: string): number | undefined | 'bad' {
	const raw = query.get(name);
	if (raw === null || raw === '') return undefined;
	return /^\d+$/.test(raw) ? Number(raw) : 'bad';
}

export function adminReply(
	method: string,
	path: string,
	queryText: string,
	body: Buffer,
	actions: AdminActions,
): Reply {
	const query = new URLSearchParams(queryText);
	try {
		if (path === '/admin/inbox') {
			const mailboxId = optionalId(query, 'mailboxId');
			if (mailboxId === 'bad') return json(400, { error: 'mailboxId must be a number' });
			if (method === 'GET') return json(200, actions.inBox(mailboxId));
			if (method !== 'POST') return json(405, { error: 'use GET or POST' });
			const fileName = query.get('fileName') ?? '';
			if (fileName.trim() === '') return json(400, { error: 'fileName is required' });
			return json(201, actions.dropParcel({ mailboxId, fileName, content: body }));
		}
		const parcel = /^\/admin\/parcels\/(\d+)$/.exec(path);
		if (parcel && method === 'GET') {
			const view = actions.parcel(Number(parcel[1]));
			return view ? json(200, view) : json(404, { error: `no parcel ${parcel[1]}` });
		}
		return json(404, { error: 'unknown admin route' });
	} catch (error) {
		return json(400, { error: (error as Error)?.message ?? String(error) });
	}
}
