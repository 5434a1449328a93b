import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import type { OperationCall, ResultValue } from '../soap';
import { compareLongs } from '../soap/longInteger';
import { API_KEY_CREDENTIAL, DEFAULT_TIMEOUT_MS, LOGIN_CREDENTIAL } from '../transport/constants';
import { EcGridOsClient } from '../transport/ecgridosClient';
import { describeFailure } from '../transport/nodeErrors';

type Row = Record<string, ResultValue>;

/** Pick-lists stay short: the user narrows them with the search box. */
const MAX_RESULTS = 200;

async function listRows(
	context: ILoadOptionsFunctions,
	call: OperationCall,
	/** Where the rows are when the call answers a page record rather than a list. */
	listField?: string,
): Promise<Row[]> {
	const authentication = context.getNodeParameter('authentication', 'apiKey') as string;
	const credentialType = authentication === 'login' ? LOGIN_CREDENTIAL : API_KEY_CREDENTIAL;
	const client = new EcGridOsClient(context, credentialType);
	try {
		const answer = await client.call(call, { binding: 'soap11', timeout: DEFAULT_TIMEOUT_MS });
		const rows = listField ? (answer as Row | null)?.[listField] : answer;
		return Array.isArray(rows)
			? (rows.filter((row) => row && typeof row === 'object') as Row[])
			: [];
	} catch (error) {
		// The editor shows this in the pick-list: the same scrubbed error as a run would give.
		throw (await describeFailure(context, error, undefined, credentialType)).error;
	}
}

function results(rows: Row[], item: (row: Row) => INodeListSearchItems): INodeListSearchResult {
	return { results: rows.slice(0, MAX_RESULTS).map(item) };
}

const text = (value: ResultValue | undefined) =>
	value === null || value === undefined ? '' : String(value);

export async function searchMailboxes(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const rows = await listRows(this, {
		operation: 'MailboxList',
		parameters: { Name: filter ?? '' },
	});
	return results(rows, (row) => ({
		name: `${text(row.Name)} (${text(row.MailboxID)}, network ${text(row.NetworkID)})`,
		value: text(row.MailboxID),
	}));
}

export async function searchNetworks(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const rows = await listRows(this, {
		operation: 'NetworkList',
		parameters: { Name: filter ?? '' },
	});
	return results(rows, (row) => ({
		name: `${text(row.Name)} (${text(row.NetworkID)})`,
		value: text(row.NetworkID),
	}));
}

export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const rows = await listRows(this, { operation: 'UserList', parameters: { Name: filter ?? '' } });
	return results(rows, (row) => {
		const person = `${text(row.FirstName)} ${text(row.LastName)}`.trim();
		return {
			name: `${text(row.LoginName)}${person ? ` – ${person}` : ''} (${text(row.UserID)})`,
			value: text(row.UserID),
		};
	});
}

export async function searchTradingPartners(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	// ECGridOS searches partners by their EDI ID; without a filter, the session's own list.
	const call: OperationCall = filter
		? { operation: 'TPSearch', parameters: { Qualifier: '', ID: filter, ShowInactive: false } }
		: { operation: 'TPList', parameters: { ShowInactive: false } };
	const rows = await listRows(this, call);
	return results(rows, (row) => ({
		name: `${text(row.Qualifier)}:${text(row.ID)}${row.Description ? ` – ${text(row.Description)}` : ''} (${text(row.ECGridID)})`,
		value: text(row.ECGridID),
	}));
}

/** The InBox of the credential's mailbox, newest first; the search box matches the file name. */
export async function searchParcels(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const rows = await listRows(
		this,
		{ operation: 'ParcelInBox', parameters: {} },
		'ParcelIDInfoList',
	);
	const wanted = (filter ?? '').trim().toLowerCase();
	const matching = rows
		.filter((row) => !wanted || text(row.FileName).toLowerCase().includes(wanted))
		.sort(
			(a, b) =>
				text(b.ParcelDate).localeCompare(text(a.ParcelDate)) ||
				compareLongs(text(b.ParcelID), text(a.ParcelID)),
		);
	return results(matching, (row) => ({
		name: `${text(row.FileName) || 'no file name'} from ${text(row.MailboxNameFrom) || text(row.MailboxIDFrom)} (${text(row.ParcelID)})`,
		value: text(row.ParcelID),
	}));
}

export const listSearch = {
	searchMailboxes,
	searchNetworks,
	searchParcels,
	searchTradingPartners,
	searchUsers,
};
